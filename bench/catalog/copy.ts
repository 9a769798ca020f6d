import type { DataField, Field, MarcRecord } from '../../server/modules/catalog/marc/index.ts';
import type { Manifestation, Name } from './manifestation.ts';
import { Random, stripDiacritics, toRoman } from './random.ts';
import { LOCATIONS } from './vocabulary.ts';

/**
 * One library's record of a manifestation. Libraries have habits (RDA or AACR2 wording, 852 holdings or a
 * local 949, their own control numbers, ISBN style, lost diacritics in old exports) and every copy has its
 * own cataloguing variation: subtitle dropped, no OCLC number, another 020 qualifier, different 300
 * wording, fewer subjects, a brief record now and then, the odd typo.
 */
export type LibraryProfile = {
  symbol: string;
  index: number;
  rda: boolean;
  holdingsTag: '852' | '949';
  numberPrefix: string;
  numberStart: number;
  isbn10Share: number;
  stripsDiacritics: number;
  isbdPunctuation: boolean;
};

export function libraryProfile(seed: number, symbol: string, index: number): LibraryProfile {
  const r = new Random(seed, 1_000_000_000 + index, 7);
  return {
    symbol,
    index,
    rda: r.chance(0.7),
    holdingsTag: r.chance(0.25) ? '949' : '852',
    numberPrefix: r.pick(['', '', 'b', 'i', 'a', 'MARC']),
    numberStart: r.between(1, 900) * 1000,
    isbn10Share: r.chance(0.3) ? 0.4 : 0.05,
    stripsDiacritics: r.chance(0.1) ? 0.8 : 0.02,
    isbdPunctuation: r.chance(0.92),
  };
}

const sf = (code: string, value: string) => ({ code, value });
const df = (tag: string, ind: string, ...subfields: { code: string; value: string }[]): DataField => ({
  tag,
  ind1: ind[0]!,
  ind2: ind[1]!,
  subfields,
});

/** 100 / 700: "Surname, Given," then dates and relator, each ending with the punctuation of what follows. */
function personal(n: Name, withDates: boolean) {
  const dates = withDates ? n.dates : undefined;
  const end = dates || n.relator ? ',' : n.given.endsWith('.') ? '' : '.';
  const subs = [sf('a', `${n.surname}, ${n.given}${end}`)];
  if (dates) subs.push(sf('d', `${dates}${n.relator ? ',' : dates.endsWith('-') ? '' : '.'}`));
  if (n.relator) subs.push(sf('e', `${n.relator}.`));
  return subs;
}

/** A typo: two neighbouring letters of a word after the first swapped (the article stays intact). */
function typo(r: Random, s: string): string {
  const from = s.indexOf(' ') + 1;
  if (from === 0 || from > s.length - 3) return s;
  const i = from + r.int(s.length - from - 2);
  return s[i] === ' ' || s[i + 1] === ' ' ? s : s.slice(0, i) + s[i + 1]! + s[i]! + s.slice(i + 2);
}

const FORM = {
  book: ['nam', 'text', 'txt', 'unmediated', 'n', 'volume', 'nc'],
  ebook: ['nam', 'text', 'txt', 'computer', 'c', 'online resource', 'cr'],
  video: ['ngm', 'two-dimensional moving image', 'tdi', 'video', 'v', 'videodisc', 'vd'],
  audio: ['njm', 'performed music', 'prm', 'audio', 's', 'audio disc', 'sd'],
  serial: ['nas', 'text', 'txt', 'unmediated', 'n', 'volume', 'nc'],
  score: ['ncm', 'notated music', 'ntm', 'unmediated', 'n', 'volume', 'nc'],
} as const;

