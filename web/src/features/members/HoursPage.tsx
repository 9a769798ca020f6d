import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorCode } from '../../api/client.ts';
import { membersApi, type LibraryProfile } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { usePageTitle } from '../../ui/Page.tsx';
import { useForm } from '../../ui/useForm.ts';
import { DayHours, type Period } from './DayHours.tsx';
import { useLibrary } from './LibraryLayout.tsx';
import { ConflictHelp, NotAllowed } from './LibraryNotices.tsx';
import { WEEK } from './LibraryParts.tsx';
import { validateHours } from './hours.ts';

const HOURS_FORM = 'hours';

export function HoursPage() {
  const { t } = useI18n();
  const { profile } = useLibrary();
  const [reloadedFrom, setReloadedFrom] = useState<number | null>(null);
  usePageTitle(`${t('library.section.hours')} – ${profile.name}`);
  if (!profile.can.edit) return <NotAllowed title={t('library.section.hours')} />;
  return (
    <HoursForm
      key={profile.version}
      profile={profile}
      reloaded={reloadedFrom !== null && reloadedFrom !== profile.version}
      onReload={() => setReloadedFrom(profile.version)}
    />
  );
}

let nextKey = 0;
const withKeys = (profile: LibraryProfile): Period[] =>
  [...profile.hours]
    .sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))
    .map((h) => ({ ...h, key: `p${nextKey++}` }));

function HoursForm({
  profile,
  reloaded,
  onReload,
}: {
  profile: LibraryProfile;
  reloaded: boolean;
  onReload: () => void;
}) {
  const { t, fmt } = useI18n();
  const { setProfile, reload } = useLibrary();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<{ periods: Period[] }>(() => ({ periods: withKeys(profile) }));
  const { periods } = form.values;
  useEffect(() => {
    if (reloaded) heading.current?.focus();
  }, [reloaded]);

  const setPeriods = (next: Period[]) => form.set('periods', next);
  const onSubmit = form.submit(
    (v) => validateHours(t, v.periods),
    async (v) => {
      const hours = v.periods.map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt }));
      setProfile(await membersApi.replaceHours(profile.id, profile.version, hours));
      navigate(`/members/${profile.id}`, { state: { flash: 'hours.saved' } });
    },
  );

  const labels: Record<string, string> = {};
  periods.forEach((p, i) => {
    labels[`hours.${i}.opensAt`] = `${fmt.weekday(p.weekday)} – ${t('hours.opens')}`;
    labels[`hours.${i}.closesAt`] = `${fmt.weekday(p.weekday)} – ${t('hours.closes')}`;
  });
  labels.hours = t('library.hours');
  const conflict = errorCode(form.formError) === 'VERSION_CONFLICT';
  const zone = fmt.timeZoneName(profile.timeZone);

  return (
    <section aria-labelledby="hours-title" className="section">
      <h2 id="hours-title" ref={heading} tabIndex={-1}>
        {t('library.section.hours')}
      </h2>
      <p>{t('hours.lead', { zone, id: profile.timeZone })}</p>
      {reloaded ? <Alert variant="info" title={t('conflict.reloaded')} /> : null}
      <ErrorSummary
        formId={HOURS_FORM}
        errors={form.errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      >
        {conflict ? (
          <ConflictHelp
            onReload={() => {
              onReload();
              reload();
            }}
          />
        ) : null}
      </ErrorSummary>
      <form id={HOURS_FORM} noValidate onSubmit={(e) => void onSubmit(e)} className="form form--wide">
        {WEEK.map((day) => (
          <DayHours key={day} day={day} periods={periods} onChange={setPeriods} errors={form.errors} />
        ))}
        <div className="form__actions">
          <button type="submit" className="button">
            {form.submitting ? t('common.saving') : t('hours.save')}
          </button>
          <Link to={`/members/${profile.id}`}>{t('common.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
