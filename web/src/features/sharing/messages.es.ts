import type { sharingEn } from './messages.en.ts';
import { sharingQueuesEs } from './messages-queues.es.ts';
import { sharingNewEs } from './messages-new.es.ts';
import { sharingRequestEs } from './messages-request.es.ts';
import { sharingStatesEs } from './messages-states.es.ts';
import { sharingPolicyEs } from './messages-policy.es.ts';
import { sharingAnalyticsEs } from './messages-analytics.es.ts';
import { sharingNotificationsEs } from './messages-notifications.es.ts';
import { sharingTextsEs } from './messages-texts.es.ts';
import { sharingPatronEs } from './patron/messages.es.ts';
import { sharingPartnersEs } from './partners/messages.es.ts';
import { sharingIsoEs } from './iso/messages.es.ts';

/** Spanish messages of the resource sharing pages: exactly the keys of messages.en.ts (the type enforces it). */
export const sharingEs: Record<keyof typeof sharingEn, string> = {
  'ill.title': 'Préstamo compartido',
  'ill.lead':
    'Préstamo interbibliotecario entre las bibliotecas miembro: lo que pide y lo que presta, un paso a la vez.',
  'ill.navLabel': 'Préstamo compartido',
  'ill.nav.borrowing': 'Pedidos',
  'ill.nav.lending': 'Préstamos',
  'ill.nav.new': 'Nueva solicitud',
  'ill.nav.policy': 'Política de préstamo',
  'ill.nav.analytics': 'Estadísticas',
  'ill.nav.notifications': 'Notificaciones',
  'ill.noLibrary': 'El préstamo compartido es para el personal de las bibliotecas miembro.',
  'ill.shortcut': 'Colas de préstamo compartido',
  ...sharingQueuesEs,
  ...sharingNewEs,
  ...sharingRequestEs,
  ...sharingStatesEs,
  ...sharingPolicyEs,
  ...sharingAnalyticsEs,
  ...sharingNotificationsEs,
  ...sharingTextsEs,
  ...sharingPatronEs,
  ...sharingPartnersEs,
  ...sharingIsoEs,
};
