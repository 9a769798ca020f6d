import { benchDirectory } from './directory.ts';
import { benchMarcParse } from './marc-parse.ts';
import { printDedupBench } from './dedup.ts';
import { benchRegistration } from './registration.ts';
import { benchSharing } from './sharing.ts';

/** `npm run bench`: every benchmark, each printed beside its baseline from the same run. */
/** BENCH_ONLY=directory|marc|registration|sharing|iso18626|dedup|catalog|interop runs one of them; the catalogue at scale (bench/catalog/run.ts,
 * up to hours at 1M records) runs only when asked for. */
const only = process.env.BENCH_ONLY;
if (!only || only === 'directory') {
  await benchDirectory('pglite');
  await benchDirectory('postgres');
}
if (!only || only === 'marc') await benchMarcParse();
if (!only || only === 'registration') await benchRegistration();
if (!only || only === 'sharing') await benchSharing();
if (!only || only === 'iso18626') await (await import('./iso18626.ts')).benchIso18626();
if (!only || only === 'dedup') printDedupBench(Number(process.env.BENCH_DEDUP_RECORDS ?? 200_000));
// Imported on demand: it loads the whole server (boot, modules) to drive the load service.
if (only === 'catalog') await (await import('./catalog/run.ts')).benchCatalog();
// SRU / OAI-PMH against a seeded server process (BENCH_INTEROP_RECORDS, default 5000).
if (!only || only === 'interop') await (await import('./interop.ts')).benchInterop();
