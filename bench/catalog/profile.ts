import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * CPU profile of a phase of this process (the V8 sampling profiler through the inspector), written as a
 * .cpuprofile (open it in Chrome DevTools or speedscope) and summarised as the functions with the most
 * self time. With PostgreSQL, the server's own work does not show here: compare the profile's busy time
 * with the wall clock to see how long the process waited for the database.
 */
type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export async function profiled<T>(file: string | undefined, run: () => Promise<T>) {
  if (!file) return { value: await run(), top: [] as string[] };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  let value!: T;
  let top: string[];
  try {
    value = await run();
  } finally {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    top = summarise(profile);
  }
  return { value, top };
}

/** Self time per function (name, file:line), the largest first, as printable lines. */
export function summarise(profile: Profile, limit = 25): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const f = byNode.get(id)!.callFrame;
    // Under tsx the transpiled modules report line 0 for every function: the file is then all there is.
    const file = f.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
    const where = f.url ? (f.lineNumber > 0 ? `${file}:${f.lineNumber + 1}` : file) : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const lines = [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([key, micros]) =>
        `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${(micros / 1e6).toFixed(1).padStart(6)} s  ${key}`,
    );
  const byArea = new Map<string, number>();
  for (const [key, micros] of byFunction) byArea.set(area(key), (byArea.get(area(key)) ?? 0) + micros);
  const areas = [...byArea.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, micros]) => `${name} ${((micros / total) * 100).toFixed(0)} %`)
    .join(', ');
  return [`by area: ${areas}`, ...lines];
}

/** Where a function belongs, from its name and file. */
function area(key: string): string {
  if (key.startsWith('(idle)')) return 'idle (waiting)';
  if (key.startsWith('(garbage collector)')) return 'garbage collector';
  if (/wasm:|@electric-sql\/pglite/.test(key)) return 'PGlite';
  if (/drizzle-orm/.test(key)) return 'Drizzle';
  if (/node_modules\/pg(-[a-z]+)?\//.test(key)) return 'node-postgres';
  const catalog = /server\/modules\/catalog\/(?:(marc|dedup)\/)?/.exec(key);
  if (catalog) return catalog[1] ? `catalog/${catalog[1]}` : 'catalog (load, queries, clustering)';
  return 'other (Node internals, I/O)';
}
