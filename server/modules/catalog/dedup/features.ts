import { isControlField, type DataField, type MarcRecord } from '../marc/record.ts';
import type { Author, MatchFeatures, Series } from './feature-types.ts';
import {
  AUDIO_338,
  VIDEO_007,
  YEAR,
  author,
  first,
  idValue,
  joined,
  pagesOf,
  preliminaries,
  publisherKey,
  push,
  recordTypeOf,
} from './fields.ts';
import {
  EMPTY,
  dropLeadingArticle,
  fold,
  normalizeEdition,
  normalizeIsbn,
  normalizeIssn,
  normalizeLccn,
  normalizeOclc,
  normalizePartNumber,
  titleKey,
  titleNumbers,
} from './normalize.ts';

export type { Author, MatchFeatures, RecordType, Series } from './feature-types.ts';

export function extractFeatures(record: MarcRecord): MatchFeatures {
  const leader = record.leader;
  let f008 = '';
  let f001 = '';
  let oclcControl = false;
  let isbns = EMPTY;
  let issns = EMPTY;
  let oclcNumbers = EMPTY;
  let otherIds = EMPTY;
  let lccn: string | undefined;
  let meetingNumber: string | undefined;
  let f245: DataField | undefined;
  let edition: string | undefined;
  let publisher: string | undefined;
  let dateText: string | undefined;
  let extent = '';
  let source: string | undefined;
  let languageFallback: string | undefined;
  const authors: Author[] = [];
  let hasMainEntry = false;
  const series: Series[] = [];
  let has007c = false;
  let has007text = false;
  let microformSignal = false;
  let electronicSignal = false;
  let link856 = false;
  let unmediated = false;
  let computer337 = false;
  let carrier: string | undefined;

  for (const field of record.fields) {
    const tag = field.tag;
    if (isControlField(field)) {
      const v = field.value;
      if (tag === '008') f008 = v;
      else if (tag === '001') f001 = v;
      else if (tag === '003') oclcControl = /^ocolc$/i.test(v.trim());
      else if (tag === '007') {
        const c = v[0];
        if (c === 'c') has007c = true;
        else if (c === 't') has007text = true;
        else if (c === 'h') microformSignal = true;
        else if (c === 'v') carrier = VIDEO_007[v[4] ?? ''] ?? carrier;
        else if (c === 's' && v[1] === 'd')
          carrier = v[3] === 'f' ? 'cd' : 'abcd'.includes(v[3] || 'x') ? 'lp' : carrier;
        else if (c === 's' && v[1] === 's') carrier = 'cassette';
      }
      continue;
    }
    switch (tag) {
      case '010':
        lccn ??= normalizeLccn(first(field, 'a') ?? '');
        break;
      case '015':
        for (const s of field.subfields)
          if (s.code === 'a') otherIds = push(otherIds, idValue('015', s.value));
        break;
      case '016': {
        const a = first(field, 'a');
        if (a) otherIds = push(otherIds, idValue(`016:${(first(field, '2') ?? 'lac').toLowerCase()}`, a));
        break;
      }
      case '020':
        for (const s of field.subfields) if (s.code === 'a') isbns = push(isbns, normalizeIsbn(s.value));
        break;
      case '022':
        for (const s of field.subfields) if (s.code === 'a') issns = push(issns, normalizeIssn(s.value));
        break;
      case '024': {
        const a = first(field, 'a');
        if (!a || field.ind1 === '8') break;
        const isbn = field.ind1 === '3' ? normalizeIsbn(a) : undefined;
        if (isbn) isbns = push(isbns, isbn);
        else
          otherIds = push(
            otherIds,
            idValue(field.ind1 === '7' ? `024-${first(field, '2') ?? '7'}` : `024-${field.ind1}`, a),
          );
        break;
      }
      case '028': {
        const a = first(field, 'a');
        if (a) otherIds = push(otherIds, idValue(`028:${fold(first(field, 'b') ?? '')}`, a));
        break;
      }
      case '035':
        for (const s of field.subfields)
          if (s.code === 'a') oclcNumbers = push(oclcNumbers, normalizeOclc(s.value));
        break;
      case '040':
        source = first(field, 'a')?.trim();
        break;
      case '041':
        languageFallback ??= first(field, 'a')?.slice(0, 3).toLowerCase();
        break;
      case '100':
      case '110':
      case '111': {
        const a = author(field, true);
        if (a && !hasMainEntry) {
          authors.unshift(a);
          hasMainEntry = true;
        }
        if (tag === '111') meetingNumber ??= normalizePartNumber(first(field, 'n') ?? '');
        break;
      }
      case '245':
        f245 ??= field;
        break;
      case '250':
        edition ??= joined(field, 'a');
        break;
      case '260':
      case '264':
        if (tag === '264' && field.ind2 !== '1' && field.ind2 !== '4') break;
        if (publisher === undefined) publisher = publisherKey(first(field, 'b'));
        if (dateText === undefined || (tag === '264' && field.ind2 === '1'))
          dateText = first(field, 'c') ?? dateText;
        break;
      case '300':
        extent ||= joined(field, 'ac');
        break;
      case '337':
        for (const s of field.subfields) {
          if ((s.code === 'b' && s.value === 'n') || (s.code === 'a' && /unmediated/i.test(s.value)))
            unmediated = true;
          if ((s.code === 'b' && s.value === 'c') || (s.code === 'a' && /^computer/i.test(s.value)))
            computer337 = true;
          if ((s.code === 'b' && s.value === 'h') || (s.code === 'a' && /^microform/i.test(s.value)))
            microformSignal = true;
        }
        break;
      case '338':
        for (const s of field.subfields) {
          if ((s.code === 'b' && s.value === 'cr') || (s.code === 'a' && /online resource/i.test(s.value)))
            electronicSignal = true;
          else if (s.code === 'b' && s.value[0] === 'h') microformSignal = true;
          else if (s.code === 'b' && !carrier) carrier = AUDIO_338[s.value];
        }
        break;
      case '490':
      case '830':
        series.push({
          issn: normalizeIssn(first(field, 'x') ?? ''),
          title: fold(first(field, 'a') ?? ''),
          number: normalizePartNumber(first(field, 'v') ?? ''),
        });
        break;
      case '700':
      case '710':
      case '711':
        if (authors.length < 6 && field.ind2 !== '2' && !first(field, 't')) {
          const a = author(field, false);
          if (a) authors.push(a);
        }
        break;
      case '856':
        if (field.ind2 === '0') link856 = true;
        break;
    }
  }

  const t = titleParts(f245);
  const { title, main, subtitle, partNumbers, partNames } = t;
  if (t.electronic) electronicSignal = true;
  if (t.microform) microformSignal = true;
  const skipped = f245 && f245.ind2 >= '1' && f245.ind2 <= '9';
  let titleMainFolded = fold(main);
  let titleFolded = subtitle ? fold(title) : titleMainFolded;
  if (!skipped) {
    titleMainFolded = dropLeadingArticle(titleMainFolded);
    titleFolded = dropLeadingArticle(titleFolded);
  }

  // Type and carrier.
  const type = leader[6] ?? 'a';
  const level = leader[7] ?? 'm';
  const recordType = recordTypeOf(type, level, f008);
  const formAt =
    recordType === 'map' || recordType === 'video' || recordType === 'image' || recordType === 'object'
      ? 29
      : 23;
  const form = f008[formAt] ?? ' ';
  const physical = /\d\s*(cm|mm|in)\b|\bcm\b/.test(extent);
  if (form === 'a' || form === 'b' || form === 'c') microformSignal = true;
  if (/micro(fiche|film|opaque)/i.test(extent)) microformSignal = true;
  if (form === 'o' || form === 'q' || form === 's') electronicSignal = true;
  if (/online resource/i.test(extent)) electronicSignal = true;
  const microform = microformSignal && !electronicSignal;
  const electronic =
    !microform &&
    (electronicSignal ||
      type === 'm' ||
      (has007c && !has007text && !physical) ||
      (computer337 && !unmediated && !physical) ||
      (link856 && !physical && !has007text));
  const format =
    recordType === 'software'
      ? 'software'
      : electronic
        ? 'e' + recordType
        : microform
          ? recordType + '-microform'
          : recordType;

  // Identifiers in the control number of an OCLC record.
  if (oclcControl && f001) oclcNumbers = push(oclcNumbers, normalizeOclc(f001, false));

  const year = yearOf(f008, dateText);
  const language = languageOf(f008, languageFallback);

  const ed = edition ? normalizeEdition(edition) : undefined;
  const pages = pagesOf(extent);
  const upper = title.toUpperCase();
  return {
    recordType,
    bibLevel: level,
    electronic,
    microform,
    format,
    carrier,
    isbns,
    issns,
    series: series.length ? series : (EMPTY as unknown as Series[]),
    lccn,
    oclcNumbers,
    otherIds,
    title,
    titleFolded,
    titleMainFolded,
    hasSubtitle: subtitle !== '' && titleFolded !== titleMainFolded,
    titleKey: titleKey(titleFolded),
    titleNumbers: titleNumbers(titleFolded),
    authors,
    hasMainEntry,
    authorKey: authors[0]?.surname ?? '',
    year,
    pages,
    pagesWithPreliminaries: pages !== undefined ? preliminaries(extent, pages) : undefined,
    edition: edition?.trim() || undefined,
    editionNumber: ed?.number,
    editionWords: ed?.words ?? '',
    language,
    partNumbers,
    partNames,
    meetingNumber,
    publisher,
    quality: {
      fieldCount: record.fields.length,
      // No lower-case letter, some upper-case ones ("UNIX", "ANNUAL REPORT"; not "1984").
      allCapsTitle: title.length >= 4 && title === upper && upper !== title.toLowerCase(),
      encodingLevel: leader[17] ?? ' ',
      source,
    },
  };
}

