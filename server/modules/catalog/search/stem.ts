/**
 * Our own compact stemmers over folded words (a-z only; anything else is returned unchanged):
 * an English one following the Porter2 rules, and a light Spanish one (plurals and a few suffixes).
 * They only group words for matching; exact forms still rank higher (see score.ts).
 */

const VOWEL = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const isVowel = (w: string, i: number) => VOWEL.has(w[i]!);
const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const LI_ENDING = 'cdeghkmnrt';
const EXCEPTIONS: Record<string, string> = {
  skis: 'ski',
  skies: 'sky',
  dying: 'die',
  lying: 'lie',
  tying: 'tie',
  idly: 'idl',
  gently: 'gentl',
  ugly: 'ugli',
  early: 'earli',
  only: 'onli',
  singly: 'singl',
  sky: 'sky',
  news: 'news',
  howe: 'howe',
  atlas: 'atlas',
  cosmos: 'cosmos',
  bias: 'bias',
  andes: 'andes',
};
const AFTER_1A = new Set([
  'inning',
  'outing',
  'canning',
  'herring',
  'earring',
  'proceed',
  'exceed',
  'succeed',
]);

/** Start of the region after the first non-vowel that follows a vowel, from `from`. */
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) if (!isVowel(w, i) && isVowel(w, i - 1)) return i + 1;
  return w.length;
}

function shortSyllableAtEnd(w: string): boolean {
  const n = w.length;
  if (n === 2) return isVowel(w, 0) && !isVowel(w, 1);
  return (
    n >= 3 && !isVowel(w, n - 3) && isVowel(w, n - 2) && !isVowel(w, n - 1) && !'wxY'.includes(w[n - 1]!)
  );
}

const hasVowel = (s: string) => [...s].some((c) => VOWEL.has(c));

export function stemEnglish(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const exception = EXCEPTIONS[word];
  if (exception) return exception;
  // y at the start or after a vowel is a consonant: mark it Y (upper case is never a vowel here).
  let w = word[0] === 'y' ? 'Y' + word.slice(1) : word;
  w = w.replace(/([aeiouy])y/g, '$1Y');
  const r1 = /^(gener|commun|arsen)/.test(w) ? /^(gener|commun|arsen)/.exec(w)![0].length : regionAfter(w, 0);
  const r2 = regionAfter(w, r1);
  const inR1 = (suffix: string) => w.length - suffix.length >= r1;
  const inR2 = (suffix: string) => w.length - suffix.length >= r2;
  const cut = (n: number) => (w = w.slice(0, w.length - n));

  // Step 1a: plurals.
  if (w.endsWith('sses')) cut(2);
  else if (w.endsWith('ied') || w.endsWith('ies')) w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
  else if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('ss') && hasVowel(w.slice(0, -2))) cut(1);
  if (AFTER_1A.has(w)) return w;

  // Step 1b: -eed, -ed, -ing.
  const eed = ['eedly', 'eed'].find((s) => w.endsWith(s));
  if (eed) {
    if (inR1(eed)) w = w.slice(0, -eed.length) + 'ee';
  } else {
    const ed = ['ingly', 'edly', 'ing', 'ed'].find((s) => w.endsWith(s));
    if (ed && hasVowel(w.slice(0, -ed.length))) {
      cut(ed.length);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (DOUBLES.some((d) => w.endsWith(d))) cut(1);
      else if (r1 >= w.length && shortSyllableAtEnd(w)) w += 'e';
    }
  }

  // Step 1c: final y after a consonant (not the first letter) → i.
  if (w.length > 2 && /[yY]$/.test(w) && !isVowel(w, w.length - 2)) w = w.slice(0, -1) + 'i';

  // Step 2 (in R1).
  const step2: [string, string][] = [
    ['ization', 'ize'],
    ['ational', 'ate'],
    ['fulness', 'ful'],
    ['ousness', 'ous'],
    ['iveness', 'ive'],
    ['tional', 'tion'],
    ['biliti', 'ble'],
    ['lessli', 'less'],
    ['entli', 'ent'],
    ['ation', 'ate'],
    ['alism', 'al'],
    ['aliti', 'al'],
    ['ousli', 'ous'],
    ['iviti', 'ive'],
    ['fulli', 'ful'],
    ['enci', 'ence'],
    ['anci', 'ance'],
    ['abli', 'able'],
    ['izer', 'ize'],
    ['ator', 'ate'],
    ['alli', 'al'],
    ['bli', 'ble'],
  ];
  const s2 = step2.find(([s]) => w.endsWith(s));
  if (s2) {
    if (inR1(s2[0])) w = w.slice(0, -s2[0].length) + s2[1];
  } else if (w.endsWith('ogi')) {
    if (inR1('ogi') && w[w.length - 4] === 'l') cut(1);
  } else if (w.endsWith('li') && inR1('li') && LI_ENDING.includes(w[w.length - 3] ?? '')) cut(2);

  // Step 3 (in R1; -ative in R2).
  const step3: [string, string][] = [
    ['ational', 'ate'],
    ['tional', 'tion'],
    ['alize', 'al'],
    ['icate', 'ic'],
    ['iciti', 'ic'],
    ['ative', ''],
    ['ical', 'ic'],
    ['ness', ''],
    ['ful', ''],
  ];
  const s3 = step3.find(([s]) => w.endsWith(s));
  if (s3 && inR1(s3[0]) && (s3[0] !== 'ative' || inR2('ative'))) w = w.slice(0, -s3[0].length) + s3[1];

  // Step 4 (in R2).
  const step4 = [
    'ement',
    'ance',
    'ence',
    'able',
    'ible',
    'ment',
    'ant',
    'ent',
    'ism',
    'ate',
    'iti',
    'ous',
    'ive',
    'ize',
    'ion',
    'al',
    'er',
    'ic',
  ];
  const s4 = step4.find((s) => w.endsWith(s));
  if (s4 && inR2(s4)) {
    if (s4 !== 'ion') cut(s4.length);
    else if ('st'.includes(w[w.length - 4] ?? '')) cut(3);
  }

  // Step 5: final e and ll.
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (inR2('e') || (inR1('e') && !shortSyllableAtEnd(stem))) w = stem;
  } else if (w.endsWith('ll') && inR2('l')) cut(1);
  return w.replace(/Y/g, 'y');
}

/** Light Spanish stemmer on folded words: plurals (-s, -es, -ces → z), -mente, -miento, final gender vowel. */
export function stemSpanish(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('mente') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('amiento') || w.endsWith('imiento')) w = w.slice(0, -6);
  else if (w.endsWith('ces') && w.length > 4) w = w.slice(0, -3) + 'z';
  else if (w.endsWith('iones')) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && !'aeiou'.includes(w[w.length - 3]!)) w = w.slice(0, -2);
  else if (w.endsWith('s') && 'aeiou'.includes(w[w.length - 2]!)) w = w.slice(0, -1);
  if (w.length > 4 && /[aoe]$/.test(w)) w = w.slice(0, -1);
  return w;
}
