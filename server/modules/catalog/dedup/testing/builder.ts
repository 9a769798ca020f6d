import type { DataField, Field, MarcRecord } from '../../marc/record.ts';

/**
 * Tiny MARC record builders for table-driven tests and the labelled pair set.
 *
 * `marc('am', ['001 123', '245 10 $aTitle :$bsubtitle'])`: leader type + level, then one line per field —
 * control fields as "TAG value", data fields as "TAG II $aValue $bValue" with "_" or " " for a blank
 * indicator. Subfield values are trimmed; write a literal dollar sign as "{dollar}".
 */
export function marc(typeAndLevel: string, lines: readonly string[], encodingLevel = ' '): MarcRecord {
  const leader = `00000n${typeAndLevel[0] ?? 'a'}${typeAndLevel[1] ?? 'm'} a2200000${encodingLevel[0] ?? ' '}a 4500`;
  return { leader, fields: lines.map(parseLine) };
}

function parseLine(line: string): Field {
  const tag = line.slice(0, 3);
  if (tag < '010') return { tag, value: line.slice(4) };
  const ind = line.slice(4, 6).replace(/_/g, ' ');
  const subfields = line
    .slice(6)
    .split('$')
    .slice(1)
    .map((part) => ({
      code: part[0]!,
      value: part
        .slice(1)
        .trim()
        .replace(/\{dollar\}/g, '$'),
    }));
  return { tag, ind1: ind[0] ?? ' ', ind2: ind[1] ?? ' ', subfields } satisfies DataField;
}

export type Kind =
  'book' | 'ebook' | 'microform' | 'serial' | 'eserial' | 'audio' | 'music' | 'video' | 'score' | 'map';

/** A description of a record, close to how catalogue staff would talk about it. */
export type Spec = {
  kind?: Kind;
  title: string;
  subtitle?: string;
  /** 245 $n and $p. */
  part?: string;
  partName?: string;
  /** 245 second indicator. */
  nonfiling?: number;
  /** 100 $a ("Surname, Forenames"), 110 $a, or 111 $a with its $n. */
  author?: string;
  corporate?: string;
  meeting?: { name: string; number?: string };
  added?: string[];
  isbn?: string[];
  cancelledIsbn?: string[];
  issn?: string[];
  lccn?: string;
  oclc?: string[];
  /** 024 with first indicator "3" (EAN), "1" (UPC) …: [indicator, value]. */
  ids?: [string, string][];
  year?: number;
  /** 260 $c when it differs from the 008 year (or the 008 has none). */
  dateText?: string;
  lang?: string;
  /** 300 $a, e.g. "xii, 276 p." */
  extent?: string;
  publisher?: string;
  place?: string;
  edition?: string;
  series?: { title: string; number?: string; issn?: string }[];
  /** 007 for audio / video ("sd fsngnnmmned" is a CD, "vd cvaizq" a DVD, "vf cbahou" a VHS tape). */
  f007?: string;
  /** Extra raw lines. */
  extra?: string[];
  /** 040 $a. */
  source?: string;
  encodingLevel?: string;
};

const LEADER: Record<Kind, string> = {
  book: 'am',
  ebook: 'am',
  microform: 'am',
  serial: 'as',
  eserial: 'as',
  audio: 'im',
  music: 'jm',
  video: 'gm',
  score: 'cm',
  map: 'em',
};

function field008(spec: Spec, kind: Kind): string {
  const dates = spec.year ? `s${spec.year}    ` : 'nuuuuuuuu';
  const material = [...'                 '];
  const form = kind === 'ebook' || kind === 'eserial' ? 'o' : kind === 'microform' ? 'b' : ' ';
  material[kind === 'video' || kind === 'map' ? 11 : 5] = form;
  if (kind === 'video') material[15] = 'v';
  return `200101${dates}xx ${material.join('')}${spec.lang ?? 'eng'} d`;
}

export function build(spec: Spec): MarcRecord {
  const kind = spec.kind ?? 'book';
  const lines: string[] = [];
  if (spec.f007) lines.push(`007 ${spec.f007}`);
  if (kind === 'ebook' || kind === 'eserial') lines.push('007 cr |||||||||||');
  lines.push(`008 ${field008(spec, kind)}`);
  if (spec.lccn) lines.push(`010 __ $a${spec.lccn}`);
  for (const isbn of spec.isbn ?? []) lines.push(`020 __ $a${isbn}`);
  for (const isbn of spec.cancelledIsbn ?? []) lines.push(`020 __ $z${isbn}`);
  for (const issn of spec.issn ?? []) lines.push(`022 0_ $a${issn}`);
  for (const [ind, value] of spec.ids ?? []) lines.push(`024 ${ind}_ $a${value}`);
  for (const oclc of spec.oclc ?? []) lines.push(`035 __ $a${oclc}`);
  lines.push(`040 __ $a${spec.source ?? 'XxX'} $beng $c${spec.source ?? 'XxX'}`);
  if (spec.author) lines.push(`100 1_ $a${spec.author}`);
  else if (spec.corporate) lines.push(`110 2_ $a${spec.corporate}`);
  else if (spec.meeting)
    lines.push(`111 2_ $a${spec.meeting.name}${spec.meeting.number ? ` $n(${spec.meeting.number} :` : ''}`);
  const hasMain = !!(spec.author || spec.corporate || spec.meeting);
  let t245 = `245 ${hasMain ? '1' : '0'}${spec.nonfiling ?? 0} $a${spec.title}`;
  if (spec.part) t245 += ` $n${spec.part}`;
  if (spec.partName) t245 += ` $p${spec.partName}`;
  if (spec.subtitle) t245 += ` $b${spec.subtitle}`;
  lines.push(t245);
  if (spec.edition) lines.push(`250 __ $a${spec.edition}`);
  const date = spec.dateText ?? (spec.year ? String(spec.year) : undefined);
  if (spec.publisher || spec.place || date) {
    lines.push(
      `264 _1 $a${spec.place ?? '[Place]'}${spec.publisher ? ` $b${spec.publisher}` : ''}${date ? ` $c${date}` : ''}`,
    );
  }
  const extent = spec.extent ?? (kind === 'ebook' ? '1 online resource' : undefined);
  if (extent) lines.push(`300 __ $a${extent}${kind === 'book' ? ' $c24 cm' : ''}`);
  if (kind === 'ebook' || kind === 'eserial') lines.push('338 __ $aonline resource $bcr $2rdacarrier');
  for (const s of spec.series ?? []) {
    lines.push(`490 1_ $a${s.title}${s.issn ? ` $x${s.issn}` : ''}${s.number ? ` $v${s.number}` : ''}`);
  }
  for (const name of spec.added ?? []) lines.push(`700 1_ $a${name}`);
  lines.push(...(spec.extra ?? []));
  return marc(LEADER[kind], lines, spec.encodingLevel ?? ' ');
}
