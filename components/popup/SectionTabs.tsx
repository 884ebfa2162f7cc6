import type { Section } from '../../lib/schema';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

const SECTIONS: Section[] = ['news', 'tools'];

export const tabId = (section: Section) => `tab-${section}`;
export const tabPanelId = (section: Section) => `panel-${section}`;

/** The 新闻 / 工具 tabs: one Tab stop (the selected tab), left and right arrows switch and move focus along. */
export function SectionTabs({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const items = store.digest.value?.items ?? [];
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
              const next = section === 'news' ? 'tools' : 'news';
              store.setSection(next);
              event.currentTarget.parentElement?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
            }}
          >
            {section === 'news' ? strings.news : strings.tools} <span class="count">{count}</span>
          </button>
        );
      })}
    </div>
  );
}
