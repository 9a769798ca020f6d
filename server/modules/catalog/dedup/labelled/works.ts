import type { Spec } from '../testing/builder.ts';

/** A valid ISBN-10 from its first nine digits. */
export function isbn10(body: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

/** The same ISBN as ISBN-13. */
export function isbn13of10(isbn: string): string {
  const body = '978' + isbn.slice(0, 9);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 ? 3 : 1);
  return body + ((10 - (sum % 10)) % 10);
}

/** "0679734775" → "0-679-73477-5" (group-publisher-title-check; the split is illustrative). */
export function hyphenate10(isbn: string): string {
  return `${isbn[0]}-${isbn.slice(1, 4)}-${isbn.slice(4, 9)}-${isbn[9]}`;
}

export function issn(body: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(body[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return `${body.slice(0, 4)}-${body.slice(4)}${check === 10 ? 'X' : check}`;
}

/**
 * Base descriptions of works a Southwest library cooperative holds. Each becomes "library A's record"; the
 * pair builders derive "library B's record" from it, the way another cataloguer would have described the same
 * (or a different) manifestation. Identifiers are check-digit valid; the titles are real books.
 */
export const WORKS = {
  solitude: {
    title: 'One hundred years of solitude',
    author: 'García Márquez, Gabriel,',
    isbn: [isbn10('006011418')],
    year: 1970,
    publisher: 'Harper & Row',
    place: 'New York',
    extent: '422 p.',
    added: ['Rabassa, Gregory.'],
  },
  soledad: {
    title: 'Cien años de soledad',
    author: 'García Márquez, Gabriel,',
    isbn: [isbn10('843760494')],
    year: 1967,
    publisher: 'Editorial Sudamericana',
    place: 'Buenos Aires',
    extent: '351 p.',
    lang: 'spa',
  },
  mango: {
    title: 'The house on Mango Street',
    nonfiling: 4,
    author: 'Cisneros, Sandra.',
    isbn: [isbn10('067973477')],
    year: 1991,
    publisher: 'Vintage Books',
    place: 'New York',
    extent: '110 p.',
  },
  ultima: {
    title: 'Bless me, Ultima',
    author: 'Anaya, Rudolfo A.',
    isbn: [isbn10('044660025')],
    year: 1994,
    publisher: 'Warner Books',
    extent: 'x, 262 p.',
  },
  ceremony: {
    title: 'Ceremony',
    author: 'Silko, Leslie Marmon,',
    isbn: [isbn10('067022002')],
    year: 1977,
    publisher: 'Viking Press',
    extent: '262 p.',
  },
  perl: {
    title: 'Programming Perl',
    author: 'Wall, Larry.',
    added: ['Christiansen, Tom.', 'Orwant, Jon.'],
    isbn: [isbn10('059600027')],
    edition: '3rd ed.',
    year: 2000,
    publisher: "O'Reilly",
    extent: 'xxxiii, 1067 p.',
  },
  blechtrommel: {
    title: 'Die Blechtrommel',
    nonfiling: 4,
    subtitle: 'Roman',
    author: 'Grass, Günter,',
    year: 1959,
    publisher: 'Luchterhand',
    place: 'Darmstadt',
    extent: '736 S.',
    lang: 'ger',
  },
  prince: {
    title: 'Le petit prince',
    nonfiling: 3,
    author: 'Saint-Exupéry, Antoine de,',
    year: 1946,
    publisher: 'Gallimard',
    place: 'Paris',
    extent: '93 p.',
    lang: 'fre',
    oclc: ['(OCoLC)ocm01234567'],
  },
  algorithms: {
    title: 'Introduction to algorithms',
    author: 'Cormen, Thomas H.',
    added: ['Leiserson, Charles E.', 'Rivest, Ronald L.', 'Stein, Clifford.'],
    isbn: [isbn13of10(isbn10('026203384'))],
    edition: '3rd ed.',
    year: 2009,
    publisher: 'MIT Press',
    place: 'Cambridge, Mass.',
    extent: 'xix, 1292 p.',
  },
  navajo: {
    title: 'The Navajo language',
    nonfiling: 4,
    subtitle: 'a grammar and colloquial dictionary',
    author: 'Young, Robert W.',
    added: ['Morgan, William,'],
    isbn: [isbn10('082631014')],
    edition: 'Rev. ed.',
    year: 1987,
    publisher: 'University of New Mexico Press',
    place: 'Albuquerque',
    extent: 'xiii, 1069 p.',
  },
  solitaire: {
    title: 'Desert solitaire',
    subtitle: 'a season in the wilderness',
    author: 'Abbey, Edward,',
    year: 1968,
    publisher: 'McGraw-Hill',
    extent: 'x, 269 p.',
    lccn: '67-29879',
  },
  nuevomexico: {
    title: 'Historia de Nuevo México',
    author: 'Sánchez, Joseph P.',
    isbn: [isbn13of10(isbn10('082635361'))],
    year: 2013,
    publisher: 'University of New Mexico Press',
    extent: 'xii, 380 páginas',
    lang: 'spa',
  },
  spring: {
    title: 'Silent spring',
    author: 'Carson, Rachel,',
    year: 1962,
    publisher: 'Houghton Mifflin',
    place: 'Boston',
    extent: '368 p.',
    lccn: '62-19138',
  },
  abajo: {
    title: 'Los de abajo',
    nonfiling: 4,
    subtitle: 'novela de la revolución mexicana',
    author: 'Azuela, Mariano,',
    year: 1958,
    publisher: 'Fondo de Cultura Económica',
    place: 'México',
    extent: '151 p.',
    lang: 'spa',
    series: [{ title: 'Colección popular', number: '13' }],
  },
  paramo: {
    title: 'Pedro Páramo',
    author: 'Rulfo, Juan.',
    isbn: [isbn10('968160138')],
    year: 1981,
    publisher: 'Fondo de Cultura Económica',
    extent: '129 p.',
    lang: 'spa',
  },
  milagro: {
    title: 'The Milagro beanfield war',
    nonfiling: 4,
    author: 'Nichols, John Treadwell,',
    isbn: [isbn10('003011596')],
    year: 1974,
    publisher: 'Holt, Rinehart and Winston',
    extent: '445 p.',
  },
  almanac: {
    title: 'Almanac of the dead',
    subtitle: 'a novel',
    author: 'Silko, Leslie Marmon,',
    isbn: [isbn10('067166607')],
    year: 1991,
    publisher: 'Simon & Schuster',
    extent: '763 p.',
  },
  borderlands: {
    title: 'Borderlands',
    subtitle: 'la frontera : the new mestiza',
    author: 'Anzaldúa, Gloria,',
    isbn: [isbn10('093321705')],
    edition: '1st ed.',
    year: 1987,
    publisher: 'Spinsters/Aunt Lute',
    place: 'San Francisco',
    extent: '203 p.',
  },
  archbishop: {
    title: 'Death comes for the archbishop',
    author: 'Cather, Willa,',
    year: 1927,
    publisher: 'A.A. Knopf',
    place: 'New York',
    extent: '303 p.',
  },
  dawn: {
    title: 'House made of dawn',
    author: 'Momaday, N. Scott,',
    isbn: [isbn10('006012982')],
    edition: '1st ed.',
    year: 1968,
    publisher: 'Harper & Row',
    extent: '212 p.',
  },
  codetalkers: {
    title: 'The Navajo code talkers',
    nonfiling: 4,
    author: 'Paul, Doris A.',
    year: 1973,
    publisher: 'Dorrance',
    place: 'Philadelphia',
    extent: 'xiv, 157 p.',
    oclc: ['(OCoLC)00700123'],
  },
  cookbook: {
    title: 'The Santa Fe School of Cooking cookbook',
    nonfiling: 4,
    subtitle: 'spirited Southwestern recipes',
    author: 'Kagel, Susan Curtis.',
    isbn: [isbn10('087905626')],
    year: 1995,
    publisher: 'Gibbs Smith',
    extent: '144 p.',
  },
} satisfies Record<string, Spec>;

export type WorkName = keyof typeof WORKS;
