import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';
import { build, marc } from './testing/builder.ts';

/** 008 of a book: form of item at 23, language at 35-37. */
const f008 = (form = ' ', lang = 'eng', date = 's1999    ') =>
  `010101${date}xxu${' '.repeat(5)}${form}${' '.repeat(11)}${lang} d`;

describe('identifiers', () => {
  it('takes valid 020 $a as ISBN-13, ignores cancelled $z and bad check digits', () => {
    const f = extractFeatures(
      marc('am', [
        '020 __ $a0-19-852663-6 (pbk.)',
        '020 __ $z0198526644',
        '020 __ $a0198526637',
        '020 __ $a9780471383147 $qhardcover',
      ]),
    );
    expect(f.isbns).toEqual(['9780198526636', '9780471383147']);
  });

  it('reads ISBNs given as EAN-13 in 024 3_, other 024s as ids (not unspecified 8_)', () => {
    const f = extractFeatures(
      marc('am', [
        '024 3_ $a9780198526636',
        '024 1_ $a0 34571 17194 4 $c(v. 1)',
        '024 8_ $a12345',
        '024 7_ $a10.1000/182 $2doi',
      ]),
    );
    expect(f.isbns).toEqual(['9780198526636']);
    expect(f.otherIds).toEqual(['024-1:034571171944', '024-doi:10.1000/182']);
  });

  it('reads ISSNs, series ISSNs and numbers, LCCN, OCLC numbers and national numbers', () => {
    const f = extractFeatures(
      marc('as', [
        '001 ocm00012345',
        '003 OCoLC',
        '010 __ $an 78-890351',
        '015 __ $aGB9412345 $2bnb',
        '016 7_ $a012345678 $2Uk',
        '022 0_ $a1064-3923 $y0025-9535',
        '022 0_ $a1064-3924',
        '035 __ $a(OCoLC)ocm44279786',
        '035 __ $a(DLC)12345',
        '490 1_ $aNBS special publication ; $v500-8 $x0083-1883',
        '830 _0 $aLecture notes in computer science ; $vv. 12',
      ]),
    );
    expect(f.issns).toEqual(['10643923']);
    expect(f.lccn).toBe('n78890351');
    expect(f.oclcNumbers).toEqual(['44279786', '12345']);
    expect(f.otherIds).toEqual(['015:GB9412345', '016:uk:012345678']);
    expect(f.series).toEqual([
      { issn: '00831883', title: 'nbs special publication', number: '500' },
      { issn: undefined, title: 'lecture notes in computer science', number: '12' },
    ]);
  });
});

