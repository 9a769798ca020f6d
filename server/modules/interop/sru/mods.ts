import {
  controlValue,
  dataFields,
  subfieldValues,
  type DataField,
  type MarcRecord,
} from '../../catalog/marc/index.ts';
import { xml } from './records.ts';

/**
 * MODS 3.7 from MARC 21, the core of the Library of Congress MARC → MODS mapping: what discovery layers
 * and aggregators read (titles, names with roles, type, publication, language, extent, notes, subjects,
 * classification, series, identifiers, holdings as locations, the record's own id).
 */
const NS = 'http://www.loc.gov/mods/v3';

const TYPE_OF_RESOURCE: Record<string, string> = {
  a: 'text',
  t: 'text',
  c: 'notated music',
  d: 'notated music',
  e: 'cartographic',
  f: 'cartographic',
  g: 'moving image',
  i: 'sound recording-nonmusical',
  j: 'sound recording-musical',
  k: 'still image',
  m: 'software, multimedia',
  o: 'mixed material',
  p: 'mixed material',
  r: 'three dimensional object',
};

const trim = (s: string) => s.replace(/\s*[/:;,=.]\s*$/, '').trim();
const joined = (f: DataField, codes: string) => trim(subfieldValues(f, codes).join(' '));
const el = (name: string, value: string, attrs = '') =>
  value ? `<mods:${name}${attrs}>${xml(value)}</mods:${name}>` : '';

function titleInfo(f: DataField, attrs = ''): string {
  // The second indicator of 245 counts leading characters that are not filed on ("The ").
  const skip = f.tag === '245' ? Number.parseInt(f.ind2, 10) || 0 : 0;
  const main = subfieldValues(f, 'a').join(' ');
  const nonSort = skip > 0 ? main.slice(0, skip) : '';
  const parts =
    el('nonSort', nonSort) +
    el('title', trim(main.slice(skip))) +
    el('subTitle', joined(f, 'b')) +
    el('partNumber', joined(f, 'n')) +
    el('partName', joined(f, 'p'));
  return parts ? `<mods:titleInfo${attrs}>${parts}</mods:titleInfo>` : '';
}

function name(f: DataField): string {
  const type = f.tag.endsWith('00') ? 'personal' : f.tag.endsWith('10') ? 'corporate' : 'conference';
  const role = subfieldValues(f, 'e').map(trim).filter(Boolean);
  const roles = role.map((r) => `<mods:role>${el('roleTerm', r, ' type="text"')}</mods:role>`).join('');
  return (
    `<mods:name type="${type}"${f.tag.startsWith('1') ? ' usage="primary"' : ''}>` +
    el('namePart', joined(f, 'abcq')) +
    el('namePart', trim(subfieldValues(f, 'd').join(' ')), ' type="date"') +
    `${roles}</mods:name>`
  );
}

function subject(f: DataField): string {
  const main =
    f.tag === '650'
      ? el('topic', joined(f, 'a'))
      : f.tag === '651'
        ? el('geographic', joined(f, 'a'))
        : f.tag === '655'
          ? el('genre', joined(f, 'a'))
          : `<mods:name>${el('namePart', joined(f, 'abcdq'))}</mods:name>`;
  const subdivisions = f.subfields
    .map((sf) =>
      sf.code === 'x'
        ? el('topic', trim(sf.value))
        : sf.code === 'z'
          ? el('geographic', trim(sf.value))
          : sf.code === 'y'
            ? el('temporal', trim(sf.value))
            : sf.code === 'v'
              ? el('genre', trim(sf.value))
              : '',
    )
    .join('');
  const authority = f.ind2 === '0' ? ' authority="lcsh"' : '';
  return `<mods:subject${authority}>${main}${subdivisions}</mods:subject>`;
}

