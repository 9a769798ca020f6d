import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createContext, closeContext } from '../boot.ts';
import { loadEnv } from '../platform/env.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { loadUploadFieldsSchema } from '../../shared/contracts/catalog.ts';
import { CatalogService } from '../modules/catalog/index.ts';

/**
 * `tsx server/cli/catalog-load.ts --library SYMBOL [--mode add_update|delete|replace] [--format F]
 * [--holdings-tag 949] FILE` — runs a load in this process, without the queue. On the embedded database it
 * refuses while a server holds the data directory (two PGlite processes on one directory lose writes).
 */
const usage =
  'usage: tsx server/cli/catalog-load.ts --library SYMBOL [--mode add_update|delete|replace] ' +
  '[--format auto|iso2709|marcxml|marc-json] [--holdings-tag 949] [--batch-size 500] FILE';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    library: { type: 'string' },
    mode: { type: 'string', default: 'add_update' },
    format: { type: 'string', default: 'auto' },
    'holdings-tag': { type: 'string' },
    'batch-size': { type: 'string' },
  },
});
const file = positionals[0];
const fields = loadUploadFieldsSchema.safeParse({
  mode: values.mode,
  format: values.format,
  ...(values['holdings-tag'] ? { holdingsTag: values['holdings-tag'] } : {}),
});
if (!values.library || !file || positionals.length !== 1 || !fields.success) {
  process.stderr.write(
    `${fields.success ? '' : `${fields.error.issues.map((i) => i.message).join('; ')}\n`}${usage}\n`,
  );
  process.exit(2);
}
if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
  process.stderr.write(`No such file: ${file}\n`);
  process.exit(2);
}

const env = loadEnv({ ...process.env, JOBS_MODE: 'off' });
let ctx;
try {
  ctx = await createContext(env);
} catch (error) {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\nStop the server first, or upload the file in the web app.\n`);
    process.exit(3);
  }
  throw error;
}
try {
  const service = new CatalogService(ctx);
  const library = await service.libraryBySymbol(values.library).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  });
  // The CLI loads the file where it is: nothing is copied, and the path is kept in the load's history.
  const absolute = path.resolve(file);
  const load = await service.createLoad(
    null,
    library.id,
    { fileName: path.basename(file), filePath: absolute, fileSize: fs.statSync(absolute).size },
    fields.data,
    { enqueue: false },
  );
  const started = performance.now();
  const timer = setInterval(() => {
    void service.getLoad(library.id, load.id).then((l) => {
      process.stderr.write(`  ${l.recordsDone} records, ${l.recordsPerSecond}/s, ${l.rejected} rejected\n`);
    });
  }, 2000);
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
  const outcome = await service
    .run(load.id, batchSize ? { batchSize } : {})
    .finally(() => clearInterval(timer));
  const done = await service.getLoad(library.id, load.id);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${outcome}: ${done.recordsDone} records in ${seconds.toFixed(1)} s (${Math.round(done.recordsDone / seconds)}/s) — ` +
      `added ${done.added}, updated ${done.updated}, unchanged ${done.unchanged}, withdrawn ${done.withdrawn}, ` +
      `rejected ${done.rejected}${done.error ? `\nerror: ${done.error}` : ''}\n`,
  );
  process.exitCode = outcome === 'completed' ? 0 : 1;
} finally {
  await closeContext(ctx);
}
