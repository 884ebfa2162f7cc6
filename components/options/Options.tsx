import { AllSitesSection } from '../all-sites/AllSitesSection';
import type { AllSitesStore } from '../all-sites/all-sites-store';
import { MarksSection } from '../marks/MarksSection';
import { ArchiveSection } from './ArchiveSection';
import { DataSection } from './DataSection';
import { NoticeLine } from './NoticeLine';
import type { OptionsStore } from './options-store';
import { PanelSection } from './PanelSection';
import { SitesSection } from './SitesSection';
import { SourcesSection } from './SourcesSection';
import { SyncSection } from './SyncSection';
import { optionsStrings } from './strings';

/** `allSites`: the all-sites option (components/all-sites), with its own store. */
export function Options({ store, allSites }: { store: OptionsStore; allSites?: AllSitesStore }) {
  const strings = optionsStrings(store.lang);
  return (
    <main class="options">
      <h1>{strings.title}</h1>
      <NoticeLine notice={store.settingsNotice.value} name="settings" />
      <SourcesSection store={store} />
      <SyncSection store={store} />
      <ArchiveSection store={store} />
      <SitesSection store={store} />
      <MarksSection store={store} />
      {allSites && <AllSitesSection store={allSites} />}
      <PanelSection store={store} />
      <DataSection store={store} />
    </main>
  );
}
