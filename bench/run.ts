import { benchDirectory } from './directory.ts';

/** `npm run bench`: every benchmark, each printed beside its baseline from the same run. */
const only = process.argv[2];
if (!only || only === 'directory') {
  await benchDirectory('pglite');
  await benchDirectory('postgres');
}
