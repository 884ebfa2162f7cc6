import { type DateChoice, dateChoices, groupDateChoices } from '../../lib/ui/date-choices';
import { dateLabel } from '../../lib/ui/date-label';
import { ExternalLink } from '../shared/ExternalLink';
import { type ReadStateStrings, readStateStrings } from '../shared/read-state-strings';
import type { PopupStore } from './popup-store';
import { type PopupStrings, popupStrings } from './strings';

export function DigestHeader({ store }: { store: PopupStore }) {
  const strings = popupStrings(store.lang);
  const digest = store.digest.value;
  if (!digest) return null;
  const older = store.olderDate.value;
  const newer = store.newerDate.value;
  const dates = store.dates.value;
  const label = dateLabel(digest.date, store.now(), store.lang);
  const readStrings = readStateStrings(store.lang);
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
          aria-describedby="date-label"
          value={digest.date}
          onChange={(event) => void store.showDate(event.currentTarget.value)}
        >
          {/* Bounded and grouped: the shown month's days (a day without a digest shown, not choosable), the other
              months one choice each when many are stored (lib/ui/date-choices). */}
          {groupDateChoices(
            dateChoices(
              dates.map((entry) => entry.date),
              digest.date,
            ),
          ).map((group) => (
            <optgroup
              key={group.kind === 'month' ? group.month : group.year}
              label={group.kind === 'month' ? strings.monthGroup(group.month) : strings.yearGroup(group.year)}
            >
              {group.choices.map((choice) => (
                <DateOption
                  key={choice.kind === 'month' ? choice.month : choice.date}
                  choice={choice}
                  strings={strings}
                  unread={choice.kind === 'date' ? store.readState.unread(choice.date) : undefined}
                  readStrings={readStrings}
                />
              ))}
            </optgroup>
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
      <span id="date-label" class="date-label" data-relative={label.relative ?? undefined}>
        {label.text}
      </span>
      <span class="spacer" />
      {digest.issueUrl && (
        <ExternalLink class="issue-link" href={digest.issueUrl}>
          {strings.sourceLink}
        </ExternalLink>
      )}
    </div>
  );
}

interface DateOptionProps {
  choice: DateChoice;
  strings: PopupStrings;
  /** The day's unread count (issue 13), once known: the read state follows the shown month's days. */
  unread: number | undefined;
  readStrings: ReadStateStrings;
}

function DateOption({ choice, strings, unread, readStrings }: DateOptionProps) {
  switch (choice.kind) {
    case 'date':
      return (
        <option value={choice.date}>
          {unread === undefined ? choice.date : readStrings.dateWithUnread(choice.date, unread)}
        </option>
      );
    case 'missing':
      return (
        <option value={choice.date} disabled data-missing>
          {strings.missingDate(choice.date)}
        </option>
      );
    case 'month':
      return (
        <option value={choice.date} data-month={choice.month}>
          {strings.monthChoice(choice.month, choice.count)}
        </option>
      );
  }
}
