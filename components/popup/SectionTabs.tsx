import type { Section } from '../../lib/schema';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

const SECTIONS: Section[] = ['news', 'tools'];

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
            type="button"
            role="tab"
            class={selected ? 'tab selected' : 'tab'}
            aria-selected={selected}
            data-section={section}
            onClick={() => store.setSection(section)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
              event.preventDefault();
              store.setSection(section === 'news' ? 'tools' : 'news');
            }}
          >
            {section === 'news' ? strings.news : strings.tools} <span class="count">{count}</span>
          </button>
        );
      })}
    </div>
  );
}
