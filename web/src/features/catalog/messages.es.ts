import type { catalogEn } from './messages.en.ts';

/** Spanish messages of the catalog pages: exactly the keys of messages.en.ts (the type enforces it). */
export const catalogEs: Record<keyof typeof catalogEn, string> = {
  'catalog.title': 'Catálogo',
  'catalog.lead': 'Un catálogo colectivo: un solo lugar para buscar lo que tiene cada biblioteca miembro.',
  'catalog.plan1': 'Buscar en los fondos combinados de las bibliotecas miembro, en inglés y en español.',
  'catalog.plan2': 'Las bibliotecas cargan y actualizan sus registros desde sus propios sistemas (MARC).',
  'catalog.plan3': 'Los registros duplicados de distintas bibliotecas se combinan en una sola entrada.',
};
