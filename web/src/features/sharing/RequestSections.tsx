import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { RequestDetail } from '../../api/sharing.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { actionLabel, conditionLabel, money, reasonLabel, shippingLabel, stateLabel } from './labels.ts';
import { reasonLabels, textsLabel } from './texts.ts';

const Row = ({ term, children }: { term: string; children: ReactNode }) => (
  <div>
    <dt>{term}</dt>
    <dd>{children}</dd>
  </div>
);

/** What was asked for: the citation, with the article fields when there are any. */
export function CitationBlock({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  const c = request.citation;
  const rows: Array<[string, string]> = (
    [
      ['articleTitle', c.articleTitle],
      ['articleAuthor', c.articleAuthor],
      ['title', c.title],
      ['author', c.author],
      ['publisher', c.publisher],
      ['year', c.year],
      ['edition', c.edition],
      ['volume', c.volume],
      ['issue', c.issue],
      ['pages', c.pages],
      ['isbn', c.isbn],
      ['issn', c.issn],
      ['oclc', c.oclc],
    ] as const
  )
    .filter(([, v]) => v)
    .map(([k, v]) => [t(`ill.field.${k}`), v]);
  return (
    <section aria-labelledby="ill-citation" className="section">
      <h2 id="ill-citation">{t('ill.request.citation')}</h2>
      <dl className="summary-list summary-list--compact">
        {rows.map(([term, value]) => (
          <Row key={term} term={term}>
            {value}
          </Row>
        ))}
        {request.clusterId ? (
          <Row term={t('ill.request.record')}>
            <Link to={`/catalog/records/${request.clusterId}`}>{c.title}</Link>
          </Row>
        ) : null}
      </dl>
    </section>
  );
}

export function DetailsBlock({ request }: { request: RequestDetail }) {
  const { t, fmt, locale } = useI18n();
  const a = request.attempt;
  return (
    <section aria-labelledby="ill-details" className="section">
      <h2 id="ill-details">{t('ill.request.details')}</h2>
      <dl className="summary-list summary-list--compact">
        <Row term={t('ill.request.service')}>
          {t(request.serviceType === 'loan' ? 'ill.service.loan' : 'ill.service.copy')}
          {request.rush ? ` · ${t('ill.request.rush')}` : ''}
        </Row>
        <Row term={t('ill.request.borrower')}>
          {request.borrower.name} ({request.borrower.symbol})
          {request.outside ? (
            <>
              {' '}
              <Badge>{t('ill.request.outside')}</Badge>
            </>
          ) : null}
        </Row>
        <Row term={t('ill.request.needBefore')}>
          {request.needBefore ? fmt.date(request.needBefore) : <NoValue />}
        </Row>
        {request.viewAs !== 'lending' ? (
          <Row term={t('ill.request.pickup')}>{request.pickupLocation || <NoValue />}</Row>
        ) : null}
        <Row term={t('ill.request.created')}>{fmt.dateTime(request.createdAt)}</Row>
        {request.staffNote ? <Row term={t('ill.request.staffNote')}>{request.staffNote}</Row> : null}
        {a ? (
          <>
            <Row term={t('ill.request.attempt')}>
              {a.lender.name} ({a.lender.symbol}) · {stateLabel(t, 'lending', a.state)}
            </Row>
            {a.answerBy && (a.state === 'received' || a.state === 'expect_to_supply') ? (
              <Row term={t('ill.request.answerBy')}>{fmt.dateTime(a.answerBy)}</Row>
            ) : null}
            {a.dueDate ? <Row term={t('ill.request.due')}>{fmt.date(a.dueDate)}</Row> : null}
            {a.shippingMethod ? (
              <Row term={t('ill.request.shipping')}>{shippingLabel(t, a.shippingMethod)}</Row>
            ) : null}
            {a.trackingId ? <Row term={t('ill.request.tracking')}>{a.trackingId}</Row> : null}
            {a.conditions.length ? (
              <Row term={t('ill.request.conditions')}>
                {fmt.list(a.conditions.map((c) => conditionLabel(t, c)))}
              </Row>
            ) : null}
            {a.costCents !== null ? (
              <Row term={t('ill.request.cost')}>{money(locale, a.costCents)}</Row>
            ) : null}
            {a.reasonCode ? <Row term={t('ill.request.reason')}>{reasonLabel(t, a.reasonCode)}</Row> : null}
          </>
        ) : null}
      </dl>
      {a?.renewalPending ? <Alert variant="info" title={t('ill.request.renewalPending')} /> : null}
    </section>
  );
}

/** Borrower staff only, and only while the server still holds it. */
export function PatronBlock({ request }: { request: RequestDetail }) {
  const { t } = useI18n();
  if (request.viewAs !== 'borrowing') return null;
  const p = request.patron;
  return (
    <section aria-labelledby="ill-patron" className="section section--private">
      <h2 id="ill-patron">{t('ill.request.patron')}</h2>
      {p ? (
        <dl className="summary-list summary-list--compact">
          <Row term={t('ill.field.patronName')}>{p.name}</Row>
          <Row term={t('ill.field.patronEmail')}>{p.email ?? <NoValue />}</Row>
          {p.cardNumber ? <Row term={t('illPatron.cardNumber')}>{p.cardNumber}</Row> : null}
          <Row term={t('ill.field.patronLocale')}>
            {t(p.locale === 'es' ? 'ill.locale.es' : 'ill.locale.en')}
          </Row>
        </dl>
      ) : (
        <p>{t('ill.request.patronPurged')}</p>
      )}
    </section>
  );
}

/** The lender list: who is asked in which order and why, and who was left out and why. */
export function RotaBlock({ request }: { request: RequestDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (request.viewAs === 'lending') return null;
  return (
    <section aria-labelledby="ill-rota" className="section">
      <h2 id="ill-rota">{t('ill.rota.title')}</h2>
      {request.rota.length ? (
        <TableWrap label={t('ill.rota.caption')}>
          <table className="table table--compact">
            <caption>{t('ill.rota.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ill.rota.position')}</th>
                <th scope="col">{t('ill.rota.library')}</th>
                <th scope="col">{t('ill.rota.why')}</th>
                <th scope="col">{t('ill.rota.status')}</th>
              </tr>
            </thead>
            <tbody>
              {request.rota.map((r) => (
                <tr
                  key={r.library.id}
                  aria-current={request.attempt?.lender.id === r.library.id ? 'step' : undefined}
                >
                  <td>{r.position}</td>
                  <th scope="row">
                    {r.library.name} ({r.library.symbol})
                  </th>
                  <td>
                    <ul className="ill-reasons">
                      {reasonLabels(i18n, r.reasons, r.reasonCodes).map((reason, i) => (
                        <li key={i}>{reason}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{r.state ? stateLabel(t, 'lending', r.state) : t('ill.rota.notAsked')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('ill.rota.none')}</p>
      )}
      {request.skipped.length ? (
        <TableWrap label={t('ill.rota.skippedCaption')}>
          <table className="table table--compact">
            <caption>{t('ill.rota.skippedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ill.rota.library')}</th>
                <th scope="col">{t('ill.rota.why')}</th>
              </tr>
            </thead>
            <tbody>
              {request.skipped.map((s) => (
                <tr key={s.library.id}>
                  <th scope="row">
                    {s.library.name} ({s.library.symbol})
                  </th>
                  <td>{textsLabel(i18n, s.reasonCodes, s.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}

/** Every action and message: who, when, what. */
export function TimelineBlock({ request }: { request: RequestDetail }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const sideOf = (side: 'borrowing' | 'lending' | 'system', state: string | null) =>
    state ? stateLabel(t, side === 'lending' ? 'lending' : 'borrowing', state) : '';
  return (
    <section aria-labelledby="ill-timeline" className="section">
      <h2 id="ill-timeline">{t('ill.timeline.title')}</h2>
      <TableWrap label={t('ill.timeline.caption')}>
        <table className="table table--compact">
          <caption>{t('ill.timeline.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ill.timeline.when')}</th>
              <th scope="col">{t('ill.timeline.who')}</th>
              <th scope="col">{t('ill.timeline.what')}</th>
              <th scope="col">{t('ill.timeline.change')}</th>
            </tr>
          </thead>
          <tbody>
            {request.timeline.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td>{fmt.dateTime(e.at)}</td>
                <td>
                  {e.actor ?? t('ill.timeline.system')}
                  {e.library ? <span className="ill-queue__meta">{e.library}</span> : null}
                </td>
                <th scope="row">
                  {t(`ill.timeline.side.${e.side}`)}: {actionLabel(t, e.action)}
                  {e.note ? (
                    <span className="ill-queue__meta">{textsLabel(i18n, e.noteCodes, e.note)}</span>
                  ) : null}
                </th>
                <td>
                  {e.from && e.to ? (
                    <>
                      {sideOf(e.side, e.from)} <span aria-hidden="true">→</span>
                      <span className="visually-hidden">,</span> {sideOf(e.side, e.to)}
                    </>
                  ) : (
                    <NoValue />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