describe('title and author', () => {
  it('skips non-filing characters and keeps title proper and subtitle apart', () => {
    const f = extractFeatures(
      marc('am', [
        '245 14 $aThe Puget Sound Region : $ba portfolio of thematic computer maps / $cJohn W. Mairs.',
      ]),
    );
    expect(f.title).toBe('Puget Sound Region : a portfolio of thematic computer maps');
    expect(f.titleMainFolded).toBe('puget sound region');
    expect(f.titleFolded).toBe('puget sound region a portfolio of thematic computer maps');
    expect(f.hasSubtitle).toBe(true);
    expect(f.titleKey).toBe('pugetsoundregion');
  });

  it('drops a leading article when the indicator says 0, and reads parts', () => {
    const f = extractFeatures(
      marc('jm', [
        '245 00 $aThe history of music in sound. $nVol. 4: $pThe age of humanism $h[sound recording]',
      ]),
    );
    expect(f.titleMainFolded).toBe('history of music in sound vol 4 the age of humanism');
    expect(f.partNumbers).toEqual(['4']);
    expect(f.partNames).toEqual(['the age of humanism']);
    expect(f.hasSubtitle).toBe(false);
  });

  it('normalises personal names to "surname forenames", inverted or not, and reads corporate names', () => {
    const names = (line: string) =>
      extractFeatures(marc('am', [line, '700 1_ $aCox, Jerome R.', '700 12 $aSkipped, Analytic.'])).authors;
    expect(names('100 1_ $aCollins, Jack.').map((a) => a.name)).toEqual(['collins jack', 'cox jerome r']);
    expect(names('100 10 $aJack Collins')[0]).toMatchObject({
      name: 'collins jack',
      surname: 'collins',
      main: true,
    });
    expect(names('100 0_ $aHomer.')[0]).toMatchObject({ name: 'homer', surname: 'homer' });
    expect(names('100 1_ $aGoldmark, Carl, $d1832- [from old catalog]')[0]!.name).toBe('goldmark carl');
    expect(
      names('110 2_ $aWashington University, St. Louis. $bBiomedical Computer Laboratory.')[0],
    ).toMatchObject({
      name: 'washington university st louis biomedical computer laboratory',
      personal: false,
    });
    const noMain = extractFeatures(marc('am', ['700 1_ $aBody, Jacques.', '700 1_ $aBrunel, Pierre.']));
    expect(noMain.hasMainEntry).toBe(false);
    expect(noMain.authorKey).toBe('body');
  });

  it('reads the conference number of a meeting name separately', () => {
    const f = extractFeatures(
      marc('am', ['111 2_ $aWorkshop on Image Processing $n(4th : $d1976)', '245 10 $aProceedings']),
    );
    expect(f.meetingNumber).toBe('4');
    expect(f.partNumbers).toEqual([]);
  });

  it('flags ALL-CAPS titles', () => {
    expect(extractFeatures(build({ title: 'ANNUAL REPORT' })).quality.allCapsTitle).toBe(true);
    expect(extractFeatures(build({ title: 'Annual report' })).quality.allCapsTitle).toBe(false);
    expect(extractFeatures(build({ title: 'UNIX' })).quality.allCapsTitle).toBe(true);
    expect(extractFeatures(build({ title: '1984' })).quality.allCapsTitle).toBe(false);
  });
});

describe('dates, extent, edition, language, publisher', () => {
  it.each([
    ['910710c19910701nju           00010 eng  ', [], 1991],
    ['841105n        gw            000 0 ger  ', ['260 __ $aHamburg, $bHugo Pohle $c[n.d.]'], undefined],
    ['860403q18uu    nyu           000 0 eng  ', ['260 __ $a[New York? $c1886?]'], 1886],
    ['860403s19uu    nyu           000 0 eng  ', ['264 _4 $c©1998', '264 _1 $c[1997]'], 1997],
    ['760609s1974    nyua     b    10110 eng  ', ['260 0_ $c[c1974]'], 1974],
  ])('008 %s → year %s', (fixed, lines, year) => {
    expect(extractFeatures(marc('am', [`008 ${fixed}`, ...lines])).year).toBe(year);
  });

  it.each([
    ['xiv, 276 p.', 276],
    ['[39] p.', 39],
    ['p. cm.', undefined],
    ['1 online resource (xii, 300 pages)', 300],
    ['2 v. (xii, 900 p.)', 900],
    ['92 l.', 92],
    ['xii, 380 páginas', 380],
    ['736 S.', 736],
    ['1 sound disc (73 min.)', undefined],
    ['81 p., [5] leaves of plates', 81],
  ])('300 %s → %s pages', (extent, pages) => {
    expect(extractFeatures(marc('am', [`300 __ $a${extent}`])).pages).toBe(pages);
  });

  it('counts roman preliminaries as an alternative extent', () => {
    expect(extractFeatures(marc('am', ['300 __ $axii, 300 p.'])).pagesWithPreliminaries).toBe(312);
    expect(extractFeatures(marc('am', ['300 __ $a300 p.'])).pagesWithPreliminaries).toBeUndefined();
  });

  it('normalises editions, languages and publishers', () => {
    const f = extractFeatures(
      marc('am', [
        '008 ' + f008(' ', 'spa'),
        '250 __ $aSegunda edición.',
        '264 _1 $aMéxico : $bFondo de Cultura Económica, $c1981.',
      ]),
    );
    expect(f.editionNumber).toBe(2);
    expect(f.language).toBe('spa');
    expect(f.publisher).toBe('fondo cultura economica');
    expect(extractFeatures(marc('am', ['008 ' + f008(' ', 'und')])).language).toBeUndefined();
    expect(extractFeatures(marc('am', ['260 __ $a[S.l. : $b[s.n.], $c1990]'])).publisher).toBeUndefined();
  });
});

