import type { organizations, PostalAddress } from '../modules/members/tables.ts';

/**
 * The demo consortium: fictional institutions in real cities of the five states (names invented, so no
 * real library is misrepresented), with plausible ZIP codes, area codes and 555-01xx phone numbers.
 */

type NewOrganization = typeof organizations.$inferInsert;
type LibraryType = 'public' | 'academic' | 'school' | 'special';
type Status = 'applicant' | 'active' | 'grace' | 'lapsed';

export type LibrarySeed = {
  symbol: string;
  name: string;
  /** Email and web domain: director@<domain>.example */
  domain: string;
  type: LibraryType;
  city: string;
  state: 'TX' | 'OK' | 'NM' | 'AR' | 'LA';
  zip: string;
  street: string;
  region: string;
  area: string;
  /** Population served (public) or student FTE (academic, school); unused for special libraries. */
  size: number;
  collection: number;
  status?: Status;
  /** Special libraries: what they collect, in English and Spanish. */
  focus?: [string, string];
  /** Staff there prefer Spanish. */
  es?: boolean;
};

// prettier-ignore
export const LIBRARIES: LibrarySeed[] = [
  { symbol: 'TXCHP', name: 'Cedar Hollow Public Library', domain: 'cedarhollow', type: 'public', city: 'Denton', state: 'TX', zip: '76201', street: '502 Oakland Street', region: 'North Texas', area: '940', size: 142000, collection: 310000 },
  { symbol: 'TXBLU', name: 'Bluebonnet Prairie Library', domain: 'bluebonnetprairie', type: 'public', city: 'Waxahachie', state: 'TX', zip: '75165', street: '211 College Street', region: 'North Texas', area: '972', size: 41000, collection: 96000 },
  { symbol: 'TXPCR', name: 'Pecan Crossing Library', domain: 'pecancrossing', type: 'public', city: 'Seguin', state: 'TX', zip: '78155', street: '313 South River Street', region: 'Central Texas', area: '830', size: 32000, collection: 74000 },
  { symbol: 'TXBRZ', name: 'Brazos Bend Public Library', domain: 'brazosbend', type: 'public', city: 'Waco', state: 'TX', zip: '76701', street: '1717 Austin Avenue', region: 'Central Texas', area: '254', size: 140000, collection: 285000 },
  { symbol: 'TXPWP', name: 'Prairie Wind Public Library', domain: 'prairiewind', type: 'public', city: 'Lubbock', state: 'TX', zip: '79401', street: '1306 Ninth Street', region: 'West Texas', area: '806', size: 260000, collection: 420000 },
  { symbol: 'TXCAP', name: 'Caprock Canyon Public Library', domain: 'caprockcanyon', type: 'public', city: 'Amarillo', state: 'TX', zip: '79101', street: '413 East Fourth Avenue', region: 'Texas Panhandle', area: '806', size: 200000, collection: 350000 },
  { symbol: 'TXSAL', name: 'Saltgrass Marsh Public Library', domain: 'saltgrassmarsh', type: 'public', city: 'Beaumont', state: 'TX', zip: '77701', street: '801 Pearl Street', region: 'Southeast Texas', area: '409', size: 115000, collection: 190000, status: 'grace' },
  { symbol: 'TXLSC', name: 'Lone Star Valley College Library', domain: 'lonestarvalley', type: 'academic', city: 'Tyler', state: 'TX', zip: '75701', street: '1400 East Fifth Street', region: 'East Texas', area: '903', size: 6400, collection: 240000 },
  { symbol: 'TXMVC', name: 'Mesa Verde College Library', domain: 'mesaverde', type: 'academic', city: 'El Paso', state: 'TX', zip: '79902', street: '919 Hawthorne Street', region: 'Far West Texas', area: '915', size: 11500, collection: 380000, es: true },
  { symbol: 'TXTRU', name: 'Trinity Uplands University Library', domain: 'trinityuplands', type: 'academic', city: 'Arlington', state: 'TX', zip: '76010', street: '702 Planetarium Place', region: 'North Texas', area: '817', size: 18000, collection: 910000 },
  { symbol: 'TXHCS', name: 'Hill Country ISD Library Services', domain: 'hillcountryisd', type: 'school', city: 'Kerrville', state: 'TX', zip: '78028', street: '1009 Barnett Street', region: 'Hill Country', area: '830', size: 4800, collection: 88000 },
  { symbol: 'TXCOA', name: 'Coastal Bend Academy Library', domain: 'coastalbend', type: 'school', city: 'Corpus Christi', state: 'TX', zip: '78401', street: '2210 Leopard Street', region: 'Coastal Bend', area: '361', size: 1900, collection: 26000 },
  { symbol: 'TXRGV', name: 'Rio Grande Valley Health Sciences Library', domain: 'rgvhealth', type: 'special', city: 'McAllen', state: 'TX', zip: '78501', street: '1220 Pecan Boulevard', region: 'Rio Grande Valley', area: '956', size: 0, collection: 42000, focus: ['medicine, nursing and public health', 'medicina, enfermería y salud pública'], es: true },
  { symbol: 'TXGCM', name: 'Gulf Coast Maritime Research Library', domain: 'gulfmaritime', type: 'special', city: 'Galveston', state: 'TX', zip: '77550', street: '2002 Strand Street', region: 'Gulf Coast', area: '409', size: 0, collection: 31000, focus: ['maritime history and coastal science', 'historia marítima y ciencias costeras'] },
  { symbol: 'TXLNO', name: 'Llano Estacado Law Library', domain: 'llanolaw', type: 'special', city: 'Midland', state: 'TX', zip: '79701', street: '500 North Loraine Street', region: 'Permian Basin', area: '432', size: 0, collection: 58000, focus: ['law and oil-and-gas regulation', 'derecho y regulación petrolera'], status: 'applicant' },
  { symbol: 'OKRDL', name: 'Red Dirt Public Library', domain: 'reddirt', type: 'public', city: 'Stillwater', state: 'OK', zip: '74074', street: '1107 South Duck Street', region: 'North Central Oklahoma', area: '405', size: 50000, collection: 120000 },
  { symbol: 'OKCRS', name: 'Cross Timbers Public Library', domain: 'crosstimbers', type: 'public', city: 'Norman', state: 'OK', zip: '73069', street: '103 West Acres Street', region: 'Central Oklahoma', area: '405', size: 128000, collection: 260000 },
  { symbol: 'OKWCH', name: 'Wichita Foothills Public Library', domain: 'wichitafoothills', type: 'public', city: 'Lawton', state: 'OK', zip: '73501', street: '110 SW Fourth Street', region: 'Southwest Oklahoma', area: '580', size: 90000, collection: 150000, status: 'lapsed' },
  { symbol: 'OKKIA', name: 'Kiamichi Valley Library', domain: 'kiamichivalley', type: 'public', city: 'Durant', state: 'OK', zip: '74701', street: '1515 West Main Street', region: 'Southeast Oklahoma', area: '580', size: 18000, collection: 45000, status: 'applicant' },
  { symbol: 'OKARK', name: 'Arkansas River College Library', domain: 'arkansasriver', type: 'academic', city: 'Tulsa', state: 'OK', zip: '74103', street: '600 South Cincinnati Avenue', region: 'Northeast Oklahoma', area: '918', size: 9000, collection: 330000 },
  { symbol: 'OKSGR', name: 'Sooner Grasslands School Library', domain: 'soonergrasslands', type: 'school', city: 'Enid', state: 'OK', zip: '73701', street: '400 West Broadway Avenue', region: 'Northwest Oklahoma', area: '580', size: 7000, collection: 64000 },
  { symbol: 'OKHPH', name: 'High Plains Heritage Research Library', domain: 'highplainsheritage', type: 'special', city: 'Guymon', state: 'OK', zip: '73942', street: '1126 North Main Street', region: 'Oklahoma Panhandle', area: '580', size: 0, collection: 12000, focus: ['local history and genealogy of the Panhandle', 'historia local y genealogía de la región'] },
  { symbol: 'NMEVL', name: 'Biblioteca Pública Río Chama', domain: 'riochama', type: 'public', city: 'Española', state: 'NM', zip: '87532', street: '313 North Paseo de Oñate', region: 'Northern New Mexico', area: '505', size: 25000, collection: 62000, es: true },
  { symbol: 'NMSDF', name: 'Sandia Foothills Public Library', domain: 'sandiafoothills', type: 'public', city: 'Albuquerque', state: 'NM', zip: '87102', street: '501 Copper Avenue NW', region: 'Central New Mexico', area: '505', size: 95000, collection: 210000 },
  { symbol: 'NMPCV', name: 'Pecos Valley Public Library', domain: 'pecosvalley', type: 'public', city: 'Roswell', state: 'NM', zip: '88201', street: '301 North Pennsylvania Avenue', region: 'Southeast New Mexico', area: '575', size: 48000, collection: 98000 },
  { symbol: 'NMTAO', name: 'Taos Plateau Community Library', domain: 'taosplateau', type: 'public', city: 'Taos', state: 'NM', zip: '87571', street: '402 Camino de la Placita', region: 'Northern New Mexico', area: '575', size: 6000, collection: 38000, status: 'grace', es: true },
  { symbol: 'NMSDC', name: 'Sangre de Cristo College Library', domain: 'sangredecristo', type: 'academic', city: 'Santa Fe', state: 'NM', zip: '87505', street: '6401 Richards Avenue', region: 'Northern New Mexico', area: '505', size: 3500, collection: 120000, es: true },
  { symbol: 'NMOMU', name: 'Organ Mountains University Library', domain: 'organmountains', type: 'academic', city: 'Las Cruces', state: 'NM', zip: '88001', street: '2911 McFie Circle', region: 'Southern New Mexico', area: '575', size: 14000, collection: 760000, es: true },
  { symbol: 'NMJMS', name: 'Jemez Mountains Science Library', domain: 'jemezscience', type: 'special', city: 'Los Alamos', state: 'NM', zip: '87544', street: '2400 Central Avenue', region: 'Northern New Mexico', area: '505', size: 0, collection: 54000, focus: ['physics, earth science and engineering', 'física, ciencias de la tierra e ingeniería'] },
  { symbol: 'AROZH', name: 'Ozark Highlands Public Library', domain: 'ozarkhighlands', type: 'public', city: 'Fayetteville', state: 'AR', zip: '72701', street: '401 West Mountain Street', region: 'Northwest Arkansas', area: '479', size: 95000, collection: 230000 },
  { symbol: 'ARBPT', name: 'Belle Point Public Library', domain: 'bellepoint', type: 'public', city: 'Fort Smith', state: 'AR', zip: '72901', street: '3201 Rogers Avenue', region: 'Western Arkansas', area: '479', size: 89000, collection: 175000 },
  { symbol: 'AROSP', name: 'Ouachita Springs Public Library', domain: 'ouachitasprings', type: 'public', city: 'Hot Springs', state: 'AR', zip: '71901', street: '200 Woodbine Street', region: 'Central Arkansas', area: '501', size: 38000, collection: 90000 },
  { symbol: 'ARDLC', name: 'Delta Lowlands College Library', domain: 'deltalowlands', type: 'academic', city: 'Pine Bluff', state: 'AR', zip: '71601', street: '1200 North University Drive', region: 'Southeast Arkansas', area: '870', size: 2800, collection: 140000 },
  { symbol: 'ARNED', name: 'Northeast Delta School District Library', domain: 'nedelta', type: 'school', city: 'Jonesboro', state: 'AR', zip: '72401', street: '1307 Flint Street', region: 'Northeast Arkansas', area: '870', size: 5800, collection: 71000 },
  { symbol: 'ARCHL', name: 'Capitol Heights Legal Research Library', domain: 'capitolheights', type: 'special', city: 'Little Rock', state: 'AR', zip: '72201', street: '625 Marshall Street', region: 'Central Arkansas', area: '501', size: 0, collection: 47000, focus: ['state law and legislative history', 'derecho estatal e historia legislativa'], status: 'applicant' },
  { symbol: 'LABTP', name: 'Bayou Teche Public Library', domain: 'bayouteche', type: 'public', city: 'Lafayette', state: 'LA', zip: '70501', street: '301 West Congress Street', region: 'Acadiana', area: '337', size: 125000, collection: 240000 },
  { symbol: 'LAPSP', name: 'Pontchartrain Shores Public Library', domain: 'pontchartrainshores', type: 'public', city: 'Slidell', state: 'LA', zip: '70458', street: '555 Robert Boulevard', region: 'Northshore', area: '985', size: 28000, collection: 70000 },
  { symbol: 'LAKSP', name: 'Kisatchie Pines Public Library', domain: 'kisatchiepines', type: 'public', city: 'Alexandria', state: 'LA', zip: '71301', street: '411 Washington Street', region: 'Central Louisiana', area: '318', size: 47000, collection: 110000, status: 'lapsed' },
  { symbol: 'LACRU', name: 'Crescent Riverfront University Library', domain: 'crescentriverfront', type: 'academic', city: 'New Orleans', state: 'LA', zip: '70118', street: '6363 St. Charles Avenue', region: 'Greater New Orleans', area: '504', size: 8000, collection: 520000 },
  { symbol: 'LACLC', name: 'Capital Lakes Community College Library', domain: 'capitallakes', type: 'academic', city: 'Baton Rouge', state: 'LA', zip: '70802', street: '201 Community College Drive', region: 'Capital Region', area: '225', size: 7500, collection: 96000 },
  { symbol: 'LAABS', name: 'Atchafalaya Basin School Library', domain: 'atchafalaya', type: 'school', city: 'Morgan City', state: 'LA', zip: '70380', street: '1000 Federal Avenue', region: 'Acadiana', area: '985', size: 3000, collection: 33000 },
  { symbol: 'LARRM', name: 'Red River Medical Center Library', domain: 'redrivermedical', type: 'special', city: 'Shreveport', state: 'LA', zip: '71101', street: '1501 Kings Highway', region: 'Northwest Louisiana', area: '318', size: 0, collection: 26000, focus: ['clinical medicine and hospital administration', 'medicina clínica y administración hospitalaria'] },
];

