/** English messages of the learning pages (merged into the app dictionary in i18n/en.ts). */
export const learningEn = {
  'learning.title': 'Learning',
  'learning.lead': 'Training and events for the staff of member libraries.',
  'learning.plan1': 'A calendar of workshops, webinars and conferences.',
  'learning.plan2': 'Registration and attendance records.',
  'learning.plan3': 'Recordings and materials to learn at your own pace.',
};
