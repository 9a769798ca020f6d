import type { Locale } from '../../platform/auth/principal.ts';

/** Names of competency areas in documents the server writes (certificates, transcripts). */
const areas: Record<Locale, Record<string, string>> = {
  en: {
    foundations: 'Foundations of the profession',
    information_resources: 'Information resources',
    organization_of_information: 'Organization of information',
    technology: 'Technology',
    reference_and_user_services: 'Reference and user services',
    administration_and_management: 'Administration and management',
    lifelong_learning: 'Lifelong learning',
  },
  es: {
    foundations: 'Fundamentos de la profesión',
    information_resources: 'Recursos de información',
    organization_of_information: 'Organización de la información',
    technology: 'Tecnología',
    reference_and_user_services: 'Referencia y servicios a usuarios',
    administration_and_management: 'Administración y gestión',
    lifelong_learning: 'Aprendizaje permanente',
  },
};

export const areaLabel = (area: string, locale: Locale) => areas[locale][area] ?? area;
