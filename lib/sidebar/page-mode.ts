/**
 * What a page of a served site gets for its matches: the card (`auto`), the toolbar badge only (`badge`), or
 * nothing (`off`, the site switched off in the options). In panel mode the page shows no card, as in badge-only
 * mode: the side panel shows its items.
 */
import type { Settings, SiteId } from '../schema';

export type PageMode = 'auto' | 'badge' | 'off';

export function pageMode(settings: Pick<Settings, 'sites' | 'sidebarMode'>, site: SiteId | null): PageMode {
  if (site && !settings.sites[site]) return 'off';
  return settings.sidebarMode === 'panel' ? 'badge' : settings.sidebarMode;
}
