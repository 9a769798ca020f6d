import type { Spec } from '../testing/builder.ts';
import { pair, type LabelledPair } from './pair.ts';
import { isbn10 } from './works.ts';

const handbook = (part: string, partName: string, year: number, pages: number, isbns: string[]): Spec => ({
  title: 'Handbook of North American Indians',
  part,
  partName,
  corporate: 'Smithsonian Institution.',
  isbn: isbns,
  year,
  publisher: 'Smithsonian Institution',
  place: 'Washington',
  extent: `xvi, ${pages} p.`,
});
const SET_ISBN = isbn10('087474100');
const V9_ISBN = isbn10('087474189');
const symposium = (title: string, number: string, year: number): Spec => ({
  title,
  meeting: { name: 'Southwest Library Symposium', number },
  year,
  publisher: 'Arizona State Library',
  extent: '214 p.',
});
const report = (body: string, year: number, publisher: string, pages: number): Spec => ({
  title: 'Annual report',
  corporate: body,
  year,
  publisher,
  extent: `${pages} p.`,
});
/** Hand-made tricky pairs: sets and volumes, conferences, generic titles. */
export const SET_AND_GENERIC_PAIRS: LabelledPair[] = [
  pair(
    'set:vol9-vol10',
    'no-match',
    'volumes of a set sharing the set ISBN',
    handbook('Vol. 9,', 'Southwest', 1979, 701, [SET_ISBN, V9_ISBN]),
    handbook('Vol. 10,', 'Southwest', 1983, 868, [SET_ISBN]),
  ),
  pair(
    'set:vol9-vol10-same-year',
    'no-match',
    'volumes of a set, same year, only the set ISBN',
    handbook('v. 9', 'Southwest', 1983, 701, [SET_ISBN]),
    handbook('v. 10', 'Southwest', 1983, 698, [SET_ISBN]),
  ),
  pair(
    'set:set-vs-volume',
    'no-match',
    'record for the whole set vs record for one volume',
    { ...handbook('', '', 1979, 701, [SET_ISBN]), part: undefined, partName: undefined, extent: '20 v.' },
    handbook('Vol. 9,', 'Southwest', 1979, 701, [SET_ISBN]),
  ),
  pair(
    'set:vol9-twice',
    'match',
    'the same volume: roman vs arabic numbering, set ISBN only vs volume ISBN too',
    handbook('Vol. IX,', 'Southwest', 1979, 701, [SET_ISBN]),
    handbook('Vol. 9,', 'Southwest', 1979, 701, [SET_ISBN, V9_ISBN]),
  ),
  pair(
    'conf:4th-5th',
    'no-match',
    'proceedings of the 4th vs the 5th symposium (same year of publication)',
    symposium('Proceedings of the 4th Southwest Library Symposium', '4th', 2001),
    symposium('Proceedings of the 5th Southwest Library Symposium', '5th', 2001),
  ),
  pair(
    'conf:4th-fourth',
    'match',
    'proceedings numbered "4th" vs "fourth"',
    symposium('Proceedings of the 4th Southwest Library Symposium', '4th', 2001),
    symposium('Proceedings of the fourth Southwest Library Symposium', '4th', 2001),
  ),
  pair(
    'conf:meeting-number-only',
    'no-match',
    'generic "Proceedings", conferences told apart only by 111 $n',
    symposium('Proceedings', '4th', 2001),
    symposium('Proceedings', '5th', 2001),
  ),
  pair(
    'generic:annual-report-bodies',
    'no-match',
    '"Annual report" of two bodies, same year',
    report('New Mexico State Library.', 2019, 'New Mexico State Library', 24),
    report('Arizona State Library, Archives and Public Records.', 2019, 'Arizona State Library', 26),
  ),
  pair(
    'generic:annual-report-years',
    'no-match',
    '"Annual report" of one body, two years',
    report('New Mexico State Library.', 2019, 'New Mexico State Library', 24),
    report('New Mexico State Library.', 2020, 'New Mexico State Library', 24),
  ),
  pair(
    'generic:annual-report-same',
    'match',
    '"Annual report", same body and year, one record in caps',
    report('New Mexico State Library.', 2019, 'New Mexico State Library', 24),
    { ...report('NEW MEXICO STATE LIBRARY.', 2019, 'New Mexico State Library', 24), title: 'ANNUAL REPORT' },
  ),
  pair(
    'generic:proceedings-no-author',
    'no-match',
    '"Proceedings" without author, same year, different publishers',
    { title: 'Proceedings', year: 2005, publisher: 'IEEE Computer Society', extent: '312 p.' },
    {
      title: 'Proceedings',
      year: 2005,
      publisher: 'American Society for Information Science',
      extent: '305 p.',
    },
  ),
  pair(
    'generic:proceedings-sparse',
    'no-match',
    '"Proceedings" without author or publisher, same year',
    { title: 'Proceedings', year: 2005 },
    { title: 'Proceedings', year: 2005 },
  ),
];
