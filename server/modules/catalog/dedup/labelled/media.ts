import type { Spec } from '../testing/builder.ts';
import { pair, type LabelledPair } from './pair.ts';
import { issn } from './works.ts';

const HIGHWAYS = issn('0004152');
const cd = (extra: Partial<Spec>): Spec => ({
  kind: 'music',
  title: 'Mariachi Vargas de Tecalitlán',
  subtitle: 'sus primeras grabaciones, 1937-1947',
  corporate: 'Mariachi Vargas de Tecalitlán.',
  year: 1993,
  publisher: 'Arhoolie',
  extent: '1 sound disc (73 min.)',
  lang: 'spa',
  f007: 'sd fsngnnmmned',
  ...extra,
});
const film = (extra: Partial<Spec>): Spec => ({
  kind: 'video',
  title: 'Smoke signals',
  year: 1998,
  publisher: 'Miramax Home Entertainment',
  extent: '1 videodisc (89 min.)',
  added: ['Eyre, Chris.', 'Alexie, Sherman,'],
  f007: 'vd cvaizq',
  ...extra,
});

/** Hand-made tricky pairs of serials and media: ISSNs, publisher numbers, UPCs and carriers. */
export const MEDIA_PAIRS: LabelledPair[] = [
  pair(
    'serial:same-issn',
    'match',
    'serial: same ISSN, title in caps on one',
    { kind: 'serial', title: 'Arizona highways', issn: [HIGHWAYS], publisher: 'Arizona Highway Dept.' },
    {
      kind: 'serial',
      title: 'ARIZONA HIGHWAYS',
      issn: [HIGHWAYS],
      publisher: 'Arizona Dept. of Transportation',
    },
  ),
  pair(
    'serial:newsletters',
    'no-match',
    'two serials titled "Newsletter" with different ISSNs',
    { kind: 'serial', title: 'Newsletter', corporate: 'Friends of the Library.', issn: [issn('1050123')] },
    { kind: 'serial', title: 'Newsletter', corporate: 'Friends of the Library.', issn: [issn('0893200')] },
  ),
  pair(
    'serial:print-online',
    'no-match',
    'print and online versions of a serial (different ISSNs, e-serial)',
    { kind: 'serial', title: 'New Mexico historical review', issn: [issn('0028620')] },
    { kind: 'eserial', title: 'New Mexico historical review', issn: [issn('2327111')] },
  ),
  pair(
    'serial:no-issn',
    'match',
    'serial without ISSN on one record, same title and body',
    {
      kind: 'serial',
      title: 'Bulletin',
      corporate: 'Albuquerque Archaeological Society.',
      issn: [issn('0002483')],
      lang: 'eng',
      publisher: 'The Society',
    },
    {
      kind: 'serial',
      title: 'Bulletin',
      corporate: 'Albuquerque Archaeological Society.',
      lang: 'eng',
      publisher: 'The Society',
    },
  ),
  pair(
    'music:publisher-number',
    'match',
    'CD with the same publisher number, subtitle missing on one',
    cd({ extra: ['028 02 $aCD-7010 $bArhoolie'] }),
    cd({ subtitle: undefined, extra: ['028 02 $aCD 7010 $bArhoolie'] }),
  ),
  pair(
    'music:cd-vs-lp',
    'no-match',
    'the same album on CD and on LP',
    cd({}),
    cd({ f007: 'sd bsmennmplue', extent: '1 sound disc (45 min.) : analog, 33 1/3 rpm' }),
  ),
  pair(
    'video:same-upc',
    'match',
    'DVD with the same UPC',
    film({ ids: [['1', '717951000811']] }),
    film({ ids: [['1', '7 17951 00081 1']], added: ['Alexie, Sherman.'] }),
  ),
  pair(
    'video:dvd-vs-vhs',
    'no-match',
    'the same film on DVD and on VHS',
    film({}),
    film({ f007: 'vf cbahos', extent: '1 videocassette (89 min.)' }),
  ),
  pair(
    'video:dvd-vs-bluray',
    'no-match',
    'the same film on DVD and on Blu-ray',
    film({ year: 2009 }),
    film({ year: 2009, f007: 'vd csaizq' }),
  ),
];
