import type { Section } from '../../lib/schema';
import type { PopupStore } from './popup-store';
import { popupStrings, sectionName } from './strings';

const SECTIONS: Section[] = ['news', 'tools', 'trending'];

export const tabId = (section: Section) => `tab-${section}`;
export const tabPanelId = (section: Section) => `panel-${section}`;

/**
 * The 新闻 / 工具 / GitHub 热门 tabs (the last lists the shown day's GitHub trending digest): one Tab stop (the
 * selected tab), left and right arrows switch and move focus along, round from the last to the first.
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
            aria-controls={tabPanelId(section)}
            tabIndex={selected ? 0 : -1}
            data-section={section}
            onClick={() => store.setSection(section)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
              event.preventDefault();
              const step = event.key === 'ArrowRight' ? 1 : SECTIONS.length - 1;
              const next = SECTIONS[(SECTIONS.indexOf(section) + step) % SECTIONS.length] as Section;
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
