import { sharingQueuesEn } from './messages-queues.en.ts';
import { sharingNewEn } from './messages-new.en.ts';
import { sharingRequestEn } from './messages-request.en.ts';
import { sharingStatesEn } from './messages-states.en.ts';
import { sharingPolicyEn } from './messages-policy.en.ts';
import { sharingAnalyticsEn } from './messages-analytics.en.ts';
import { sharingNotificationsEn } from './messages-notifications.en.ts';
import { sharingTextsEn } from './messages-texts.en.ts';
import { sharingPatronEn } from './patron/messages.en.ts';
import { sharingPartnersEn } from './partners/messages.en.ts';
import { sharingIsoEn } from './iso/messages.en.ts';

/**
 * English messages of the resource sharing pages (merged into the app dictionary in i18n/en.ts).
 * Each page keeps its keys in its own messages-<page>.en.ts / .es.ts pair, so that adding keys to one page
 * does not touch the others.
 */
export const sharingEn = {
  'ill.title': 'Resource sharing',
  'ill.lead':
    'Interlibrary loan between member libraries: what you borrow and what you lend, one next step at a time.',
  'ill.navLabel': 'Resource sharing',
  'ill.nav.borrowing': 'Borrowing',
  'ill.nav.lending': 'Lending',
  'ill.nav.new': 'New request',
  'ill.nav.policy': 'Lending policy',
  'ill.nav.analytics': 'Analytics',
  'ill.nav.notifications': 'Notifications',
  'ill.noLibrary': 'Resource sharing is for the staff of member libraries.',
  'ill.shortcut': 'Resource sharing queues',
  ...sharingQueuesEn,
  ...sharingNewEn,
  ...sharingRequestEn,
  ...sharingStatesEn,
  ...sharingPolicyEn,
  ...sharingAnalyticsEn,
  ...sharingNotificationsEn,
  ...sharingTextsEn,
  ...sharingPatronEn,
  ...sharingPartnersEn,
  ...sharingIsoEn,
};
