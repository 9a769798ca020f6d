import { capitalise, isbnFrom, issnFrom, Random } from './random.ts';
import {
  CLASSES,
  ENGLISH_CONNECTORS,
  ENGLISH_WORDS,
  GIVEN_NAMES,
  PERIODS,
  PLACES,
  PUBLISHERS,
  SERIES,
  SPANISH_CONNECTORS,
  SPANISH_WORDS,
  SURNAMES,
  TOPICS,
  TOPIC_SUBDIVISIONS,
} from './vocabulary.ts';

/**
 * What every library's record of one manifestation agrees on: the work (title, people, subjects, from the
 * work's own random stream) and the edition (year, identifiers, extent, from the manifestation's). A tenth
 * of the manifestations are near misses of an earlier work — a later edition, the e-book of a print book, or
 * another volume of a set — which a deduplicator must keep apart even though titles and authors agree.
 */
export type Format = 'book' | 'ebook' | 'video' | 'audio' | 'serial' | 'score';
export type Kind = 'original' | 'edition' | 'ebook' | 'volume';
export type Name = { surname: string; given: string; dates?: string; relator?: string };
export type Subject = { tag: '650' | '651'; a: string; x?: string; y?: string; z?: string };

export type Manifestation = {
  id: number;
  work: number;
  kind: Kind;
  format: Format;
  language: 'eng' | 'spa';
  article: string;
  title: string;
  subtitle: string | undefined;
  volume: number | undefined;
  author: Name | undefined;
  added: Name[];
  publisher: [string, string, string];
  year: number;
  edition: number | undefined;
  pages: number;
  preliminaries: number;
  illustrated: boolean;
  height: number;
  minutes: number;
  isbn: { isbn13: string; isbn10: string } | undefined;
  /** The print ISBN an e-book record cites in 020 $z. */
  printIsbn: string | undefined;
  issn: string | undefined;
  oclc: number | undefined;
  subjects: Subject[];
  series: { title: string; number: number } | undefined;
  bibliography: boolean;
  contents: string[] | undefined;
  summary: string | undefined;
  classes: [string, string];
};

const SYLLABLES =
  'ba be ca co da de fe ga go ha ja ke la li lo ma me mo na ne no pa pe ra ri ro sa so ta te to va ve za'.split(
    ' ',
  );

/** Half the names come from the common list, the rest from syllables (a long tail of distinct names). */
function name(r: Random): Name {
  const surname = r.chance(0.5)
    ? r.zipf(SURNAMES, 0.8)
    : capitalise(r.pick(SYLLABLES) + r.pick(SYLLABLES) + r.pick(SYLLABLES) + (r.chance(0.5) ? 'n' : ''));
  const given = r.zipf(GIVEN_NAMES, 0.7) + (r.chance(0.25) ? ` ${String.fromCharCode(65 + r.int(26))}.` : '');
  const born = 1900 + r.int(95);
  const died = born + 40 + r.int(50);
  const dates = r.chance(0.3) ? (died > 2024 || r.chance(0.5) ? `${born}-` : `${born}-${died}`) : undefined;
  return dates ? { surname, given, dates } : { surname, given };
}

function phrase(r: Random, spanish: boolean, min: number, max: number): string {
  const vocab = spanish ? SPANISH_WORDS : ENGLISH_WORDS;
  const connectors = spanish ? SPANISH_CONNECTORS : ENGLISH_CONNECTORS;
  const n = r.between(min, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && i < n - 1 && r.chance(0.25)) out.push(r.zipf(connectors));
    out.push(r.zipf(vocab, 0.9));
  }
  return out.join(' ');
}

const ARTICLES_EN = ['The ', 'A '];
const ARTICLES_ES = ['El ', 'La ', 'Los ', 'Las '];

type Work = Omit<
  Manifestation,
  | 'id'
  | 'kind'
  | 'year'
  | 'edition'
  | 'pages'
  | 'preliminaries'
  | 'isbn'
  | 'printIsbn'
  | 'issn'
  | 'oclc'
  | 'volume'
  | 'format'
> & { baseYear: number; format: Exclude<Format, 'ebook'>; set: boolean; basePages: number };

