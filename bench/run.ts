import { benchDirectory } from './directory.ts';
import { benchMarcParse } from './marc-parse.ts';
import { printDedupBench } from './dedup.ts';

/** `npm run bench`: every benchmark, each printed beside its baseline from the same run. */
/** BENCH_ONLY=directory|marc|dedup runs one of them. */
const only = process.env.BENCH_ONLY;
if (!only || only === 'directory') {
  await benchDirectory('pglite');
  await benchDirectory('postgres');
}
if (!only || only === 'marc') await benchMarcParse();
if (!only || only === 'dedup') printDedupBench(Number(process.env.BENCH_DEDUP_RECORDS ?? 200_000));
