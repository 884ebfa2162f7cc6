import { expect, it } from 'vitest';
import { withoutLanguageTag } from '../../../../lib/digest/trending/language-tag';

it.each([
  ['[a/b](https://github.com/a/b) `python`', '[a/b](https://github.com/a/b)'],
  ['[a/b](https://github.com/a/b)   `c++`  ', '[a/b](https://github.com/a/b)'],
  ['[a/b](https://github.com/a/b)', '[a/b](https://github.com/a/b)'],
  // Not a tag after a link: kept as written.
  ['a/b `python`', 'a/b `python`'],
  ['[a/b](https://github.com/a/b) `two words`', '[a/b](https://github.com/a/b) `two words`'],
  ['`python`', '`python`'],
])('%j → %j', (heading, expected) => {
  expect(withoutLanguageTag(heading)).toBe(expected);
});