/** The work: the same for every manifestation (edition, e-book, volume) of it. */
function work(seed: number, w: number): Work {
  const r = new Random(seed, w, 0);
  const spanish = r.chance(0.15);
  const roll = r.next();
  const format =
    roll < 0.88 ? 'book' : roll < 0.92 ? 'video' : roll < 0.95 ? 'audio' : roll < 0.98 ? 'serial' : 'score';
  const articleRoll = r.next();
  const article = spanish
    ? articleRoll < 0.35
      ? r.pick(ARTICLES_ES)
      : ''
    : articleRoll < 0.25
      ? r.pick(ARTICLES_EN)
      : '';
  // Sentence case: only the first word (the article when there is one) is capitalised.
  const title = article ? phrase(r, spanish, 1, 5) : capitalise(phrase(r, spanish, 1, 5));
  const subtitle = r.chance(0.4)
    ? spanish
      ? r.pick(['una historia de ', 'cuentos de ', 'memorias de ', '']) + phrase(r, true, 1, 3)
      : r.pick(['a history of ', 'stories from ', 'an introduction to ', 'a guide to ', '']) +
        phrase(r, false, 1, 4)
    : undefined;
  const author = format === 'serial' || r.chance(0.08) ? undefined : name(r);
  const added: Name[] = [];
  const extra = r.chance(0.35) ? r.between(1, 3) : 0;
  for (let i = 0; i < extra; i++) {
    const relator = !author ? 'editor' : r.pick(['', '', 'editor', 'illustrator', 'translator']);
    added.push(relator ? { ...name(r), relator } : name(r));
  }
  const subjects: Subject[] = [];
  const nSubjects = format === 'video' || format === 'audio' ? r.int(3) : r.between(1, 4);
  for (let i = 0; i < nSubjects; i++) {
    if (r.chance(0.15)) {
      subjects.push({
        tag: '651',
        a: r.zipf(PLACES),
        ...(r.chance(0.5) ? { x: r.zipf(TOPIC_SUBDIVISIONS) } : {}),
      });
      continue;
    }
    const s: Subject = { tag: '650', a: r.zipf(TOPICS, 0.9) };
    if (r.chance(0.45)) s.x = r.zipf(TOPIC_SUBDIVISIONS);
    if (r.chance(0.3)) s.z = r.zipf(PLACES);
    if (r.chance(0.1)) s.y = r.pick(PERIODS);
    subjects.push(s);
  }
  // Recent years are the most common in a public library collection.
  const baseYear = Math.max(1900, 2025 - Math.floor(-Math.log(1 - r.next()) * 16));
  const basePages = format === 'score' ? r.between(16, 120) : 60 + Math.floor(-Math.log(1 - r.next()) * 220);
  return {
    work: w,
    format,
    set: format === 'book' && r.chance(0.02),
    language: spanish ? 'spa' : 'eng',
    article,
    title,
    subtitle,
    author,
    added,
    publisher: r.zipf(PUBLISHERS, 0.8),
    baseYear,
    basePages,
    illustrated: r.chance(0.55),
    height: r.pick([18, 21, 23, 24, 24, 26, 28]),
    minutes: r.between(40, 150),
    subjects,
    series: r.chance(0.15) ? { title: r.zipf(SERIES), number: r.between(1, 60) } : undefined,
    bibliography: format === 'book' && r.chance(0.35),
    contents: r.chance(0.1)
      ? Array.from({ length: r.between(3, 8) }, () => capitalise(phrase(r, spanish, 1, 4)))
      : undefined,
    summary: r.chance(0.25)
      ? capitalise(`${phrase(r, spanish, 4, 9)} ${spanish ? 'y' : 'and'} ${phrase(r, spanish, 3, 8)}.`)
      : undefined,
    classes: r.zipf(CLASSES, 0.7),
  };
}

/** Manifestation `m` of the catalogue. Pure: the same seed and id always give the same manifestation. */
export function manifestation(seed: number, m: number): Manifestation {
  const r = new Random(seed, m, 1);
  let kind: Kind = 'original';
  let w = m;
  if (m > 50 && r.chance(0.1)) {
    const earlier = m - 1 - r.int(Math.min(m, 2000));
    const roll = r.next();
    const candidate = work(seed, earlier);
    if (candidate.format !== 'serial') {
      w = earlier;
      kind = roll < 0.5 || candidate.format !== 'book' ? 'edition' : roll < 0.78 ? 'ebook' : 'volume';
    }
  }
  const base = work(seed, w);
  const format: Format =
    kind === 'ebook' || (kind === 'original' && base.format === 'book' && r.chance(0.065))
      ? 'ebook'
      : base.format;
  const edition = kind === 'edition' ? r.between(2, 5) : r.chance(0.06) ? r.between(2, 4) : undefined;
  const year =
    kind === 'edition'
      ? Math.min(2025, base.baseYear + r.between(1, 12))
      : kind === 'ebook'
        ? Math.min(2025, base.baseYear + r.int(2))
        : base.baseYear;
  const volume = kind === 'volume' ? r.between(2, 6) : base.set ? 1 : undefined;
  const hasIsbn = format !== 'serial' && year >= 1970 && r.chance(0.93);
  const body = String((m * 7919 + 104729) % 1_000_000_000).padStart(9, '0');
  const printBody = String((w * 7919 + 104729) % 1_000_000_000).padStart(9, '0');
  const { title, subtitle, ...rest } = base;
  return {
    ...rest,
    id: m,
    kind,
    format,
    title,
    subtitle,
    volume,
    year,
    edition,
    pages: kind === 'original' ? base.basePages : Math.max(24, base.basePages + r.between(-30, 60)),
    preliminaries: r.chance(0.5) ? r.between(6, 24) : 0,
    isbn: hasIsbn ? isbnFrom(body) : undefined,
    printIsbn: kind === 'ebook' && year >= 1970 ? isbnFrom(printBody).isbn13 : undefined,
    issn:
      format === 'serial' ? issnFrom(String((m * 131 + 1_000_003) % 10_000_000).padStart(7, '0')) : undefined,
    oclc: r.chance(0.9) ? 1_000_000 + ((m * 37) % 900_000_000) : undefined,
  };
}