export function libraryRecord(
  seed: number,
  m: Manifestation,
  lib: LibraryProfile,
  controlNumber: number,
): MarcRecord {
  const r = new Random(seed, m.id, 2 + lib.index);
  const brief = r.chance(0.04);
  const rda = lib.rda && m.year >= 2010;
  const text = r.chance(lib.stripsDiacritics) ? stripDiacritics : (s: string) => s;
  const p = lib.isbdPunctuation && !r.chance(0.05);
  const [type, content, contentCode, media, mediaCode, carrier, carrierCode] = FORM[m.format];
  const year = String(m.year);

  const fields: Field[] = [
    { tag: '001', value: `${lib.numberPrefix}${lib.numberStart + controlNumber}` },
    { tag: '003', value: lib.symbol },
    { tag: '005', value: `20${String(10 + r.int(15))}0${r.between(1, 9)}1${r.int(10)}093${r.int(10)}12.0` },
  ];
  if (m.format === 'ebook') fields.push({ tag: '007', value: 'cr |n|||||||||' });
  if (m.format === 'video') fields.push({ tag: '007', value: 'vd cvaizq' });
  if (m.format === 'audio') fields.push({ tag: '007', value: 'sd fsngnnmmned' });
  const entered = `${String(Math.max(m.year, 2000 + r.int(25)) % 100).padStart(2, '0')}0${r.between(1, 9)}${r.between(10, 28)}`;
  const country = m.publisher[2];
  const material = materialCodes(m);
  const date = m.format === 'serial' ? `c${year}9999` : `s${year}    `;
  fields.push({ tag: '008', value: `${entered}${date}${country}${material}${m.language} d` });

  if (m.isbn) {
    const ten = m.year < 2007 || r.chance(lib.isbn10Share);
    const i10 = m.isbn.isbn10;
    const value = ten
      ? r.chance(0.5)
        ? `${i10[0]}-${i10.slice(1, 4)}-${i10.slice(4, 9)}-${i10[9]}`
        : i10
      : m.isbn.isbn13;
    const qualifier = r.pick([
      '',
      '',
      ' (pbk.)',
      ' (paperback)',
      ' (hardcover)',
      ' (alk. paper)',
      ' (pbk. : alk. paper)',
    ]);
    const q = m.format === 'ebook' ? ' (electronic bk.)' : m.format === 'book' ? qualifier : '';
    fields.push(df('020', '  ', sf('a', value + q)));
    if (!ten && !brief && r.chance(0.3)) fields.push(df('020', '  ', sf('a', i10)));
  }
  if (m.printIsbn && r.chance(0.6)) fields.push(df('020', '  ', sf('z', `${m.printIsbn} (print)`)));
  if (m.issn) fields.push(df('022', '0 ', sf('a', m.issn)));
  if (m.format === 'audio')
    fields.push(df('028', '02', sf('a', `CD-${10000 + (m.id % 89999)}`), sf('b', m.publisher[0])));
  if (m.oclc && !r.chance(0.1)) {
    const n = String(m.oclc);
    const prefixed = m.oclc < 100_000_000 ? `ocm${n.padStart(8, '0')}` : `ocn${n}`;
    fields.push(df('035', '  ', sf('a', `(OCoLC)${r.chance(0.3) ? n : prefixed}`)));
  }
  const source = r.pick(['DLC', 'DLC', lib.symbol, 'OCoLC-P', 'TxU']);
  fields.push(
    df('040', '  ', sf('a', source), sf('b', 'eng'), ...(rda ? [sf('e', 'rda')] : []), sf('c', source)),
  );
  const cutter = `.${(m.author?.surname ?? m.title).normalize('NFD')[0]!.toUpperCase()}${10 + (m.work % 89)}`;
  if (!brief && r.chance(0.8))
    fields.push(df('050', r.chance(0.5) ? '00' : ' 4', sf('a', m.classes[1]), sf('b', `${cutter} ${year}`)));
  if (!brief && r.chance(0.7)) fields.push(df('082', '04', sf('a', m.classes[0]), sf('2', '23')));
  if (m.author) fields.push(df('100', '1 ', ...personal(m.author, !brief && r.chance(0.6))));

  // Title: ISBD punctuation before each subfield; the article is skipped through the second indicator.
  const upper = r.chance(0.01);
  let title = text(m.article + m.title);
  if (r.chance(0.01)) title = typo(r, title);
  if (upper) title = title.toUpperCase();
  const subtitle = m.subtitle && !brief && !r.chance(0.1) ? text(m.subtitle) : undefined;
  const part = m.volume !== undefined ? (r.chance(0.5) ? `v. ${m.volume}` : `Volume ${m.volume}`) : undefined;
  const responsibility =
    m.author && !brief && !r.chance(0.1)
      ? `${m.language === 'spa' ? 'por' : r.chance(0.7) ? 'by' : ''} ${m.author.given} ${m.author.surname}`.trim()
      : undefined;
  const t = [sf('a', title)];
  if (subtitle) t.push(sf('b', subtitle));
  if (part) t.push(sf('n', part));
  if (responsibility) t.push(sf('c', text(responsibility)));
  if (p)
    for (let i = 0; i < t.length; i++) {
      const next = t[i + 1]?.code;
      t[i]!.value += next === 'b' ? ' :' : next === 'c' ? ' /' : next === 'n' ? '.' : '.';
    }
  fields.push(df('245', `${m.author ? '1' : '0'}${m.article.length}`, ...t));
  if (m.edition && !(brief && r.chance(0.5))) {
    const ordinal = ['', '', '2nd', '3rd', '4th', '5th'][m.edition]!;
    fields.push(
      df(
        '250',
        '  ',
        sf(
          'a',
          m.language === 'spa'
            ? `${m.edition}a ed.`
            : r.chance(0.5)
              ? `${ordinal} edition.`
              : `${ordinal} ed.`,
        ),
      ),
    );
  }
  const [publisher, place] = m.publisher;
  const dateText = m.format === 'serial' ? `${year}-` : r.chance(0.1) ? `[${year}]` : `${year}.`;
  const pub = [sf('a', `${text(place)} :`), sf('b', `${text(publisher)},`), sf('c', dateText)];
  fields.push(rda ? df('264', ' 1', ...pub) : df('260', '  ', ...pub));
  fields.push(df('300', '  ', ...extent(r, m, rda)));
  if (m.format === 'serial') {
    fields.push(df('310', '  ', sf('a', 'Monthly')));
    fields.push(df('362', '0 ', sf('a', `Vol. 1, no. 1 (Jan. ${year})-`)));
  }
  if (rda && !brief) {
    fields.push(df('336', '  ', sf('a', content), sf('b', contentCode), sf('2', 'rdacontent')));
    fields.push(df('337', '  ', sf('a', media), sf('b', mediaCode), sf('2', 'rdamedia')));
    fields.push(df('338', '  ', sf('a', carrier), sf('b', carrierCode), sf('2', 'rdacarrier')));
  }
  if (m.series && !brief) {
    fields.push(
      df(
        '490',
        '1 ',
        sf('a', `${m.series.title} ;`),
        sf('v', `${r.chance(0.5) ? 'v. ' : ''}${m.series.number}`),
      ),
    );
  }
  if (!brief) {
    if (r.chance(0.3))
      fields.push(
        df(
          '500',
          '  ',
          sf(
            'a',
            r.pick(['Includes index.', 'Originally published: 1998.', 'Title from cover.', 'Bilingual.']),
          ),
        ),
      );
    if (m.bibliography)
      fields.push(
        df(
          '504',
          '  ',
          sf('a', `Includes bibliographical references (pages ${m.pages - 10}-${m.pages - 2}) and index.`),
        ),
      );
    if (m.contents && r.chance(0.9)) fields.push(df('505', '0 ', sf('a', m.contents.map(text).join(' -- '))));
    if (m.summary && r.chance(0.85)) fields.push(df('520', '  ', sf('a', text(m.summary))));
    const keep = r.chance(0.2) ? m.subjects.length - 1 : m.subjects.length;
    for (const s of m.subjects.slice(0, keep)) {
      const subs = [sf('a', text(s.a))];
      for (const code of ['x', 'y', 'z'] as const) if (s[code]) subs.push(sf(code, text(s[code])));
      subs[subs.length - 1]!.value += '.';
      fields.push(df(s.tag, ' 0', ...subs));
    }
    for (const a of m.added) fields.push(df('700', '1 ', ...personal(a, r.chance(0.6))));
    if (m.series)
      fields.push(df('830', ' 0', sf('a', `${m.series.title} ;`), sf('v', `v. ${m.series.number}.`)));
  }
  if (m.format === 'ebook') {
    fields.push(
      df('856', '40', sf('u', `https://ebooks.example/title/${m.id}`), sf('z', 'Connect to this e-book')),
    );
  }
  const call = `${m.classes[0]} ${(m.author?.surname ?? m.title).slice(0, 3).toUpperCase()}`;
  const copies = r.chance(0.1) ? r.between(2, 4) : 1;
  const location = m.format === 'ebook' ? 'ONLINE' : r.zipf(LOCATIONS);
  for (let c = 0; c < (lib.holdingsTag === '852' ? copies : 1); c++) {
    fields.push(
      lib.holdingsTag === '852'
        ? df('852', '1 ', sf('b', c === 0 ? location : r.zipf(LOCATIONS)), sf('h', call))
        : df('949', '  ', sf('a', call), sf('l', location), sf('c', String(copies))),
    );
  }
  const level = brief ? r.pick(['3', '7', 'K']) : r.pick([' ', ' ', 'I', '4']);
  return { leader: `00000${type} a2200000${level}${p ? (rda ? 'i' : 'a') : ' '} 4500`, fields };
}

