import { ExternalLink } from '../shared/ExternalLink';
import type { PopupStore } from './popup-store';
import { popupStrings } from './strings';

export function DigestHeader({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const digest = store.digest.value;
  if (!digest) return null;
  const older = store.olderDate.value;
  const newer = store.newerDate.value;
  const dates = store.dates.value;
  // The arrows say aria-disabled at either end rather than disabled, which would drop the focus of a keyboard user.
  return (
    <div class="digest-header">
      <button
        type="button"
        class="nav"
        aria-label={strings.older}
        title={strings.older}
        aria-disabled={!older}
        onClick={() => older && void store.showDate(older)}
      >
        ‹
      </button>
      {dates.length > 1 ? (
        <select
          class="date-picker"
          aria-label={strings.pickDate}
          value={digest.date}
          onChange={(event) => void store.showDate(event.currentTarget.value)}
        >
          {dates.map((entry) => (
            <option key={entry.date} value={entry.date}>
              {entry.date}
            </option>
          ))}
        </select>
      ) : (
        <span class="digest-date">{digest.date}</span>
      )}
      <button
        type="button"
        class="nav"
        aria-label={strings.newer}
        title={strings.newer}
        aria-disabled={!newer}
        onClick={() => newer && void store.showDate(newer)}
      >
        ›
      </button>
      <span class="spacer" />
      {digest.issueUrl && (
        <ExternalLink class="issue-link" href={digest.issueUrl}>
          {strings.sourceLink}
        </ExternalLink>
      )}
    </div>
  );
}
