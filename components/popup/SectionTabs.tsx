import type { Section } from '../../lib/schema';
import type { PopupStore } from './popup-store';
import { popupStrings, sectionName } from './strings';

const SECTIONS: Section[] = ['news', 'tools', 'trending'];

export const tabId = (section: Section) => `tab-${section}`;
export const tabPanelId = (section: Section) => `panel-${section}`;

/**
 * The 新闻 / 工具 / GitHub 热门 tabs (the last lists the shown day's GitHub trending digest): one Tab stop (the
 * selected tab), left and right arrows switch and move focus along, round from the last to the first, Home and End
 * to the first and the last (the WAI-ARIA tabs pattern). Up and down are the reader's (list-navigation): down to the
 * list's first row, up towards the search box. Only the selected tab's panel is drawn: only it is named as the panel a
 * tab controls.
 */
export function SectionTabs({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  // On a day with only GitHub 热门 the shown digest is the trending one: counted once.
  const shown = store.digest.value?.kind === 'github-trending' ? null : store.digest.value;
  const items = [...(shown?.items ?? []), ...(store.trending.value?.items ?? [])];
  return (
    <div class="tabs" role="tablist">
      {SECTIONS.map((section) => {
        const selected = store.section.value === section;
        const count = items.filter((item) => item.section === section).length;
        return (
          <button
            key={section}
            id={tabId(section)}
            type="button"
            role="tab"
            class={selected ? 'tab selected' : 'tab'}
            aria-selected={selected}
            aria-controls={selected ? tabPanelId(section) : undefined}
            tabIndex={selected ? 0 : -1}
            data-section={section}
            onClick={() => store.setSection(section)}
            onKeyDown={(event) => {
              const next = tabAfterKey(section, event.key);
              if (!next) return;
              event.preventDefault();
              store.setSection(next);
              event.currentTarget.parentElement?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
            }}
          >
            {sectionName(strings, section)} <span class="count">{count}</span>
          </button>
        );
      })}
    </div>
  );
}

/** The tab a key on `from` goes to, or null for a key the tabs leave alone. */
function tabAfterKey(from: Section, key: string): Section | null {
  const at = SECTIONS.indexOf(from);
  const last = SECTIONS.length - 1;
  switch (key) {
    case 'ArrowRight':
      return SECTIONS[at === last ? 0 : at + 1] ?? null;
    case 'ArrowLeft':
      return SECTIONS[at === 0 ? last : at - 1] ?? null;
    case 'Home':
      return SECTIONS[0] ?? null;
    case 'End':
      return SECTIONS[last] ?? null;
    default:
      return null;
  }
}
