import type { Ref } from 'preact';
import { SEARCH_QUERY_MAX } from '../../lib/protocol';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

interface Props {
  store: PopupStore;
  inputRef: Ref<HTMLInputElement>;
  /** Arrow down from the box moves into the list below. */
  onArrowDown: () => void;
}

export function SearchBox({ store, inputRef, onArrowDown }: Props) {
  const strings = popupStrings(store.lang);
  return (
    <input
      ref={inputRef}
      class="search"
      type="search"
      aria-label={strings.searchLabel}
      placeholder={strings.searchPlaceholder}
      // A longer query is refused by the background (a pasted passage): the box takes no more than it searches.
      maxLength={SEARCH_QUERY_MAX}
      value={store.query.value}
      onInput={(event) => store.setQuery(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          onArrowDown();
        } else if (event.key === 'Escape' && store.query.value) {
          event.preventDefault();
          store.setQuery('');
        }
      }}
    />
  );
}
