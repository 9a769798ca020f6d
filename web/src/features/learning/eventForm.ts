import type { EventInput, LearningEvent } from '../../api/learning.ts';

/** The organiser's form: strings as typed; converted to the API body on submit. */
export type EventFormValues = {
  titleEn: string;
  titleEs: string;
  descriptionEn: string;
  descriptionEs: string;
  format: string;
  language: string;
  timeZone: string;
  topic: string;
  competencyArea: string;
  audience: string;
  presenters: string;
  contactHours: string;
  capacity: string;
  seatCap: string;
  visibility: string;
  sessions: { date: string; start: string; end: string }[];
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  location: string;
  joinUrl: string;
  memberPrice: string;
  nonmemberPrice: string;
  promotionMode: string;
  offerHours: string;
  minimumMinutes: string;
  reminderEn: string;
  reminderEs: string;
};

/** Registration opens from yesterday by default, so a new event can take sign-ups at once in any zone. */
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

export function emptyEvent(): EventFormValues {
  return {
    titleEn: '',
    titleEs: '',
    descriptionEn: '',
    descriptionEs: '',
    format: 'online',
    language: 'en',
    timeZone: 'America/Chicago',
    topic: 'technology',
    competencyArea: 'technology',
    audience: '',
    presenters: '',
    contactHours: '1',
    capacity: '30',
    seatCap: '',
    visibility: 'members',
    sessions: [{ date: '', start: '10:00', end: '11:00' }],
    opensDate: yesterday(),
    opensTime: '00:00',
    closesDate: '',
    closesTime: '17:00',
    location: '',
    joinUrl: '',
    memberPrice: '0',
    nonmemberPrice: '0',
    promotionMode: 'direct',
    offerHours: '24',
    minimumMinutes: '',
    reminderEn: '',
    reminderEs: '',
  };
}

export function fromEvent(e: LearningEvent): EventFormValues {
  const split = (local: string) => ({ date: local.slice(0, 10), time: local.slice(11, 16) });
  const opens = split(e.localRegistrationOpensAt);
  const closes = split(e.localRegistrationClosesAt);
  return {
    titleEn: e.titleEn,
    titleEs: e.titleEs,
    descriptionEn: e.descriptionEn,
    descriptionEs: e.descriptionEs,
    format: e.format,
    language: e.language,
    timeZone: e.timeZone,
    topic: e.topic,
    competencyArea: e.competencyArea,
    audience: e.audience,
    presenters: e.presenters.join(', '),
    contactHours: String(e.contactHours),
    capacity: String(e.capacity),
    seatCap: e.seatCapPerInstitution ? String(e.seatCapPerInstitution) : '',
    visibility: e.visibility,
    sessions: e.sessions.map((s) => ({
      date: s.localStart.slice(0, 10),
      start: s.localStart.slice(11, 16),
      end: s.localEnd.slice(11, 16),
    })),
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    location: e.location,
    joinUrl: e.joinUrl ?? '',
    memberPrice: (e.memberPriceCents / 100).toFixed(2),
    nonmemberPrice: (e.nonmemberPriceCents / 100).toFixed(2),
    promotionMode: e.promotionMode,
    offerHours: String(e.offerHours),
    minimumMinutes: e.minimumMinutes ? String(e.minimumMinutes) : '',
    reminderEn: e.reminderEn,
    reminderEs: e.reminderEs,
  };
}

const cents = (v: string) => Math.round(Number(v.replace(/[$,\s]/g, '') || '0') * 100);

export function toBody(v: EventFormValues): EventInput {
  return {
    titleEn: v.titleEn,
    titleEs: v.titleEs,
    descriptionEn: v.descriptionEn,
    descriptionEs: v.descriptionEs,
    format: v.format as EventInput['format'],
    language: v.language as EventInput['language'],
    timeZone: v.timeZone as EventInput['timeZone'],
    topic: v.topic as EventInput['topic'],
    competencyArea: v.competencyArea as EventInput['competencyArea'],
    audience: v.audience,
    presenters: v.presenters
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    contactHours: Number(v.contactHours),
    capacity: Number(v.capacity),
    seatCapPerInstitution: v.seatCap ? Number(v.seatCap) : null,
    visibility: v.visibility as EventInput['visibility'],
    sessions: v.sessions.map((s) => ({ startsAt: `${s.date}T${s.start}`, endsAt: `${s.date}T${s.end}` })),
    registrationOpensAt: `${v.opensDate}T${v.opensTime}`,
    registrationClosesAt: `${v.closesDate}T${v.closesTime}`,
    location: v.location,
    joinUrl: v.joinUrl,
    memberPriceCents: cents(v.memberPrice),
    nonmemberPriceCents: cents(v.nonmemberPrice),
    promotionMode: v.promotionMode as EventInput['promotionMode'],
    offerHours: Number(v.offerHours),
    minimumMinutes: v.minimumMinutes ? Number(v.minimumMinutes) : null,
    reminderEn: v.reminderEn,
    reminderEs: v.reminderEs,
  };
}

/** Local checks before the server's: required fields, numbers, dates in order. */
export function validateEvent(v: EventFormValues): Record<string, string> {
  const e: Record<string, string> = {};
  const required = ['titleEn', 'titleEs', 'contactHours', 'capacity', 'closesDate', 'opensDate'] as const;
  for (const f of required) if (!v[f].trim()) e[f] = 'required';
  if (v.capacity && !(Number.isInteger(Number(v.capacity)) && Number(v.capacity) >= 1)) e.capacity = 'number';
  if (v.contactHours && !(Number(v.contactHours) > 0)) e.contactHours = 'number';
  v.sessions.forEach((s, i) => {
    if (!s.date) e[`sessions.${i}.startsAt`] = 'required';
    else if (s.end <= s.start) e[`sessions.${i}.endsAt`] = 'order';
  });
  if (v.format !== 'online' && !v.location.trim()) e.location = 'required';
  return e;
}