describe('format: record type and carrier', () => {
  it.each([
    ['print book', marc('am', ['008 ' + f008(), '300 __ $a200 p. ; $c24 cm.']), 'book'],
    ['e-book by 008/23 o', marc('am', ['008 ' + f008('o')]), 'ebook'],
    ['e-book by 338 online resource', marc('am', ['338 __ $aonline resource $bcr $2rdacarrier']), 'ebook'],
    [
      'e-book by 007 c and 856 _0',
      marc('am', ['007 cr |||||||||||', '856 40 $uhttp://example.org/book']),
      'ebook',
    ],
    ['e-book by 245 $h', marc('am', ['245 00 $aTitle $h[electronic resource]']), 'ebook'],
    [
      'print book with a 856 _1 link to another version',
      marc('am', ['300 __ $a200 p. ; $c24 cm.', '856 41 $uhttp://x']),
      'book',
    ],
    [
      'print book with a 856 _0 link and dimensions',
      marc('am', ['300 __ $a200 p. ; $c24 cm.', '856 40 $uhttp://x']),
      'book',
    ],
    [
      'print book with CD-ROM (007 t and c)',
      marc('am', ['007 ta', '007 co ugu---uuuuu', '300 __ $a289 p. ; $c23 cm. + $e1 CD-ROM']),
      'book',
    ],
    ['microfiche', marc('am', ['008 ' + f008('b'), '300 __ $a3 microfiches']), 'book-microform'],
    ['microform by 245 $h', marc('am', ['245 10 $aDealing with dropouts $hmicroform']), 'book-microform'],
    ['serial', marc('as', ['022 0_ $a1064-3923']), 'serial'],
    ['e-serial', marc('as', ['008 ' + f008('o')]), 'eserial'],
    ['article', marc('aa', []), 'article'],
    ['score', marc('cm', []), 'score'],
    ['manuscript text', marc('tm', []), 'book'],
    ['map', marc('em', []), 'map'],
    ['musical sound recording', marc('jm', ['007 sd fsngnnmmned']), 'music'],
    ['spoken-word recording', marc('im', []), 'audio'],
    ['video', marc('gm', ['007 vd cvaizq']), 'video'],
    ['streaming video', marc('gm', ['338 __ $bcr']), 'evideo'],
    ['slides', marc('gm', ['008 ' + '010101s1999    xxu' + ' '.repeat(15) + 's' + '     eng d']), 'image'],
    ['computer file', marc('mm', []), 'software'],
    [
      'computer file that is a document',
      marc('mm', ['008 ' + '010101s1999    xxu' + ' '.repeat(8) + 'd' + ' '.repeat(8) + 'eng d']),
      'ebook',
    ],
    ['kit', marc('om', []), 'kit'],
    ['mixed materials', marc('pc', []), 'mixed'],
    ['object', marc('rm', []), 'object'],
  ])('%s → %s', (_name, record, format) => {
    expect(extractFeatures(record).format).toBe(format);
  });

  it.each([
    ['007 vd cvaizq', 'dvd'],
    ['007 vd csaizq', 'bluray'],
    ['007 vf cbahos', 'vhs'],
    ['007 sd fsngnnmmned', 'cd'],
    ['007 sd bsmennmplue', 'lp'],
    ['007 ss lnjlcnnnuue', 'cassette'],
  ])('carrier of %s is %s', (line, carrier) => {
    expect(extractFeatures(marc('gm', [line])).carrier).toBe(carrier);
  });
});