export function toMods(record: MarcRecord): string {
  const parts: string[] = [];
  const each = (tag: string | RegExp, fn: (f: DataField) => string) =>
    dataFields(record, tag).forEach((f) => parts.push(fn(f)));

  each('245', (f) => titleInfo(f));
  each('246', (f) => titleInfo(f, ' type="alternative"'));
  each(/^(130|240)$/, (f) => titleInfo(f, ' type="uniform"'));
  each(/^(100|110|111|700|710|711)$/, name);
  const type = TYPE_OF_RESOURCE[record.leader[6] ?? 'a'];
  if (type) parts.push(el('typeOfResource', type));
  const origin = dataFields(record, /^(260|264)$/).filter((f) => f.tag === '260' || f.ind2 === '1');
  const edition = dataFields(record, '250').map((f) => joined(f, 'ab'));
  if (origin.length || edition.length) {
    parts.push(
      '<mods:originInfo>' +
        origin
          .map(
            (f) =>
              subfieldValues(f, 'a')
                .map((p) => `<mods:place>${el('placeTerm', trim(p), ' type="text"')}</mods:place>`)
                .join('') +
              subfieldValues(f, 'b')
                .map((p) => el('publisher', trim(p)))
                .join('') +
              subfieldValues(f, 'c')
                .map((d) => el('dateIssued', trim(d)))
                .join(''),
          )
          .join('') +
        edition.map((e) => el('edition', e)).join('') +
        '</mods:originInfo>',
    );
  }
  const lang = controlValue(record, '008')?.slice(35, 38).trim();
  if (lang && /^[a-z]{3}$/.test(lang)) {
    parts.push(
      `<mods:language>${el('languageTerm', lang, ' type="code" authority="iso639-2b"')}</mods:language>`,
    );
  }
  const extent = dataFields(record, '300').map((f) => joined(f, 'abce'));
  if (extent.length)
    parts.push(
      `<mods:physicalDescription>${extent.map((e) => el('extent', e)).join('')}</mods:physicalDescription>`,
    );
  each('520', (f) => el('abstract', joined(f, 'a')));
  each('505', (f) => el('tableOfContents', joined(f, 'agrt')));
  each(/^(500|504)$/, (f) => el('note', joined(f, 'a')));
  each(/^(600|610|611|650|651|655)$/, subject);
  each('050', (f) => el('classification', joined(f, 'ab'), ' authority="lcc"'));
  each('082', (f) => el('classification', joined(f, 'a'), ' authority="ddc"'));
  each(/^(490|830)$/, (f) => `<mods:relatedItem type="series">${titleInfo(f)}</mods:relatedItem>`);
  each('020', (f) =>
    subfieldValues(f, 'a')
      .map((v) => el('identifier', trim(v), ' type="isbn"'))
      .join(''),
  );
  each('022', (f) =>
    subfieldValues(f, 'a')
      .map((v) => el('identifier', trim(v), ' type="issn"'))
      .join(''),
  );
  each('010', (f) => el('identifier', joined(f, 'a'), ' type="lccn"'));
  each('035', (f) =>
    subfieldValues(f, 'a')
      .map((v) => /^\(OCoLC\)\s*(?:ocm|ocn|on)?0*(\d+)$/.exec(v.trim())?.[1])
      .map((n) => (n ? el('identifier', n, ' type="oclc"') : ''))
      .join(''),
  );
  each('852', (f) => {
    const shelf = joined(f, 'hi');
    const where = el('physicalLocation', joined(f, 'a')) + el('shelfLocator', shelf);
    const sub = joined(f, 'b');
    return `<mods:location>${where}${sub ? `<mods:holdingSimple><mods:copyInformation>${el('subLocation', sub)}</mods:copyInformation></mods:holdingSimple>` : ''}</mods:location>`;
  });
  const id = controlValue(record, '001')?.trim();
  if (id) parts.push(`<mods:recordInfo>${el('recordIdentifier', id)}</mods:recordInfo>`);
  return `<mods:mods xmlns:mods="${NS}" version="3.7">${parts.filter(Boolean).join('')}</mods:mods>`;
}
