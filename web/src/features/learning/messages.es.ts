import type { learningEn } from './messages.en.ts';

/** Spanish messages of the learning pages: exactly the keys of messages.en.ts (the type enforces it). */
export const learningEs: Record<keyof typeof learningEn, string> = {
  'learning.title': 'Aprendizaje',
  'learning.lead': 'Capacitación y eventos para el personal de las bibliotecas miembro.',
  'learning.plan1': 'Un calendario de talleres, seminarios web y congresos.',
  'learning.plan2': 'Inscripciones y registros de asistencia.',
  'learning.plan3': 'Grabaciones y materiales para aprender a su propio ritmo.',
};