const fmt = (n: number, locale: string) => n.toLocaleString(locale);

function descriptions(l: LibrarySeed): [string, string] {
  switch (l.type) {
    case 'public':
      return [
        `A public library serving about ${fmt(l.size, 'en-US')} residents of ${l.city} and the surrounding area.`,
        `Biblioteca pública que atiende a unos ${fmt(l.size, 'es-MX')} habitantes de ${l.city} y sus alrededores.`,
      ];
    case 'academic':
      return [
        `The library of a college community of about ${fmt(l.size, 'en-US')} full-time students in ${l.city}.`,
        `La biblioteca de una comunidad universitaria de unos ${fmt(l.size, 'es-MX')} estudiantes de tiempo completo en ${l.city}.`,
      ];
    case 'school':
      return [
        `Library services for about ${fmt(l.size, 'en-US')} students in ${l.city}, from early readers to seniors.`,
        `Servicios bibliotecarios para unos ${fmt(l.size, 'es-MX')} estudiantes en ${l.city}, desde primeros lectores hasta el último año.`,
      ];
    case 'special':
      return [
        `A research library in ${l.city} specialising in ${l.focus?.[0] ?? 'its field'}.`,
        `Biblioteca especializada en ${l.focus?.[1] ?? 'su campo'}, en ${l.city}.`,
      ];
  }
}

