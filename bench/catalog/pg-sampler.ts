import pg from 'pg';

/**
 * A sampling profiler for the database side of a phase: every `intervalMs` it reads, on a connection of its
 * own, which statements the bench database's backends are running (pg_stat_activity) and what they wait on.
 * The share of samples per statement shows where PostgreSQL's time goes without pg_stat_statements (which
 * needs a server restart on a machine others use).
 */
export function sampleStatements(connectionString: string, database: string, intervalMs = 50) {
  const client = new pg.Client({ connectionString });
  const counts = new Map<string, number>();
  let samples = 0;
  let busySamples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ query: string; wait: string | null }>(
        `SELECT query, wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity
          WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
        [database],
      );
      samples++;
      if (rows.length) busySamples++;
      for (const r of rows) {
        const statement = r.query.replace(/\s+/g, ' ').trim().slice(0, 90);
        const key = `${statement}${r.wait ? `  [waiting: ${r.wait}]` : ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    await client.end();
  })();
  return {
    /** Stops sampling; returns the share of samples with a statement running and the top statements. */
    stop: async (limit = 12) => {
      running = false;
      await loop;
      const top = [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([key, n]) => `${((n / Math.max(1, samples)) * 100).toFixed(1).padStart(5)} %  ${key}`);
      return { samples, busyShare: busySamples / Math.max(1, samples), top };
    },
  };
}
