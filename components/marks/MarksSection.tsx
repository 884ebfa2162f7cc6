/** Options → marks on links (issue 12): per site, whether lists and timelines mark the links to digest items. */
import type { OptionsStore } from '../options/options-store';
import { optionsStrings } from '../options/strings';
import { marksOptionWords } from './marks-option-words';

export function MarksSection({ store }: { store: OptionsStore }) {
  const words = marksOptionWords(store.lang);
  const { siteNames } = optionsStrings(store.lang);
  const settings = store.settings.value;
  if (!settings) return null;
  return (
    <section class="card" aria-labelledby="marks-heading">
      <h2 id="marks-heading">{words.heading}</h2>
      <p class="hint" id="marks-hint">
        {words.hint}
      </p>
      {/* Named by the heading: the sites' section has checkboxes of the same names (QA 2026-12-02). */}
      <fieldset class="plain" aria-labelledby="marks-heading">
        {(['x', 'github', 'huggingface'] as const).map((site) => (
          <div class="row" key={site}>
            <label>
              <input
                type="checkbox"
                name={`marks-${site}`}
                aria-describedby="marks-hint"
                checked={settings.marks[site]}
                onChange={(event) =>
                  void store.update({ marks: { ...settings.marks, [site]: event.currentTarget.checked } })
                }
              />{' '}
              {siteNames[site]}
            </label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}
