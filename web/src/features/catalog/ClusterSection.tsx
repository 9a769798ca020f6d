import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClusterMember, ClusterView } from '../../api/catalog.ts';
import type { Resource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { useSession } from '../accounts/session.tsx';
import { canEditCluster } from './access.ts';
import { MergeForm } from './MergeForm.tsx';
import { SplitAction } from './SplitAction.tsx';

export type ClusterMessage = { ok: boolean; text: string; link?: { to: string; label: string } };

type Props = { resource: Resource<ClusterView>; onChanged: () => void };

/** "Why these records are together": each member record, its library, and the comparison that placed it. */
export function ClusterSection({ resource, onChanged }: Props) {
  const { t, tp } = useI18n();
  const { user } = useSession();
  const [message, setMessage] = useState<ClusterMessage | null>(null);
  // The button that was pressed is gone after a split or merge: the result message takes focus instead.
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  const cluster = resource.data;
  const libraryOf = new Map(cluster?.members.map((m) => [m.recordId, m.library.name]) ?? []);
  const staff = cluster
    ? canEditCluster(
        user,
        cluster.members.map((m) => m.library.id),
      )
    : false;

  const changed = (next: ClusterMessage) => {
    setMessage(next);
    resource.reload();
    onChanged();
  };

  return (
    <section aria-labelledby="record-why" className="section">
      <h2 id="record-why">{t('catalog.why.title')}</h2>
      <div ref={messageRef} tabIndex={-1} className="cluster-message">
        {message ? (
          <Alert variant={message.ok ? 'success' : 'error'} live={message.ok ? 'status' : 'alert'}>
            <p>
              {message.text} {message.link ? <Link to={message.link.to}>{message.link.label}</Link> : null}
            </p>
          </Alert>
        ) : null}
      </div>
      {resource.error ? <LoadError error={resource.error} onRetry={resource.reload} /> : null}
      {!cluster && !resource.error ? <Loading /> : null}
      {cluster ? (
        <>
          <p>
            {tp('catalog.why.records', cluster.recordCount)}{' '}
            {tp('catalog.why.libraries', cluster.libraryCount)}
          </p>
          <p>
            <strong>{t('catalog.why.displayReason')}</strong> {cluster.displayReason}
          </p>
          {cluster.members.map((member) => (
            <MemberWhy
              key={member.recordId}
              member={member}
              libraryOf={libraryOf}
              action={
                staff && cluster.members.length > 1 ? (
                  <SplitAction clusterId={cluster.id} member={member} onDone={changed} />
                ) : null
              }
            />
          ))}
          {staff ? <MergeForm cluster={cluster} onDone={changed} /> : null}
        </>
      ) : null}
    </section>
  );
}

type MemberProps = { member: ClusterMember; libraryOf: Map<string, string>; action: ReactNode };

function MemberWhy({ member, libraryOf, action }: MemberProps) {
  const { t, fmt } = useI18n();
  const why = member.why;
  const match = why?.match;
  const headingId = `member-${member.recordId}`;
  return (
    <article className="member-why" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {member.library.name} <span className="symbol">{member.library.symbol}</span>
      </h3>
      <dl className="summary-list summary-list--compact">
        <div>
          <dt>{t('catalog.why.record')}</dt>
          <dd>
            {member.title}
            {member.year !== null ? ` (${member.year})` : ''}{' '}
            {member.isDisplayRecord ? <Badge tone="positive">{t('catalog.why.isDisplay')}</Badge> : null}
          </dd>
        </div>
        <div>
          <dt>{t('catalog.why.controlNumber')}</dt>
          <dd>
            <code>
              {member.controlSource ? `(${member.controlSource}) ` : ''}
              {member.controlNumber}
            </code>
          </dd>
        </div>
        <div>
          <dt>{t('catalog.why.reason')}</dt>
          <dd>{why?.reason ?? t('catalog.why.noReason')}</dd>
        </div>
        {match ? (
          <>
            <div>
              <dt>{t('catalog.why.matchedWith')}</dt>
              <dd>{libraryOf.get(match.recordId) ?? t('catalog.why.otherRecord')}</dd>
            </div>
            <div>
              <dt>{t('catalog.why.decision')}</dt>
              <dd>
                {match.explanation.summary}{' '}
                <span className="muted">
                  ({t('catalog.why.decidedBy', { rule: match.explanation.decidedBy })},{' '}
                  {t('catalog.why.score', {
                    score: fmt.number(Math.round(match.explanation.score * 1000) / 1000),
                  })}
                  )
                </span>
              </dd>
            </div>
            {match.explanation.sharedKeys.length ? (
              <div>
                <dt>{t('catalog.why.sharedKeys')}</dt>
                <dd>
                  <ul className="plain-list">
                    {match.explanation.sharedKeys.map((k) => (
                      <li key={k}>
                        <code>{k}</code>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
      {match && (match.explanation.steps.length || match.explanation.features.length) ? (
        <details className="disclosure">
          <summary>{t('catalog.why.showRules')}</summary>
          {match && match.explanation.steps.length ? (
            <TableWrap label={t('catalog.why.steps', { library: member.library.name })}>
              <table className="table table--compact">
                <caption>{t('catalog.why.steps', { library: member.library.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('catalog.why.rule')}</th>
                    <th scope="col">{t('catalog.why.outcome')}</th>
                    <th scope="col">{t('catalog.why.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {match.explanation.steps.map((s, i) => (
                    <tr key={i}>
                      <th scope="row">{s.rule}</th>
                      <td>{s.outcome}</td>
                      <td>{s.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          {match && match.explanation.features.length ? (
            <TableWrap label={t('catalog.why.features', { library: member.library.name })}>
              <table className="table table--compact">
                <caption>{t('catalog.why.features', { library: member.library.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('catalog.why.feature')}</th>
                    <th scope="col" className="num">
                      {t('catalog.why.featureScore')}
                    </th>
                    <th scope="col">{t('catalog.why.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {match.explanation.features.map((f, i) => (
                    <tr key={i}>
                      <th scope="row">{f.feature}</th>
                      <td className="num">{fmt.number(Math.round(f.score * 1000) / 1000)}</td>
                      <td>{f.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
        </details>
      ) : null}
      {why && why.rejected.length ? (
        <div>
          <h4 className="member-why__subtitle">{t('catalog.why.keptApart')}</h4>
          <ul>
            {why.rejected.map((r) => (
              <li key={r.recordId}>
                {libraryOf.get(r.recordId) ?? t('catalog.why.otherRecord')}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {action}
    </article>
  );
}
