import type { LibraryProfile, PostalAddress } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';

export function Address({ address }: { address: PostalAddress }) {
  return (
    <address className="address">
      {address.line1}
      <br />
      {address.line2 ? (
        <>
          {address.line2}
          <br />
        </>
      ) : null}
      {address.city}, {address.state} {address.postalCode}
    </address>
  );
}

/** Monday first, Sunday last (0 = Sunday in the data). */
export const WEEK = [1, 2, 3, 4, 5, 6, 0];

export function HoursTable({ profile }: { profile: LibraryProfile }) {
  const { t, fmt } = useI18n();
  const zone = fmt.timeZoneName(profile.timeZone);
  return (
    <table className="table table--compact hours-table">
      <caption>
        {t('library.hoursCaption')}
        <span className="caption-note"> {t('library.hoursZone', { zone, id: profile.timeZone })}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('field.day')}</th>
          <th scope="col">{t('library.hoursOpen')}</th>
        </tr>
      </thead>
      <tbody>
        {WEEK.map((day) => {
          const periods = profile.hours
            .filter((h) => h.weekday === day)
            .sort((a, b) => a.opensAt.localeCompare(b.opensAt));
          return (
            <tr key={day}>
              <th scope="row">{fmt.weekday(day)}</th>
              <td>
                {periods.length
                  ? fmt.list(
                      periods.map((p) =>
                        t('common.timeRange', { from: fmt.time(p.opensAt), to: fmt.time(p.closesAt) }),
                      ),
                    )
                  : t('library.closed')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ClosureDates({ startsOn, endsOn }: { startsOn: string; endsOn: string }) {
  const { t, fmt } = useI18n();
  if (startsOn === endsOn) return <>{fmt.date(startsOn)}</>;
  return <>{t('common.dateRange', { from: fmt.date(startsOn), to: fmt.date(endsOn) })}</>;
}
