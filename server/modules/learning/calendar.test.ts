import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { anonymous, createTestApp, type Client, type TestApp } from '../../test/harness.ts';
import { clientOf, eventBody, publishedEvent, staffAt } from './test-support.ts';
import { foldLine } from './ics.ts';

let t: TestApp;
let organiser: Client;
beforeAll(async () => {
  t = await createTestApp();
  organiser = await clientOf(t, t.fixtures.people.consortiumStaff.id);
});
afterAll(async () => {
  await t?.close();
});

/** Parses with ical.js (a real iCalendar parser) and returns the events in order. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v))
    .sort((a, b) => a.startDate.toJSDate().getTime() - b.startDate.toJSDate().getTime());
}

/** A two-session series in Denver straddling the start of daylight saving time (14 March 2027). */
const series = eventBody({
  titleEn: 'Spring cataloging series; part one, two',
  titleEs: 'Serie de catalogación en primavera',
  descriptionEn: 'Line one\nLine two with a comma, and a semicolon; done. '.repeat(3),
  timeZone: 'America/Denver',
  topic: 'cataloging',
  visibility: 'public',
  sessions: [
    { startsAt: '2027-03-09T10:00', endsAt: '2027-03-09T11:30' },
    { startsAt: '2027-03-16T10:00', endsAt: '2027-03-16T11:30' },
  ],
  registrationOpensAt: '2026-01-01T09:00',
  registrationClosesAt: '2027-03-08T17:00',
});

describe('iCalendar', () => {
  it('writes every session of a series in UTC, correct on both sides of the DST change', async () => {
    const id = await publishedEvent(t, organiser, series);
    const r = await anonymous(t.app).get(`/api/v1/learning/events/${id}/calendar.ics`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('text/calendar');
    expect(r.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const events = parse(r.body);
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-03-09T17:00:00.000Z',
      '2027-03-16T16:00:00.000Z',
    ]);
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe('2027-03-09T18:30:00.000Z');
    expect(events[0]!.summary).toBe('Spring cataloging series; part one, two (1/2)');
    expect(events[0]!.description).toContain('Line two with a comma, and a semicolon; done.');
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
    const es = await anonymous(t.app).get(`/api/v1/learning/events/${id}/calendar.ics?lang=es`);
    expect(parse(es.body)[0]!.summary).toBe('Serie de catalogación en primavera (1/2)');
  });

  it('serves a topic feed of public events and a secret personal feed', async () => {
    const id = await publishedEvent(t, organiser, series);
    const hidden = await publishedEvent(t, organiser, {
      ...series,
      visibility: 'members',
      titleEn: 'Members only',
    });
    const topic = await anonymous(t.app).get('/api/v1/learning/feeds/topics/cataloging.ics');
    expect(topic.statusCode).toBe(200);
    const summaries = parse(topic.body).map((e) => e.summary);
    expect(summaries).toContain('Spring cataloging series; part one, two (1/2)');
    expect(summaries.some((s) => s.startsWith('Members only'))).toBe(false);

    const [person] = await staffAt(t, t.fixtures.libraryA.id, 1, 'feed');
    await person!.client.post(`/api/v1/learning/events/${hidden}/registrations`, {});
    const feed = (await person!.client.get('/api/v1/learning/feed')).json();
    expect((await person!.client.get('/api/v1/learning/feed')).json().url).toBe(feed.url);
    const mine = await anonymous(t.app).get(feed.path);
    expect(mine.statusCode).toBe(200);
    expect(parse(mine.body).map((e) => e.summary)).toEqual(['Members only (1/2)', 'Members only (2/2)']);
    expect(mine.body).not.toContain(id);
    // Rotating the address retires the old one.
    const rotated = (await person!.client.post('/api/v1/learning/feed')).json();
    expect(rotated.path).not.toBe(feed.path);
    expect((await anonymous(t.app).get(feed.path)).statusCode).toBe(404);
  });

  it('refuses malformed calendar requests with clear 4xx answers', async () => {
    const client = anonymous(t.app);
    const badId = await client.get('/api/v1/learning/events/not-an-id/calendar.ics');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await client.get(`/api/v1/learning/events/${crypto.randomUUID()}/calendar.ics`);
    expect(unknown.statusCode).toBe(404);
    const topic = await client.get('/api/v1/learning/feeds/topics/astrology.ics');
    expect(topic.statusCode).toBe(404);
    expect(topic.json().error.message).toContain('accessibility');
    expect((await client.get('/api/v1/learning/feeds/topics/cataloging')).statusCode).toBe(400);
    expect((await client.get('/api/v1/learning/feeds/people/short.ics')).statusCode).toBe(400);
    expect((await client.get(`/api/v1/learning/feeds/people/${'x'.repeat(32)}.ics`)).statusCode).toBe(404);
    expect(
      (await client.get(`/api/v1/learning/events/${crypto.randomUUID()}/calendar.ics?lang=fr`)).statusCode,
    ).toBe(400);
  });

  it('folds long lines without splitting a character', () => {
    const line = `SUMMARY:${'ñ'.repeat(80)}`;
    const folded = foldLine(line);
    expect(folded.split('\r\n ').join('')).toBe(line);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });
});
