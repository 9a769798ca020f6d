import type { sharingNotificationsEn } from './messages-notifications.en.ts';

/** Spanish messages of the notifications page and bell: exactly the keys of messages-notifications.en.ts (the type enforces it). */
export const sharingNotificationsEs: Record<keyof typeof sharingNotificationsEn, string> = {
  'ill.notifications.title': 'Notificaciones',
  'ill.notifications.lead': 'Lo que pasó con las solicitudes de su biblioteca.',
  'ill.notifications.none': 'No hay notificaciones.',
  'ill.notifications.unread_one': '{count} sin leer.',
  'ill.notifications.unread_other': '{count} sin leer.',
  'ill.notifications.markRead': 'Marcar leída: {title}',
  'ill.notifications.new': 'Nueva',
  'ill.notifications.open': 'Abrir la solicitud',
  'ill.notifications.markAll': 'Marcar todas como leídas',
  'ill.notifications.markedAll': 'Todas las notificaciones quedaron marcadas como leídas.',
  'ill.notifications.pagination': 'Páginas de notificaciones',
  'ill.notifications.count_one': '{count} notificación en total.',
  'ill.notifications.count_other': '{count} notificaciones en total.',
};
