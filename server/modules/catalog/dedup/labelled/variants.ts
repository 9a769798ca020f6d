import type { Spec } from '../testing/builder.ts';
import { hyphenate10, isbn10, isbn13of10 } from './works.ts';

/**
 * How another library's record of a work can differ. A variant returns library B's spec (and possibly a
 * changed spec for library A), or undefined when it does not apply to the work. Positive variants describe the
 * same manifestation catalogued differently; negative ones a different manifestation.
 */
export type Variant = {
  name: string;
  label: 'match' | 'no-match';
  note: string;
  apply: (w: Spec) => { a?: Spec; b: Spec } | undefined;
};

const noIsbn = (w: Spec): Spec => ({ ...w, isbn: undefined });
/** A different manifestation has its own record numbers: drop the work's OCLC number and LCCN. */
const fresh = (w: Spec): Spec => ({ ...w, oclc: undefined, lccn: undefined });
/** No identifiers at all, so only the descriptive data can match the pair. */
const bare = (w: Spec): Spec => ({ ...w, isbn: undefined, oclc: undefined, lccn: undefined });
const upper = (s: string | undefined) => s?.toUpperCase();
const stripMarks = (s: string | undefined) => s?.normalize('NFD').replace(/\p{M}/gu, '');

/** One letter of the longest title word replaced — a keying error. */
function typo(title: string): string {
  const words = title.split(' ');
  let longest = 0;
  words.forEach((w, i) => (w.length > words[longest]!.length ? (longest = i) : 0));
  const w = words[longest]!;
  const at = Math.floor(w.length / 2);
  words[longest] = w.slice(0, at) + (w[at] === 'e' ? 'a' : 'e') + w.slice(at + 1);
  return words.join(' ');
}

function otherIsbn(w: Spec, salt: number): string[] {
  const first = w.isbn?.[0] ?? '000000000';
  const body = first.length === 13 ? first.slice(3, 12) : first.slice(0, 9);
  const changed = body.slice(0, 6) + String((Number(body.slice(6)) + 17 * salt) % 1000).padStart(3, '0');
  return [isbn10(changed)];
}

