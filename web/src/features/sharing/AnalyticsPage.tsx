import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { buildQuery } from '../../api/client.ts';
import { sharingApi, sharingUrls, type AnalyticsQuery, type AnalyticsRow } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { isConsortiumStaff } from '../../api/enums.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { Page } from '../../ui/Page.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useSession } from '../accounts/session.tsx';
import { BarChart } from './BarChart.tsx';
import { TURNAROUNDS, fillRateGroups, lastYear, netGroups, turnaroundGroups } from './chart.ts';
import { LibraryPicker } from './LibraryPicker.tsx';
import { textsLabel } from './texts.ts';
import { useSharingScope } from './scope.ts';
import { SharingNav } from './SharingNav.tsx';
import { canSeeAnalytics, canUseSharing } from './values.ts';
import './sharing.css';

const PERIODS = ['month', 'quarter', 'year'] as const;
/** The server's definition terms that have a label here (the others show as sent). */
const TERMS = new Set([
  'requests',
  'ended',
  'filled',
  'fillRate',
  'supplied',
  'received',
  'net',
  ...TURNAROUNDS,
]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fill rate, turnaround and net lending for a library or the consortium; every chart has its table. */
export function AnalyticsPage() {
  const { t, fmt } = useI18n();
  const { user } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const ownLibrary = canUseSharing(user) ? user!.organization.id : null;
  const consortium = !!user && isConsortiumStaff(user.role);
  const range = lastYear();
  const scope = params.get('scope') === 'consortium' || !ownLibrary ? 'consortium' : 'library';
  const from = DATE.test(params.get('from') ?? '') ? params.get('from')! : range.from;
  const to = DATE.test(params.get('to') ?? '') ? params.get('to')! : range.to;
  const period = (PERIODS as readonly string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as AnalyticsQuery['period'])
    : 'month';
  // Consortium staff: the whole consortium, or the library they picked (kept in the address).
  const picked = useSharingScope();
  const chosen = consortium && picked.consortium ? picked.libraryId : null;
  const query: AnalyticsQuery = {
    from,
    to,
    period,
    ...(scope === 'library' && ownLibrary ? { libraryId: ownLibrary } : {}),
    ...(chosen ? { libraryId: chosen } : {}),
  };
  const pick = (libraryId: string | null) =>
    navigate(`/sharing/analytics${buildQuery({ from, to, period, libraryId: libraryId ?? undefined })}`);
  const [draft, setDraft] = useState({ scope, from, to, period: period as string });
  const invalid = from > to;
  const result = useResource(
    canSeeAnalytics(user) && !invalid ? `ill-analytics${buildQuery(query)}` : null,
    (signal) => sharingApi.analytics(query, signal),
    { keepPrevious: true },
  );
  const data = result.data;
  const pct = (value: number | null) => (value === null ? null : `${Math.round(value * 100)} %`);
  const hours = (value: number | null) =>
    value === null ? null : t('ill.analytics.hours', { hours: value.toFixed(1) });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/sharing/analytics${buildQuery({ ...draft, libraryId: chosen ?? undefined })}`);
  };
  const periodLabel = (p: string) => p;
  const seriesLabel = (s: string) => t(`ill.analytics.${s}` as MessageKey);
  const termLabel = (term: string) =>
    TERMS.has(term) ? seriesLabel(term === 'net' ? 'netCol' : term) : term;

  if (!canSeeAnalytics(user))
    return (
      <Page title={t('ill.analytics.title')}>
        <SharingNav />
        <p>{t('ill.noLibrary')}</p>
      </Page>
    );
  return (
    <Page title={t('ill.analytics.title')} lead={t('ill.analytics.lead')}>
      <SharingNav />
      {consortium && !ownLibrary ? (
        <>
          <LibraryPicker value={chosen} onPick={(l) => pick(l.id)} />
          {chosen ? (
            <p>
              <Link to={`/sharing/analytics${buildQuery({ from, to, period })}`}>
                {t('ill.picker.wholeConsortium')}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
      <form className="filters card" onSubmit={apply} aria-label={t('ill.analytics.show')}>
        {ownLibrary ? (
          <SelectField
            id="analytics-scope"
            label={t('ill.analytics.scope')}
            value={draft.scope}
            onChange={(v) => setDraft((d) => ({ ...d, scope: v as 'library' | 'consortium' }))}
            options={[
              { value: 'library', label: `${t('ill.analytics.myLibrary')} (${user!.organization.name})` },
              { value: 'consortium', label: t('ill.analytics.consortium') },
            ]}
          />
        ) : consortium && !chosen ? (
          <p>{t('ill.analytics.consortium')}</p>
        ) : null}
        <TextField
          id="analytics-from"
          label={t('ill.analytics.from')}
          type="date"
          width="medium"
          value={draft.from}
          onChange={(v) => setDraft((d) => ({ ...d, from: v }))}
        />
        <TextField
          id="analytics-to"
          label={t('ill.analytics.to')}
          type="date"
          width="medium"
          value={draft.to}
          onChange={(v) => setDraft((d) => ({ ...d, to: v }))}
        />
        <SelectField
          id="analytics-period"
          label={t('ill.analytics.period')}
          value={draft.period}
          onChange={(v) => setDraft((d) => ({ ...d, period: v }))}
          options={PERIODS.map((p) => ({ value: p, label: t(`ill.analytics.${p}`) }))}
        />
        <button type="submit" className="button">
          {t('ill.analytics.show')}
        </button>
      </form>
      {invalid ? <Alert variant="error" title={t('ill.analytics.rangeInvalid')} /> : null}
      {result.error ? <LoadError error={result.error} onRetry={result.reload} /> : null}
      <LiveRegion>
        {data
          ? data.total.requests
            ? t('ill.analytics.summary', {
                requests: fmt.number(data.total.requests),
                fillRate: pct(data.total.fillRate) ?? '—',
                supplied: fmt.number(data.total.supplied),
                received: fmt.number(data.total.received),
              })
            : t('ill.analytics.noData')
          : ''}
      </LiveRegion>
      {data ? (
        <div aria-busy={result.loading}>
          <p>
            <a href={sharingUrls.analyticsCsv(buildQuery(query).slice(1))} download>
              {t('ill.analytics.csv')}
            </a>
          </p>
          <section aria-labelledby="ill-fill" className="section ill-chart-pair">
            <h2 id="ill-fill">{t('ill.analytics.fillRate')}</h2>
            <BarChart
              description={t('ill.analytics.chartFill')}
              groups={fillRateGroups(data.rows)}
              groupLabel={periodLabel}
              seriesLabel={seriesLabel}
              top={100}
              unit="%"
            />
            <TableWrap label={t('ill.analytics.fillRateCaption')}>
              <table className="table table--compact">
                <caption>{t('ill.analytics.fillRateCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ill.analytics.period.col')}</th>
                    <th scope="col">{t('ill.analytics.requests')}</th>
                    <th scope="col">{t('ill.analytics.ended')}</th>
                    <th scope="col">{t('ill.analytics.filled')}</th>
                    <th scope="col">{t('ill.analytics.fillRate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.rows, data.total].map((r, i) => (
                    <tr key={i === data.rows.length ? 'total' : r.period}>
                      <th scope="row">{i === data.rows.length ? t('ill.analytics.total') : r.period}</th>
                      <td>{fmt.number(r.requests)}</td>
                      <td>{fmt.number(r.ended)}</td>
                      <td>{fmt.number(r.filled)}</td>
                      <td>{pct(r.fillRate) ?? <NoValue />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <section aria-labelledby="ill-turnaround" className="section ill-chart-pair">
            <h2 id="ill-turnaround">{t('ill.analytics.turnaround')}</h2>
            <BarChart
              description={t('ill.analytics.chartTurnaround')}
              groups={turnaroundGroups(data.total)}
              groupLabel={seriesLabel}
              seriesLabel={seriesLabel}
            />
            <TurnaroundTable total={data.total} hours={hours} />
          </section>
          <section aria-labelledby="ill-net" className="section ill-chart-pair">
            <h2 id="ill-net">{t('ill.analytics.net')}</h2>
            <BarChart
              description={t('ill.analytics.chartNet')}
              groups={netGroups(data.rows)}
              groupLabel={periodLabel}
              seriesLabel={seriesLabel}
            />
            <TableWrap label={t('ill.analytics.netCaption')}>
              <table className="table table--compact">
                <caption>{t('ill.analytics.netCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ill.analytics.period.col')}</th>
                    <th scope="col">{t('ill.analytics.supplied')}</th>
                    <th scope="col">{t('ill.analytics.received')}</th>
                    <th scope="col">{t('ill.analytics.netCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...data.rows, data.total].map((r, i) => (
                    <tr key={i === data.rows.length ? 'total' : r.period}>
                      <th scope="row">{i === data.rows.length ? t('ill.analytics.total') : r.period}</th>
                      <td>{fmt.number(r.supplied)}</td>
                      <td>{fmt.number(r.received)}</td>
                      <td>{r.net > 0 ? `+${fmt.number(r.net)}` : fmt.number(r.net)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </section>
          <section aria-labelledby="ill-definitions" className="section">
            <h2 id="ill-definitions">{t('ill.analytics.definitions')}</h2>
            <dl className="summary-list summary-list--compact">
              {Object.entries(data.definitions).map(([term, text]) => (
                <div key={term}>
                  <dt>{termLabel(term)}</dt>
                  <dd>{textsLabel({ t, fmt }, [{ code: `analytics.${term}`, params: {} }], text)}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      ) : null}
    </Page>
  );
}

function TurnaroundTable({
  total,
  hours,
}: {
  total: AnalyticsRow;
  hours: (v: number | null) => string | null;
}) {
  const { t, fmt } = useI18n();
  return (
    <TableWrap label={t('ill.analytics.turnaroundCaption')}>
      <table className="table table--compact">
        <caption>{t('ill.analytics.turnaroundCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ill.analytics.measure')}</th>
            <th scope="col">{t('ill.analytics.count')}</th>
            <th scope="col">{t('ill.analytics.average')}</th>
            <th scope="col">{t('ill.analytics.under48')}</th>
            <th scope="col">{t('ill.analytics.from48to72')}</th>
            <th scope="col">{t('ill.analytics.over72')}</th>
          </tr>
        </thead>
        <tbody>
          {TURNAROUNDS.map((m) => (
            <tr key={m}>
              <th scope="row">{t(`ill.analytics.${m}`)}</th>
              <td>{fmt.number(total[m].count)}</td>
              <td>{hours(total[m].averageHours) ?? <NoValue />}</td>
              <td>{fmt.number(total[m].under48)}</td>
              <td>{fmt.number(total[m].from48to72)}</td>
              <td>{fmt.number(total[m].over72)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
