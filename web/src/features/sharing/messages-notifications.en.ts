/** English messages of the notifications page and bell (merged into sharingEn in messages.en.ts). */
export const sharingNotificationsEn = {
  // Notifications
  'ill.notifications.title': 'Notifications',
  'ill.notifications.lead': 'What happened to your library’s requests.',
  'ill.notifications.none': 'No notifications.',
  'ill.notifications.unread_one': '{count} unread.',
  'ill.notifications.unread_other': '{count} unread.',
  'ill.notifications.markRead': 'Mark read: {title}',
  'ill.notifications.new': 'New',
  'ill.notifications.open': 'Open the request',
  'ill.notifications.markAll': 'Mark all read',
  'ill.notifications.markedAll': 'All notifications are marked read.',
  'ill.notifications.pagination': 'Pages of notifications',
  'ill.notifications.count_one': '{count} notification in all.',
  'ill.notifications.count_other': '{count} notifications in all.',
};