/** Year: 008/07-10 (not for B.C. or unknown dates), else the first year in 264/260 $c. */
function yearOf(f008: string, dateText: string | undefined): number | undefined {
  const date1 = f008.slice(7, 11);
  if (
    f008.length >= 11 &&
    f008[6] !== 'b' &&
    f008[6] !== 'n' &&
    /^\d{4}$/.test(date1) &&
    date1 !== '0000' &&
    date1 !== '9999'
  )
    return Number(date1);
  const m = dateText ? YEAR.exec(dateText) : null;
  return m ? Number(m[1]) : undefined;
}

/** Language: 008/35-37, else the first 041 $a; "und", "zxx" and malformed codes count as unknown. */
function languageOf(f008: string, fallback: string | undefined): string | undefined {
  let language: string | undefined = f008.slice(35, 38).toLowerCase();
  if (!/^[a-z]{3}$/.test(language)) language = fallback;
  if (language === 'und' || language === 'zxx' || (language && !/^[a-z]{3}$/.test(language)))
    return undefined;
  return language;
}

/**
 * Title: $a $b $n $p with the non-filing characters of $a skipped, trailing ISBD punctuation removed; also
 * the part numbers and names, and what a general material designation ($h) says about the carrier.
 */
function titleParts(f245: DataField | undefined) {
  let title = '';
  let main = '';
  let subtitle = '';
  let partNumbers = EMPTY;
  let partNames = EMPTY;
  let electronic = false;
  let microform = false;
  if (f245) {
    const skip = f245.ind2 >= '1' && f245.ind2 <= '9' ? f245.ind2.charCodeAt(0) - 48 : 0;
    let seenA = false;
    for (const s of f245.subfields) {
      const code = s.code;
      if (code === 'h') {
        if (/electronic|computer file|online/i.test(s.value)) electronic = true;
        else if (/micro(form|fiche|film|opaque)/i.test(s.value)) microform = true;
        continue;
      }
      if (code !== 'a' && code !== 'b' && code !== 'n' && code !== 'p') continue;
      let value = s.value;
      if (code === 'a' && !seenA) {
        seenA = true;
        value = value.slice(skip);
      }
      title = title ? title + ' ' + value : value;
      if (code === 'b') subtitle = subtitle ? subtitle + ' ' + value : value;
      else main = main ? main + ' ' + value : value;
      if (code === 'n') partNumbers = push(partNumbers, normalizePartNumber(value));
      else if (code === 'p') partNames = push(partNames, fold(value) || undefined);
    }
    title = title.replace(/[\s/:;,.=]+$/, '');
  }
  return { title, main, subtitle, partNumbers, partNames, electronic, microform };
}