/** Time zones: all of New Mexico and the El Paso area keep Mountain time; the rest Central. */
const timeZoneOf = (state: string, city: string) =>
  state === 'NM' || ['El Paso', 'Horizon City', 'Socorro', 'Canutillo', 'Anthony'].includes(city)
    ? 'America/Denver'
    : 'America/Chicago';

const address = (line1: string, city: string, state: string, postalCode: string, line2?: string) =>
  (line2 ? { line1, line2, city, state, postalCode } : { line1, city, state, postalCode }) as PostalAddress;

export function libraryRow(l: LibrarySeed, index: number): NewOrganization {
  const [descriptionEn, descriptionEs] = descriptions(l);
  const status = l.status ?? 'active';
  // Campuses receive at a loading dock; public and special libraries at the front desk.
  const shipping =
    l.type === 'academic' || l.type === 'school'
      ? address(`${l.street} — Receiving Dock`, l.city, l.state, l.zip, 'Attn: Interlibrary Loan')
      : address(l.street, l.city, l.state, l.zip, 'Attn: Resource Sharing');
  return {
    kind: 'library',
    symbol: l.symbol,
    name: l.name,
    libraryType: l.type,
    status,
    city: l.city,
    state: l.state,
    region: l.region,
    timeZone: timeZoneOf(l.state, l.city),
    populationServed: l.type === 'public' ? l.size : null,
    studentFte: l.type === 'academic' || l.type === 'school' ? l.size : null,
    collectionSize: l.collection,
    website: `https://www.${l.domain}.example`,
    phone: `(${l.area}) 555-01${String(index % 100).padStart(2, '0')}`,
    email: `info@${l.domain}.example`,
    descriptionEn,
    descriptionEs,
    streetAddress: address(l.street, l.city, l.state, l.zip),
    shippingAddress: shipping,
    courierStop: status === 'applicant' ? null : `${l.state}-${String(index + 1).padStart(3, '0')}`,
    billingEmail: `accounts@${l.domain}.example`,
    internalNotes:
      status === 'grace'
        ? 'Renewal invoice outstanding; grace period until the end of the quarter.'
        : status === 'lapsed'
          ? 'Membership lapsed after non-renewal. Keep the profile for their return.'
          : status === 'applicant'
            ? 'Application received; board review at the next meeting.'
            : '',
    // Joined between 1998 and 2024, spread deterministically; applicants have not joined yet.
    joinedOn:
      status === 'applicant'
        ? null
        : `${1998 + ((index * 7) % 27)}-${String((index % 12) + 1).padStart(2, '0')}-01`,
  };
}

