import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { learningApi, urls, type LearningEvent } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { useSession } from '../accounts/session.tsx';
import { LearningNav } from './LearningNav.tsx';
import { ColleagueRegistration } from './ColleagueRegistration.tsx';
import { money, sessionText, titleOf } from './labels.ts';
import './learning.css';

/** One event: details, sessions, seats, and the reader's own registration (register, accept, cancel). */
export function EventPage() {
  const { eventId = '' } = useParams();
  const { t, tp, locale, fmt } = useI18n();
  const { user } = useSession();
  const result = useResource(`event:${eventId}`, (signal) => learningApi.event(eventId, signal));
  const [accommodation, setAccommodation] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (result.error)
    return (
      <Page title={t('learning.event.title')}>
        <LoadError error={result.error} onRetry={result.reload} />
      </Page>
    );
  const e = result.data;
  if (!e)
    return (
      <Page title={t('learning.event.title')}>
        <Loading />
      </Page>
    );

  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
      setNotice(message);
      result.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const title = titleOf(locale, e);
  const description = locale === 'es' ? e.descriptionEs : e.descriptionEn;

  return (
    <Page title={title} lead={e.organizer.name}>
      <LearningNav />
      {notice ? (
        <Alert variant="success" live="status">
          {notice}
        </Alert>
      ) : null}
      {failure ? (
        <Alert variant="error" live="alert">
          {isApiError(failure) && locale === 'en' ? failure.message : errorMessage(failure, locale)}
        </Alert>
      ) : null}
      {e.status === 'cancelled' ? <Alert variant="warning">{t('learning.event.cancelled')}</Alert> : null}
      <MyPlace
        e={e}
        busy={busy}
        onCancel={(id) => act(() => learningApi.cancel(id), t('learning.event.cancelDone'))}
        onAccept={(id) => act(() => learningApi.accept(id), t('learning.event.acceptDone'))}
      />
      {e.can.register ? (
        <section aria-labelledby="register-title" className="card">
          <h2 id="register-title">{t('learning.event.registerTitle')}</h2>
          <p>{e.seatsLeft ? tp('learning.seatsLeft', e.seatsLeft) : t('learning.event.fullWaitlist')}</p>
          <TextAreaField
            id="accommodation"
            label={t('learning.field.accommodation')}
            hint={t('learning.field.accommodationHint')}
            value={accommodation}
            onChange={setAccommodation}
            rows={2}
            optional
          />
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              act(() => learningApi.register(e.id, { accommodation }), t('learning.event.registered'))
            }
          >
            {e.seatsLeft ? t('learning.event.register') : t('learning.event.joinWaitlist')}
          </button>
        </section>
      ) : !user && e.registrationOpen ? (
        <p>
          <Link to={`/sign-in?next=/learning/events/${e.id}`}>{t('learning.event.signInToRegister')}</Link>
        </p>
      ) : null}
      <ColleagueRegistration e={e} onDone={result.reload} />
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('learning.event.details')}</h2>
        {description ? <p lang={locale}>{description}</p> : null}
        <dl className="summary-list">
          <div>
            <dt>{t('learning.field.format')}</dt>
            <dd>{t(`learning.format.${e.format}`)}</dd>
          </div>
          <div>
            <dt>{t('learning.field.language')}</dt>
            <dd>{t(`learning.language.${e.language}`)}</dd>
          </div>
          <div>
            <dt>{t('learning.field.topic')}</dt>
            <dd>{t(`learning.topic.${e.topic}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('learning.field.competencyArea')}</dt>
            <dd>{t(`learning.area.${e.competencyArea}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('learning.field.contactHours')}</dt>
            <dd>{tp('learning.hours', e.contactHours)}</dd>
          </div>
          {e.audience ? (
            <div>
              <dt>{t('learning.field.audience')}</dt>
              <dd>{e.audience}</dd>
            </div>
          ) : null}
          {e.presenters.length ? (
            <div>
              <dt>{t('learning.field.presenters')}</dt>
              <dd>{fmt.list(e.presenters)}</dd>
            </div>
          ) : null}
          {e.location ? (
            <div>
              <dt>{t('learning.field.location')}</dt>
              <dd>{e.location}</dd>
            </div>
          ) : null}
          {e.joinUrl ? (
            <div>
              <dt>{t('learning.field.joinUrl')}</dt>
              <dd>
                <a href={e.joinUrl}>{e.joinUrl}</a>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('learning.field.capacity')}</dt>
            <dd>
              {t('learning.event.seats', {
                taken: e.seatsTaken,
                capacity: e.capacity,
                waitlist: e.waitlistCount,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('learning.field.price')}</dt>
            <dd>
              {e.free
                ? t('learning.free')
                : t('learning.event.prices', {
                    member: money(locale, e.memberPriceCents),
                    nonmember: money(locale, e.nonmemberPriceCents),
                  })}
            </dd>
          </div>
          <div>
            <dt>{t('learning.field.registrationCloses')}</dt>
            <dd>
              {
                sessionText(
                  locale,
                  { startsAt: e.registrationClosesAt, endsAt: e.registrationClosesAt },
                  e.timeZone,
                ).split(' – ')[0]
              }
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{tp('learning.sessions', e.sessions.length)}</h2>
        <ol>
          {e.sessions.map((s) => (
            <li key={s.id}>{sessionText(locale, s, e.timeZone)}</li>
          ))}
        </ol>
        <p>
          <a href={urls.eventIcs(e.id, locale)} download>
            {t('learning.event.addToCalendar')}
          </a>
        </p>
      </section>
      {e.materials.length ? (
        <section aria-labelledby="materials-title">
          <h2 id="materials-title">{t('learning.event.materials')}</h2>
          <ul>
            {e.materials.map((m) => (
              <li key={m.url}>
                <a href={m.url}>{m.title}</a> ({t(`learning.material.${m.kind}`)}
                {m.captioned ? `, ${t('learning.material.captioned')}` : ''})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {e.can.manage ? (
        <p className="learning-actions">
          <Link className="button button--secondary" to={`/learning/organise/${e.id}`}>
            {t('learning.event.manage')}
          </Link>
          <Link className="button button--secondary" to={`/learning/organise/${e.id}/edit`}>
            {t('learning.event.edit')}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}

function MyPlace({
  e,
  busy,
  onCancel,
  onAccept,
}: {
  e: LearningEvent;
  busy: boolean;
  onCancel: (id: string) => void;
  onAccept: (id: string) => void;
}) {
  const { t, locale, fmt } = useI18n();
  const my = e.my;
  if (!my) return null;
  return (
    <section aria-labelledby="my-title" className="card">
      <h2 id="my-title">{t('learning.event.myPlace')}</h2>
      <p>
        <Badge tone={my.status === 'confirmed' ? 'positive' : 'caution'}>
          {t(`learning.status.${my.status}`)}
        </Badge>{' '}
        {my.status === 'waitlisted'
          ? t('learning.event.position', { position: my.waitlistPosition ?? 0 })
          : null}
        {my.status === 'offered' && my.offerExpiresAt
          ? t('learning.event.offerUntil', { time: fmt.dateTime(my.offerExpiresAt) })
          : null}
      </p>
      {my.amountCents > 0 ? (
        <p>
          {t('learning.event.amount', {
            amount: money(locale, my.amountCents),
            invoice: my.invoiceReference ?? '',
          })}
        </p>
      ) : null}
      {my.certificateCode ? (
        <p>
          <a href={urls.certificatePdf(my.certificateCode, locale)} download>
            {t('learning.event.downloadCertificate')}
          </a>
          {' · '}
          <Link to={`/learning/certificates/${my.certificateCode}`}>
            {t('learning.event.verifyCertificate')}
          </Link>
        </p>
      ) : null}
      <p className="learning-actions">
        {my.status === 'offered' ? (
          <button type="button" className="button" disabled={busy} onClick={() => onAccept(my.id)}>
            {t('learning.event.accept')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => onCancel(my.id)}
        >
          {my.status === 'waitlisted' ? t('learning.event.leaveWaitlist') : t('learning.event.cancel')}
        </button>
      </p>
    </section>
  );
}
