import { useNavigate, useParams } from 'react-router';
import { learningApi, type LearningEvent } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField, fieldId } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { requestHeadingFocus } from '../../ui/focus.ts';
import { useForm } from '../../ui/useForm.ts';
import { useSession } from '../accounts/session.tsx';
import { LearningNav } from './LearningNav.tsx';
import { emptyEvent, fromEvent, toBody, validateEvent, type EventFormValues } from './eventForm.ts';
import { areaOptions, formatOptions, languageOptions, topicOptions, zoneOptions } from './labels.ts';
import './learning.css';

const FORM = 'event';

/** Create an event (/learning/organise/new) or edit one (/learning/organise/:eventId/edit). */
export function EventFormPage() {
  const { eventId } = useParams();
  const { t } = useI18n();
  const existing = useResource(eventId ? `event:${eventId}` : null, (signal) =>
    learningApi.event(eventId!, signal),
  );
  const title = eventId ? t('learning.form.editTitle') : t('learning.form.newTitle');
  if (existing.error)
    return (
      <Page title={title}>
        <LoadError error={existing.error} />
      </Page>
    );
  if (eventId && !existing.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  return (
    <Page title={title}>
      <LearningNav />
      <EventForm key={eventId ?? 'new'} event={existing.data} />
    </Page>
  );
}

function EventForm({ event }: { event: LearningEvent | undefined }) {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const form = useForm<EventFormValues>(() => (event ? fromEvent(event) : emptyEvent()));
  const { values: v, set, errors } = form;
  const id = (f: string) => fieldId(FORM, f);
  const labels: Record<string, string> = {
    titleEn: t('learning.field.titleEn'),
    titleEs: t('learning.field.titleEs'),
    capacity: t('learning.field.capacity'),
    contactHours: t('learning.field.contactHours'),
    opensDate: t('learning.field.registrationOpens'),
    closesDate: t('learning.field.registrationCloses'),
    registrationClosesAt: t('learning.field.registrationCloses'),
    location: t('learning.field.location'),
    joinUrl: t('learning.field.joinUrl'),
    ...Object.fromEntries(
      v.sessions.flatMap((_, i) => [
        [`sessions.${i}.startsAt`, t('learning.form.sessionDate', { n: i + 1 })],
        [`sessions.${i}.endsAt`, t('learning.form.sessionEnd', { n: i + 1 })],
      ]),
    ),
  };
  const message = (code: string | undefined) =>
    code === 'required'
      ? t('validation.required')
      : code === 'number'
        ? t('learning.validation.number')
        : code === 'order'
          ? t('learning.validation.order')
          : code;
  const err = (f: string) => message(errors[f]);
  const text = (
    f: keyof EventFormValues,
    label: MessageKey,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      id={id(f)}
      label={t(label)}
      value={v[f] as string}
      onChange={(x) => set(f, x as never)}
      error={err(f === 'closesDate' ? 'registrationClosesAt' : f) ?? err(f)}
      {...extra}
    />
  );
  const setSession = (i: number, key: 'date' | 'start' | 'end', value: string) =>
    set(
      'sessions',
      v.sessions.map((s, j) => (j === i ? { ...s, [key]: value } : s)),
    );

  const onSubmit = form.submit(
    (values) => Object.fromEntries(Object.entries(validateEvent(values)).map(([k, c]) => [k, message(c)!])),
    async (values) => {
      const orgId = event?.organizer.id ?? user!.organization.id;
      const saved = event
        ? await learningApi.update(orgId, event.id, { ...toBody(values), version: event.version })
        : await learningApi.create(orgId, toBody(values));
      requestHeadingFocus();
      navigate(`/learning/organise/${saved.id}`);
    },
  );

  return (
    <form id={FORM} onSubmit={onSubmit} noValidate>
      <ErrorSummary
        formId={FORM}
        errors={form.errors}
        formError={form.formError}
        labels={labels}
        attempt={form.attempt}
      />
      <fieldset className="fieldset">
        <legend>{t('learning.form.about')}</legend>
        {text('titleEn', 'learning.field.titleEn')}
        {text('titleEs', 'learning.field.titleEs')}
        <TextAreaField
          id={id('descriptionEn')}
          label={t('learning.field.descriptionEn')}
          value={v.descriptionEn}
          onChange={(x) => set('descriptionEn', x)}
          lang="en"
          optional
        />
        <TextAreaField
          id={id('descriptionEs')}
          label={t('learning.field.descriptionEs')}
          value={v.descriptionEs}
          onChange={(x) => set('descriptionEs', x)}
          lang="es"
          optional
        />
        <SelectField
          id={id('format')}
          label={t('learning.field.format')}
          value={v.format}
          onChange={(x) => set('format', x)}
          options={formatOptions(t)}
        />
        <SelectField
          id={id('language')}
          label={t('learning.field.language')}
          value={v.language}
          onChange={(x) => set('language', x)}
          options={languageOptions(t)}
        />
        <SelectField
          id={id('topic')}
          label={t('learning.field.topic')}
          value={v.topic}
          onChange={(x) => set('topic', x)}
          options={topicOptions(t)}
        />
        <SelectField
          id={id('competencyArea')}
          label={t('learning.field.competencyArea')}
          value={v.competencyArea}
          onChange={(x) => set('competencyArea', x)}
          options={areaOptions(t)}
        />
        {text('audience', 'learning.field.audience', { optional: true })}
        {text('presenters', 'learning.field.presenters', {
          optional: true,
          hint: t('learning.form.presentersHint'),
        })}
        {text('contactHours', 'learning.field.contactHours', { inputMode: 'numeric', width: 'short' })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('learning.form.when')}</legend>
        <SelectField
          id={id('timeZone')}
          label={t('learning.field.timeZone')}
          value={v.timeZone}
          onChange={(x) => set('timeZone', x)}
          options={zoneOptions(t)}
        />
        {v.sessions.map((s, i) => (
          <div className="session-row" key={i}>
            <TextField
              id={id(`sessions.${i}.startsAt`)}
              type="date"
              width="medium"
              label={t('learning.form.sessionDate', { n: i + 1 })}
              value={s.date}
              onChange={(x) => setSession(i, 'date', x)}
              error={err(`sessions.${i}.startsAt`)}
            />
            <TextField
              id={id(`sessions.${i}.start`)}
              type="time"
              width="short"
              label={t('learning.form.sessionStart', { n: i + 1 })}
              value={s.start}
              onChange={(x) => setSession(i, 'start', x)}
            />
            <TextField
              id={id(`sessions.${i}.endsAt`)}
              type="time"
              width="short"
              label={t('learning.form.sessionEnd', { n: i + 1 })}
              value={s.end}
              onChange={(x) => setSession(i, 'end', x)}
              error={err(`sessions.${i}.endsAt`)}
            />
            {v.sessions.length > 1 ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  set(
                    'sessions',
                    v.sessions.filter((_, j) => j !== i),
                  )
                }
              >
                {t('learning.form.removeSession', { n: i + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            set('sessions', [...v.sessions, { ...v.sessions[v.sessions.length - 1]!, date: '' }])
          }
        >
          {t('learning.form.addSession')}
        </button>
        <div className="session-row">
          {text('opensDate', 'learning.field.registrationOpens', { type: 'date', width: 'medium' })}
          {text('opensTime', 'learning.form.opensTime', { type: 'time', width: 'short' })}
        </div>
        <div className="session-row">
          {text('closesDate', 'learning.field.registrationCloses', { type: 'date', width: 'medium' })}
          {text('closesTime', 'learning.form.closesTime', { type: 'time', width: 'short' })}
        </div>
        {text('location', 'learning.field.location', { optional: v.format === 'online' })}
        {text('joinUrl', 'learning.field.joinUrl', { type: 'url', optional: true })}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('learning.form.seats')}</legend>
        {text('capacity', 'learning.field.capacity', { inputMode: 'numeric', width: 'short' })}
        {text('seatCap', 'learning.field.seatCap', { inputMode: 'numeric', width: 'short', optional: true })}
        <SelectField
          id={id('visibility')}
          label={t('learning.field.visibility')}
          value={v.visibility}
          onChange={(x) => set('visibility', x)}
          options={[
            { value: 'members', label: t('learning.visibility.members') },
            { value: 'public', label: t('learning.visibility.public') },
          ]}
        />
        {text('memberPrice', 'learning.field.memberPrice', { inputMode: 'numeric', width: 'short' })}
        {text('nonmemberPrice', 'learning.field.nonmemberPrice', { inputMode: 'numeric', width: 'short' })}
        <SelectField
          id={id('promotionMode')}
          label={t('learning.field.promotionMode')}
          value={v.promotionMode}
          onChange={(x) => set('promotionMode', x)}
          options={[
            { value: 'direct', label: t('learning.promotion.direct') },
            { value: 'offer', label: t('learning.promotion.offer') },
          ]}
        />
        {v.promotionMode === 'offer'
          ? text('offerHours', 'learning.field.offerHours', { inputMode: 'numeric', width: 'short' })
          : null}
        {text('minimumMinutes', 'learning.field.minimumMinutes', {
          inputMode: 'numeric',
          width: 'short',
          optional: true,
        })}
        <TextAreaField
          id={id('reminderEn')}
          label={t('learning.field.reminderEn')}
          value={v.reminderEn}
          onChange={(x) => set('reminderEn', x)}
          rows={2}
          lang="en"
          optional
        />
        <TextAreaField
          id={id('reminderEs')}
          label={t('learning.field.reminderEs')}
          value={v.reminderEs}
          onChange={(x) => set('reminderEs', x)}
          rows={2}
          lang="es"
          optional
        />
      </fieldset>
      <button type="submit" className="button" disabled={form.submitting}>
        {event ? t('learning.form.save') : t('learning.form.create')}
      </button>
    </form>
  );
}