export const POSITIVE: Variant[] = [
  {
    name: 'isbn-forms',
    label: 'match',
    note: 'hyphenated ISBN-10 with qualifier vs plain ISBN-13',
    apply: (w) => {
      const isbn = w.isbn?.[0];
      if (!isbn || isbn.length !== 10) return undefined;
      return {
        a: { ...w, isbn: [`${hyphenate10(isbn)} (pbk. : alk. paper)`] },
        b: { ...w, isbn: [isbn13of10(isbn)] },
      };
    },
  },
  {
    name: 'all-caps',
    label: 'match',
    note: 'title in ALL CAPS (old conversion), no ISBN on one record',
    apply: (w) => ({ b: { ...bare(w), title: upper(w.title)!, subtitle: upper(w.subtitle) } }),
  },
  {
    name: 'no-subtitle',
    label: 'match',
    note: 'subtitle present vs absent, no ISBNs',
    apply: (w) => (w.subtitle ? { a: bare(w), b: { ...bare(w), subtitle: undefined } } : undefined),
  },
  {
    name: 'typo',
    label: 'match',
    note: 'one mistyped letter in the title, no ISBNs',
    apply: (w) => ({ a: bare(w), b: { ...bare(w), title: typo(w.title) } }),
  },
  {
    name: 'initials',
    label: 'match',
    note: 'author with initials vs full forenames, no ISBN on one record',
    apply: (w) => {
      if (!w.author) return undefined;
      const [sur, given] = w.author.split(',');
      if (!given?.trim()) return undefined;
      const initials = given
        .trim()
        .split(/\s+/)
        .filter((g) => /^\p{Lu}/u.test(g))
        .map((g) => g[0] + '.')
        .join(' ');
      return { b: { ...bare(w), author: `${sur}, ${initials}` } };
    },
  },
  {
    name: 'recatalogued',
    label: 'match',
    note: 'other cataloguer: short publisher name, extent with preliminaries and "pages", notes and subjects',
    apply: (w) => {
      const pages = /(\d+)/.exec(w.extent ?? '')?.[1];
      return {
        a: bare(w),
        b: {
          ...bare(w),
          publisher: w.publisher?.split(/[ ,]/)[0],
          extent: pages ? `xvi, ${Number(pages) + 2} pages` : w.extent,
          extra: ['500 __ $aIncludes index.', '650 _0 $aSouthwest, New.', '650 _0 $aFiction.'],
          source: 'NmU',
        },
      };
    },
  },
  {
    name: 'oclc-prefixes',
    label: 'match',
    note: 'same OCLC number as (OCoLC)ocm000… and (OCoLC)…, titles keyed differently, extents counted differently',
    apply: (w) => {
      const digits = String(40_000 + ((w.title.length * 7919) % 50_000));
      return {
        a: { ...bare(w), oclc: [`(OCoLC)ocm000${digits}`] },
        b: { ...bare(w), oclc: [`(OCoLC)${digits}`], title: typo(w.title), extent: '1 v. (unpaged)' },
      };
    },
  },
  {
    name: 'reprint-same-isbn',
    label: 'match',
    note: 'later printing with the same ISBN and pagination (008 gives the printing year)',
    apply: (w) => (w.isbn && w.year ? { b: { ...w, year: w.year + 3, publisher: w.publisher } } : undefined),
  },
  {
    name: 'ean-in-024',
    label: 'match',
    note: 'ISBN only as EAN-13 in 024 3_, title keyed with a typo',
    apply: (w) => {
      const isbn = w.isbn?.[0];
      if (!isbn) return undefined;
      const ean = isbn.length === 13 ? isbn : isbn13of10(isbn);
      return { b: { ...bare(w), ids: [['3', ean]], title: typo(w.title) } };
    },
  },
  {
    name: 'no-diacritics',
    label: 'match',
    note: 'diacritics lost in title and author (ASCII-only system), no ISBNs',
    apply: (w) => {
      if (stripMarks(w.title + (w.author ?? '')) === w.title + (w.author ?? '')) return undefined;
      return {
        a: bare(w),
        b: {
          ...bare(w),
          title: stripMarks(w.title)!,
          subtitle: stripMarks(w.subtitle),
          author: stripMarks(w.author),
        },
      };
    },
  },
  {
    name: 'article-indicator',
    label: 'match',
    note: 'leading article not marked as non-filing (245 ind2 0), no ISBNs',
    apply: (w) => (w.nonfiling ? { a: bare(w), b: { ...bare(w), nonfiling: 0 } } : undefined),
  },
  {
    name: 'year-in-264',
    label: 'match',
    note: 'no date in 008, year only in 264 $c as "c1991.", no ISBNs',
    apply: (w) =>
      w.year ? { a: bare(w), b: { ...bare(w), year: undefined, dateText: `c${w.year}.` } } : undefined,
  },
  {
    name: 'direct-order-name',
    label: 'match',
    note: 'author entered in direct order without comma ("Sandra Cisneros")',
    apply: (w) => {
      if (!w.author?.includes(',')) return undefined;
      const [sur, given] = w.author.split(',');
      if (!given?.trim()) return undefined;
      return { b: { ...bare(w), author: `${given.trim().replace(/[.,]$/, '')} ${sur}` } };
    },
  },
  {
    name: 'lccn-forms',
    label: 'match',
    note: 'same LCCN written "67-29879" and "   67029879 ", title keyed with a typo',
    apply: (w) => {
      if (!w.lccn) return undefined;
      const [year, serial] = w.lccn.split('-');
      return { b: { ...w, lccn: `   ${year}${serial!.padStart(6, '0')} `, title: typo(w.title) } };
    },
  },
];

const TRANSLATIONS: Record<string, { title: string; lang: string; translator: string }> = {
  'One hundred years of solitude': { title: 'Cien años de soledad', lang: 'spa', translator: '' },
  'The house on Mango Street': {
    title: 'La casa en Mango Street',
    lang: 'spa',
    translator: 'Poniatowska, Elena.',
  },
  'Bless me, Ultima': { title: 'Bendíceme, Última', lang: 'spa', translator: 'Dobrian, Alma Flor.' },
  'Die Blechtrommel': { title: 'The tin drum', lang: 'eng', translator: 'Manheim, Ralph,' },
  'Le petit prince': { title: 'The little prince', lang: 'eng', translator: 'Woods, Katherine.' },
  'Silent spring': { title: 'Primavera silenciosa', lang: 'spa', translator: 'Gil, Joaquín.' },
  'Pedro Páramo': { title: 'Pedro Páramo', lang: 'eng', translator: 'Peden, Margaret Sayers.' },
  'Los de abajo': { title: 'The underdogs', lang: 'eng', translator: 'Munguía, E.' },
  Ceremony: { title: 'Ceremonia', lang: 'spa', translator: 'Lara, Ana.' },
};

