/** The learning module's SQL, by subject: events and sessions, registrations and reminders, records. */
export * from './event-queries.ts';
export * from './registration-queries.ts';
export * from './record-queries.ts';