const officeAddress = address('1 Commons Plaza, Suite 400', 'Dallas', 'TX', '75201');

export const CONSORTIUM: NewOrganization = {
  kind: 'consortium',
  symbol: 'AMCO',
  name: 'Amigos Commons Office',
  libraryType: null,
  status: 'active',
  city: 'Dallas',
  state: 'TX',
  region: 'North Texas',
  timeZone: 'America/Chicago',
  website: 'https://www.amigoscommons.example',
  phone: '(214) 555-0100',
  email: 'hello@amigoscommons.example',
  descriptionEn: 'The office of the cooperative: membership, resource sharing, training and shared services.',
  descriptionEs:
    'La oficina de la cooperativa: membresía, préstamo compartido, capacitación y servicios comunes.',
  streetAddress: officeAddress,
  shippingAddress: officeAddress,
  courierStop: 'TX-HUB',
  billingEmail: 'finance@amigoscommons.example',
  joinedOn: '1974-01-01',
};

type PartnerSeed = {
  symbol: string;
  name: string;
  domain: string;
  city: string;
  state: string;
  zip: string;
  street: string;
  region: string;
  en: string;
  es: string;
};

// prettier-ignore
export const PARTNERS: PartnerSeed[] = [
  { symbol: 'PTSWC', name: 'Southwest Library Courier Cooperative', domain: 'swcourier', city: 'Austin', state: 'TX', zip: '78701', street: '800 Brazos Street', region: 'Central Texas', en: 'Runs the courier routes that move shared items between members.', es: 'Opera las rutas de mensajería que llevan los préstamos entre las bibliotecas.' },
  { symbol: 'PTBRD', name: 'Border Region Digitization Partnership', domain: 'borderdigital', city: 'El Paso', state: 'TX', zip: '79901', street: '125 West Mills Avenue', region: 'Far West Texas', en: 'Digitizes and describes borderland archives with member libraries.', es: 'Digitaliza y describe archivos de la región fronteriza junto con las bibliotecas.' },
  { symbol: 'PTLMP', name: 'Lower Mississippi Preservation Alliance', domain: 'lmpreservation', city: 'Little Rock', state: 'AR', zip: '72201', street: '300 West Markham Street', region: 'Central Arkansas', en: 'Offers conservation workshops and disaster-recovery help for collections.', es: 'Ofrece talleres de conservación y apoyo ante desastres para las colecciones.' },
];

export function partnerRow(p: PartnerSeed): NewOrganization {
  const street = address(p.street, p.city, p.state, p.zip);
  return {
    kind: 'partner',
    symbol: p.symbol,
    name: p.name,
    libraryType: null,
    status: 'active',
    city: p.city,
    state: p.state,
    region: p.region,
    timeZone: timeZoneOf(p.state, p.city),
    website: `https://www.${p.domain}.example`,
    email: `info@${p.domain}.example`,
    descriptionEn: p.en,
    descriptionEs: p.es,
    streetAddress: street,
    shippingAddress: street,
  };
}