const OTHER_AUTHOR = ['Smith, Martha J.', 'Okafor, Chinedu,', 'Lindqvist, Sven,', 'Begay, Harrison,'];

export const NEGATIVE: Variant[] = [
  {
    name: 'next-edition',
    label: 'no-match',
    note: 'next edition: new edition statement, year, ISBN and extent',
    apply: (w) => {
      const n = /^(\d)/.exec(w.edition ?? '')?.[1];
      const next = n ? Number(n) + 1 : 2;
      const pages = Number(/(\d+)\s*(p|S|pá)/.exec(w.extent ?? '')?.[1] ?? 200);
      return {
        b: {
          ...fresh(w),
          edition: `${next}${['', 'st', 'nd', 'rd'][next] ?? 'th'} ed.`,
          year: (w.year ?? 1990) + 6,
          isbn: otherIsbn(w, 1),
          extent: `${pages + 40} p.`,
        },
      };
    },
  },
  {
    name: 'edition-same-year',
    label: 'no-match',
    note: '"2nd ed." vs "Third edition" in the same year, no ISBNs',
    apply: (w) => ({
      a: { ...fresh(noIsbn(w)), edition: '2nd ed.' },
      b: { ...fresh(noIsbn(w)), edition: 'Third edition' },
    }),
  },
  {
    name: 'ebook-same-isbn',
    label: 'no-match',
    note: 'e-book record carrying the print ISBN',
    apply: (w) =>
      w.isbn
        ? {
            b: {
              ...fresh(w),
              kind: 'ebook',
              extent: `1 online resource (${/(\d+)/.exec(w.extent ?? '')?.[1] ?? ''} pages)`,
            },
          }
        : undefined,
  },
  {
    name: 'audiobook',
    label: 'no-match',
    note: 'audiobook of the same title by the same author',
    apply: (w) => ({
      b: {
        ...fresh(noIsbn(w)),
        kind: 'audio',
        extent: '6 sound discs (7 hr.)',
        f007: 'sd fsngnnmmned',
        added: ['Reader, Ann.'],
      },
    }),
  },
  {
    name: 'translation',
    label: 'no-match',
    note: 'translation',
    apply: (w) => {
      const t = TRANSLATIONS[w.title];
      if (!t) return undefined;
      return {
        b: {
          ...fresh(w),
          title: t.title,
          subtitle: undefined,
          lang: t.lang,
          isbn: otherIsbn(w, 2),
          added: t.translator ? [t.translator] : [],
        },
      };
    },
  },
  {
    name: 'other-author',
    label: 'no-match',
    note: 'same title by a different author',
    apply: (w) => ({
      b: {
        ...fresh(noIsbn(w)),
        author: OTHER_AUTHOR[w.title.length % OTHER_AUTHOR.length],
        added: [],
        publisher: 'Small Press',
        extent: '188 p.',
      },
    }),
  },
  {
    name: 'reprint-other-year',
    label: 'no-match',
    note: 'reprint decades later by another publisher, no ISBNs',
    apply: (w) =>
      w.year
        ? { a: noIsbn(w), b: { ...fresh(noIsbn(w)), year: w.year + 21, publisher: 'Reprint Services' } }
        : undefined,
  },
  {
    name: 'large-print',
    label: 'no-match',
    note: 'large-print edition with its own ISBN',
    apply: (w) => {
      const pages = Number(/(\d+)\s*(p|S|pá)/.exec(w.extent ?? '')?.[1] ?? 200);
      return {
        b: {
          ...fresh(w),
          edition: 'Large print ed.',
          isbn: otherIsbn(w, 3),
          publisher: 'Thorndike Press',
          extent: `${Math.round(pages * 1.6)} p.`,
        },
      };
    },
  },
  {
    name: 'microform',
    label: 'no-match',
    note: 'microfiche reproduction of the print book',
    apply: (w) => ({ b: { ...fresh(w), kind: 'microform', extent: '3 microfiches' } }),
  },
  {
    name: 'binding-variant',
    label: 'no-match',
    note: 'hardcover and paperback, disjoint ISBNs (kept apart by policy; staff can merge)',
    apply: (w) => (w.isbn ? { b: { ...fresh(w), isbn: otherIsbn(w, 4) } } : undefined),
  },
];
