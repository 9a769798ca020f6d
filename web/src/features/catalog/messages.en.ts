/** English messages of the catalog pages (merged into the app dictionary in i18n/en.ts). */
export const catalogEn = {
  'catalog.title': 'Catalog',
  'catalog.lead': 'A union catalog: one place to search what every member library holds.',
  'catalog.plan1': 'Search the combined holdings of member libraries, in English and Spanish.',
  'catalog.plan2': 'Libraries load and update their records from their own systems (MARC).',
  'catalog.plan3': 'Duplicate records from different libraries are merged into one entry.',
};
