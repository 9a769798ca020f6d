import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { learningApi, urls, type AttendanceResult, type LearningEvent } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';
import { LearningNav } from './LearningNav.tsx';
import { MaterialsForm } from './MaterialsForm.tsx';
import { titleOf } from './labels.ts';
import './learning.css';

/** Organiser view of one event: publish, registrations with check-in, attendance import, messages. */
export function EventAdminPage() {
  const { eventId = '' } = useParams();
  const { t, locale } = useI18n();
  const event = useResource(`event:${eventId}`, (signal) => learningApi.event(eventId, signal));
  const e = event.data;
  const regs = useResource(e ? `registrations:${e.id}:${e.version}` : null, (signal) =>
    learningApi.registrations(e!.organizer.id, e!.id, signal),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const title = e ? titleOf(locale, e) : t('learning.event.title');
  if (event.error)
    return (
      <Page title={title}>
        <LoadError error={event.error} />
      </Page>
    );
  if (!e)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );

  const run = async (work: () => Promise<unknown>, done: string) => {
    setFailure(null);
    try {
      await work();
      setNotice(done);
      event.reload();
      regs.reload();
    } catch (error) {
      setFailure(error);
    }
  };
  const status = (next: 'published' | 'cancelled') =>
    run(
      () => learningApi.update(e.organizer.id, e.id, { status: next, version: e.version }),
      t(`learning.admin.${next}`),
    );

  return (
    <Page title={title} lead={t('learning.admin.lead')}>
      <LearningNav />
      {notice ? (
        <Alert variant="success" live="status">
          {notice}
        </Alert>
      ) : null}
      {failure ? (
        <Alert variant="error" live="alert">
          {errorMessage(failure, locale)}
        </Alert>
      ) : null}
      <p className="learning-actions">
        <Badge>{t(`learning.eventStatus.${e.status}`)}</Badge>
        <Link to={`/learning/events/${e.id}`}>{t('learning.admin.view')}</Link>
        <Link to={`/learning/organise/${e.id}/edit`}>{t('learning.event.edit')}</Link>
        {e.status === 'draft' ? (
          <button type="button" className="button" onClick={() => status('published')}>
            {t('learning.admin.publish')}
          </button>
        ) : null}
        {e.status !== 'cancelled' ? (
          <button type="button" className="button button--danger" onClick={() => status('cancelled')}>
            {t('learning.admin.cancelEvent')}
          </button>
        ) : null}
      </p>
      <section aria-labelledby="registrations-title">
        <h2 id="registrations-title">{t('learning.admin.registrations')}</h2>
        <p>
          {t('learning.event.seats', {
            taken: e.seatsTaken,
            capacity: e.capacity,
            waitlist: e.waitlistCount,
          })}{' '}
          ·{' '}
          <a href={urls.registrationsCsv(e.organizer.id, e.id)} download>
            {t('learning.admin.exportCsv')}
          </a>
        </p>
        {regs.error ? <LoadError error={regs.error} onRetry={regs.reload} /> : null}
        {regs.data && !regs.data.items.length ? <p>{t('learning.admin.noRegistrations')}</p> : null}
        {regs.data?.items.length ? (
          <TableWrap label={t('learning.admin.registrations')}>
            <table className="table">
              <caption className="visually-hidden">{t('learning.admin.registrations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('learning.admin.person')}</th>
                  <th scope="col">{t('learning.admin.library')}</th>
                  <th scope="col">{t('learning.field.status')}</th>
                  <th scope="col">{t('learning.field.accommodation')}</th>
                  <th scope="col">{t('learning.admin.attendance')}</th>
                </tr>
              </thead>
              <tbody>
                {regs.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      {r.person.name}
                      <br />
                      <span className="muted">{r.person.email}</span>
                    </td>
                    <td>{r.organization.name}</td>
                    <td>
                      {t(`learning.status.${r.status}`)}
                      {r.waitlistPosition
                        ? ` (${t('learning.event.position', { position: r.waitlistPosition })})`
                        : ''}
                    </td>
                    <td>{r.accommodation || '—'}</td>
                    <td>
                      {r.status === 'confirmed' ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t(
                            r.attended ? 'learning.admin.undoCheckInFor' : 'learning.admin.checkInFor',
                            { name: r.person.name },
                          )}
                          onClick={() =>
                            run(
                              () => learningApi.checkIn(e.organizer.id, e.id, r.id, !r.attended),
                              t('learning.admin.saved'),
                            )
                          }
                        >
                          {r.attended ? t('learning.admin.undoCheckIn') : t('learning.admin.checkIn')}
                        </button>
                      ) : null}
                      {r.attended ? (
                        <>
                          {' '}
                          <Badge tone="positive">{t('learning.admin.attended')}</Badge>
                        </>
                      ) : null}
                      {r.minutesAttended !== null
                        ? ` ${t('learning.admin.minutes', { minutes: r.minutesAttended })}`
                        : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
      <AttendanceImport e={e} onDone={() => regs.reload()} />
      <MessageForm e={e} />
      <MaterialsForm e={e} onSaved={() => event.reload()} />
    </Page>
  );
}

function AttendanceImport({ e, onDone }: { e: LearningEvent; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [csv, setCsv] = useState('');
  const [minimum, setMinimum] = useState(e.minimumMinutes ? String(e.minimumMinutes) : '');
  const [result, setResult] = useState<AttendanceResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('learning.admin.importTitle')}</h2>
      <p>{t('learning.admin.importHelp')}</p>
      <label className="field__label" htmlFor="attendance-file">
        {t('learning.admin.importFile')}
      </label>
      <input
        id="attendance-file"
        type="file"
        accept=".csv,text/csv"
        onChange={async (ev) => setCsv((await ev.target.files?.[0]?.text()) ?? '')}
      />
      <TextAreaField
        id="attendance-csv"
        label={t('learning.admin.importCsv')}
        value={csv}
        onChange={setCsv}
        rows={4}
      />
      <TextField
        id="attendance-minimum"
        label={t('learning.field.minimumMinutes')}
        value={minimum}
        onChange={setMinimum}
        inputMode="numeric"
        width="short"
      />
      {failure ? (
        <Alert variant="error" live="alert">
          {errorMessage(failure, locale)}
        </Alert>
      ) : null}
      {result ? (
        <Alert variant="success" live="status">
          {t('learning.admin.importResult', {
            attended: result.attended,
            matched: result.matched,
            certificates: result.certificatesIssued,
          })}
          {result.unmatched.length
            ? ` ${t('learning.admin.unmatched', { emails: result.unmatched.join(', ') })}`
            : ''}
        </Alert>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={async () => {
          setFailure(null);
          try {
            setResult(
              await learningApi.importAttendance(
                e.organizer.id,
                e.id,
                csv,
                minimum ? Number(minimum) : undefined,
              ),
            );
            onDone();
          } catch (error) {
            setFailure(error);
          }
        }}
      >
        {t('learning.admin.import')}
      </button>
    </section>
  );
}

function MessageForm({ e }: { e: LearningEvent }) {
  const { t, locale } = useI18n();
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [includeWaitlist, setIncludeWaitlist] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <section aria-labelledby="message-title">
      <h2 id="message-title">{t('learning.admin.messageTitle')}</h2>
      <TextField
        id="message-subject"
        label={t('learning.admin.subject')}
        value={subject}
        onChange={setSubject}
      />
      <TextAreaField
        id="message-body"
        label={t('learning.admin.body')}
        value={body}
        onChange={setBody}
        rows={4}
      />
      <CheckboxField
        id="message-waitlist"
        label={t('learning.admin.includeWaitlist')}
        checked={includeWaitlist}
        onChange={setIncludeWaitlist}
      />
      {failure ? (
        <Alert variant="error" live="alert">
          {errorMessage(failure, locale)}
        </Alert>
      ) : null}
      {sent !== null ? (
        <Alert variant="success" live="status">
          {t('learning.admin.sent', { count: sent })}
        </Alert>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={async () => {
          setFailure(null);
          try {
            setSent(
              (await learningApi.message(e.organizer.id, e.id, { subject, body, includeWaitlist }))
                .recipients,
            );
          } catch (error) {
            setFailure(error);
          }
        }}
      >
        {t('learning.admin.send')}
      </button>
    </section>
  );
}
