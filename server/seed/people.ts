import type { Capability, Role } from '../platform/auth/principal.ts';
import { LIBRARIES, PARTNERS, type LibrarySeed } from './organizations.ts';

/**
 * Demo people. No real or invented persons: every display name is a role description ("Director —
 * Cedar Hollow Public Library") and every address is on the reserved .example domain.
 */
export type PersonSeed = {
  symbol: string;
  email: string;
  displayName: string;
  role: Role;
  capabilities: Capability[];
  jobTitle: string;
  expertise: string[];
  directoryOptIn: boolean;
  locale: 'en' | 'es';
};

type StaffKind = 'ill' | 'catalog' | 'data' | 'learning';

const STAFF: Record<
  StaffKind,
  { title: string; jobTitle: string; capabilities: Capability[]; expertise: string[] }
> = {
  ill: {
    title: 'ILL Staff',
    jobTitle: 'Interlibrary Loan Specialist',
    capabilities: ['sharing'],
    expertise: ['ILL workflows', 'Courier logistics'],
  },
  catalog: {
    title: 'Catalog Staff',
    jobTitle: 'Cataloging Librarian',
    capabilities: ['catalog'],
    expertise: ['MARC cataloging', 'RDA'],
  },
  data: {
    title: 'Data & Systems Staff',
    jobTitle: 'Systems Librarian',
    capabilities: ['data', 'catalog'],
    expertise: ['Collection analysis', 'ILS migration'],
  },
  learning: {
    title: 'Learning Coordinator',
    jobTitle: 'Training & Outreach Librarian',
    capabilities: ['learning'],
    expertise: ['Staff training', 'Grant writing'],
  },
};

/** Which libraries have staff beyond their director, and a local speciality for each. */
const TEAMS: Record<string, { staff: StaffKind[]; speciality?: string }> = {
  TXCHP: { staff: ['ill', 'catalog', 'data', 'learning'], speciality: 'Local history' },
  TXMVC: { staff: ['ill', 'catalog'], speciality: 'Spanish-language collections' },
  TXRGV: { staff: ['ill'], speciality: 'Health sciences literature' },
  TXPWP: { staff: ['catalog', 'learning'], speciality: "Children's services" },
  TXLSC: { staff: ['ill', 'data'], speciality: 'Open educational resources' },
  OKCRS: { staff: ['ill', 'catalog'], speciality: 'Native American collections' },
  OKARK: { staff: ['data'], speciality: 'Electronic resources licensing' },
  NMEVL: { staff: ['ill', 'learning'], speciality: 'Spanish-language collections' },
  NMOMU: { staff: ['catalog'], speciality: 'Government documents' },
  AROZH: { staff: ['ill', 'catalog'], speciality: 'Genealogy' },
  LACRU: { staff: ['catalog', 'data'], speciality: 'Digitization' },
  LABTP: { staff: ['ill', 'learning'], speciality: 'French-language collections' },
};

function libraryPeople(l: LibrarySeed, index: number): PersonSeed[] {
  const team = TEAMS[l.symbol];
  const locale = l.es ? 'es' : 'en';
  const director: PersonSeed = {
    symbol: l.symbol,
    email: `director@${l.domain}.example`,
    displayName: `Director — ${l.name}`,
    role: 'library_admin',
    capabilities: [],
    jobTitle: l.type === 'school' ? 'Library Services Coordinator' : 'Library Director',
    expertise: ['Library leadership', ...(index % 4 === 0 ? ['Grant writing'] : [])],
    // About half of the directors list themselves; the staff directory is opt-in.
    directoryOptIn: index % 2 === 0,
    locale,
  };
  const staff = (team?.staff ?? []).map((kind, i): PersonSeed => {
    const s = STAFF[kind];
    return {
      symbol: l.symbol,
      email: `${kind}@${l.domain}.example`,
      displayName: `${s.title} — ${l.name}`,
      role: 'library_staff',
      capabilities: s.capabilities,
      jobTitle: s.jobTitle,
      expertise: i === 0 && team?.speciality ? [...s.expertise, team.speciality] : s.expertise,
      // One staff member in four stays out of the directory, so opt-in visibly matters.
      directoryOptIn: (index + i) % 4 !== 3,
      locale,
    };
  });
  return [director, ...staff];
}

const CONSORTIUM_PEOPLE: PersonSeed[] = [
  {
    symbol: 'AMCO',
    email: 'admin@amigoscommons.example',
    displayName: 'Consortium Administrator — Amigos Commons Office',
    role: 'consortium_admin',
    capabilities: [],
    jobTitle: 'Director of Member Services',
    expertise: ['Membership', 'Governance'],
    directoryOptIn: true,
    locale: 'en',
  },
  {
    symbol: 'AMCO',
    email: 'staff@amigoscommons.example',
    displayName: 'Member Services Staff — Amigos Commons Office',
    role: 'consortium_staff',
    capabilities: [],
    jobTitle: 'Member Services Coordinator',
    expertise: ['Onboarding', 'Billing'],
    directoryOptIn: false,
    locale: 'en',
  },
  {
    symbol: 'AMCO',
    email: 'sharing@amigoscommons.example',
    displayName: 'Resource Sharing Coordinator — Amigos Commons Office',
    role: 'consortium_staff',
    capabilities: [],
    jobTitle: 'Resource Sharing Coordinator',
    expertise: ['ILL workflows', 'Courier logistics', 'Copyright'],
    directoryOptIn: true,
    locale: 'en',
  },
  {
    symbol: 'AMCO',
    email: 'learning@amigoscommons.example',
    displayName: 'Learning Services Staff — Amigos Commons Office',
    role: 'consortium_staff',
    capabilities: [],
    jobTitle: 'Continuing Education Librarian',
    expertise: ['Staff training', 'Spanish-language collections'],
    directoryOptIn: true,
    locale: 'es',
  },
];

const PARTNER_PEOPLE: PersonSeed[] = PARTNERS.map((p) => ({
  symbol: p.symbol,
  email: `coordinator@${p.domain}.example`,
  displayName: `Coordinator — ${p.name}`,
  role: 'partner_staff',
  capabilities: [],
  jobTitle: 'Partnership Coordinator',
  expertise: [],
  directoryOptIn: false,
  locale: 'en',
}));

export const PEOPLE: PersonSeed[] = [
  ...CONSORTIUM_PEOPLE,
  ...LIBRARIES.flatMap((l, i) => libraryPeople(l, i)),
  ...PARTNER_PEOPLE,
];

/** The logins printed at start-up: one per kind of person the demo is meant to be tried as. */
export const DEMO_LOGINS = [
  { role: 'consortium_admin', email: 'admin@amigoscommons.example', library: 'Amigos Commons Office' },
  { role: 'consortium_staff', email: 'staff@amigoscommons.example', library: 'Amigos Commons Office' },
  { role: 'library_admin', email: 'director@cedarhollow.example', library: 'Cedar Hollow Public Library' },
  { role: 'library_staff/sharing', email: 'ill@cedarhollow.example', library: 'Cedar Hollow Public Library' },
  {
    role: 'library_staff/catalog',
    email: 'catalog@cedarhollow.example',
    library: 'Cedar Hollow Public Library',
  },
  {
    role: 'partner_staff',
    email: 'coordinator@swcourier.example',
    library: 'Southwest Library Courier Cooperative',
  },
];
