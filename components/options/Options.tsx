import { ArchiveSection } from './ArchiveSection';
import { DataSection } from './DataSection';
import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { PanelSection } from './PanelSection';
import { SitesSection } from './SitesSection';
import { SourcesSection } from './SourcesSection';
import { SyncSection } from './SyncSection';
import { optionsStrings } from './strings';

export function Options({ store }: { store: OptionsStore }) {
  const strings = optionsStrings(store.lang);
  return (
    <main class="options">
      <h1>{strings.title}</h1>
      <NoticeLine notice={store.settingsNotice.value} name="settings" />
      <SourcesSection store={store} />
      <SyncSection store={store} />
      <ArchiveSection store={store} />
      <SitesSection store={store} />
      <PanelSection store={store} />
      <DataSection store={store} />
    </main>
  );
}
