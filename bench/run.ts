import { benchDirectory } from './directory.ts';
import { benchMarcParse } from './marc-parse.ts';

/** `npm run bench`: every benchmark, each printed beside its baseline from the same run. */
const only = process.argv[2];
if (!only || only === 'directory') {
  await benchDirectory('pglite');
  await benchDirectory('postgres');
}
if (!only || only === 'marc') await benchMarcParse();
