import type { MarcRecord } from '../../marc/record.ts';
import { marc } from '../testing/builder.ts';
import type { LabelledPair } from './pair.ts';

/**
 * The pairs named in the reference, reproduced field for field from the sample files (a test checks them
 * against the files themselves): lc-sample-marc8.mrc records 1–2 and opera-43.marcxml records 9–10 and 12–13.
 */
export const REFERENCE_PAIRS: LabelledPair[] = [
  {
    id: 'ref:lc-11224466-11224467',
    label: 'match',
    note: 'lc-sample-marc8.mrc records 1 and 2: same book, LCCNs one apart (near-duplicate records)',
    a: lcSample('11224466'),
    b: lcSample('11224467'),
  },
  {
    id: 'ref:opera-saba',
    label: 'no-match',
    note: 'opera-43.marcxml: "Die Königin von Saba" score-like edition (276 p.) vs the libretto ([39] p.)',
    a: marc('am', [
      '001 7688237',
      '008 841105n        gw            000 0 ger  ',
      '010 __ $aunk84086999',
      '040 __ $aDLC $cCarP $dDLC',
      '100 1_ $aGoldmark, Carl, $d1832- [from old catalog]',
      '245 04 $aDie Königin von Saba. $bOp. 27.',
      '260 __ $aHamburg, $bHugo Pohle $c[n.d.]',
      '300 __ $a276 p. $bcm.',
    ]),
    b: marc('am', [
      '001 9109955',
      '008 860403s1886    nyu           000 0 eng  ',
      '010 __ $aunk85057456',
      '040 __ $aDLC $cCarP $dDLC',
      '100 1_ $aGoldmark, Karl, $d1830-1915. [from old catalog]',
      '240 04 $aDie königin von Saba. Libretto. English & German. [from old catalog]',
      '245 00 $aDie königin von Saba---The queen of Sheba; $bopera in four acts.',
      '260 __ $a[New York? $c1886?]',
      '300 __ $a[39] p. $c24 cm.',
    ]),
  },
  {
    id: 'ref:opera-251663-twice',
    label: 'match',
    note: 'opera-43.marcxml records 12 and 13: the same record (001 251663) loaded twice',
    a: electre(),
    b: electre(),
  },
];

function lcSample(lccn: string): MarcRecord {
  return marc(
    'am',
    [
      `001    ${lccn} `,
      '003 DLC',
      '008 910710c19910701nju           00010 eng  ',
      `010 __ $a   ${lccn} `,
      '040 __ $aDLC $cDLC',
      '050 00 $a123-xyz',
      '100 10 $aJack Collins',
      '245 10 $aHow to program a computer',
      '260 1_ $aPenguin',
      '263 __ $a8710',
      '300 __ $ap. cm.',
    ],
    '8',
  );
}

function electre(): MarcRecord {
  return marc('am', [
    '001 251663',
    '008 990714s1997    fr       b    000 0 fre d',
    '010 __ $a   99226396 ',
    '020 __ $a2252031751',
    '035 __ $a(OCoLC)38289273',
    '040 __ $aFBF $cFBF $dEMU $dTZT $dDLC',
    '245 00 $aElectre de Jean Giraudoux : $bregards croisés / $csous la direction de Jacques Body et Pierre Brunel.',
    '260 __ $aParis : $bKlincksieck, $c1997.',
    '300 __ $a202 p. ; $c21 cm.',
    '700 1_ $aBody, Jacques.',
    '700 1_ $aBrunel, Pierre.',
  ]);
}
