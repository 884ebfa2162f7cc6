import { dateChoices } from '../../lib/ui/date-choices';
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
          {/* Bounded: with many dates stored, the other months are one choice each (lib/ui/date-choices). */}
          {dateChoices(
            dates.map((entry) => entry.date),
            digest.date,
          ).map((choice) =>
            choice.kind === 'date' ? (
              <option key={choice.date} value={choice.date}>
                {choice.date}
              </option>
            ) : (
              <option key={choice.month} value={choice.date} data-month={choice.month}>
                {strings.monthChoice(choice.month, choice.count)}
              </option>
            ),
          )}
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