function extent(r: Random, m: Manifestation, rda: boolean) {
  const prelims = m.preliminaries && !r.chance(0.15) ? `${toRoman(m.preliminaries)}, ` : '';
  const pages = `${prelims}${m.pages} ${rda ? 'pages' : 'p.'}`;
  const ill = m.illustrated ? (rda ? 'illustrations' : 'ill.') : '';
  const size = `${m.height} cm`;
  switch (m.format) {
    case 'ebook':
      return [sf('a', `1 online resource (${pages})${ill ? ' :' : ''}`), ...(ill ? [sf('b', ill)] : [])];
    case 'video':
      return [sf('a', `1 videodisc (${m.minutes} min.) :`), sf('b', 'sound, color ;'), sf('c', '4 3/4 in.')];
    case 'audio':
      return [sf('a', `1 audio disc (${m.minutes - 20} min.) :`), sf('b', 'digital ;'), sf('c', '4 3/4 in.')];
    case 'serial':
      return [
        sf('a', rda ? 'volumes :' : 'v. :'),
        sf('b', rda ? 'illustrations ;' : 'ill. ;'),
        sf('c', '28 cm'),
      ];
    case 'score':
      return [sf('a', `1 score (${m.pages} ${rda ? 'pages' : 'p.'}) ;`), sf('c', '31 cm')];
    default:
      return ill
        ? [sf('a', `${pages} :`), sf('b', `${ill} ;`), sf('c', `${size}.`)]
        : [sf('a', `${pages} ;`), sf('c', `${size}.`)];
  }
}

/** 008/18-34, by format (books, visual materials, continuing resources, music). */
function materialCodes(m: Manifestation): string {
  switch (m.format) {
    case 'video':
      return `${String(Math.min(m.minutes, 999)).padStart(3, '0')} g          vl`;
    case 'serial':
      return 'mr p       0    0';
    case 'score':
      return 'zzan           n ';
    case 'audio':
      return 'ppnn           n ';
    default: {
      const ill = m.illustrated ? 'a   ' : '    ';
      const form = m.format === 'ebook' ? 'o' : ' ';
      const contents = m.bibliography ? 'b   ' : '    ';
      return `${ill} ${form}${contents} 000 ${m.subjects.length ? '0' : '1'} `;
    }
  }
}
