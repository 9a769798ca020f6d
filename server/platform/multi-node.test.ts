import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from './db/client.ts';
import { createTestApp, clientFor, signIn, type TestApp } from '../test/harness.ts';
import type { FastifyInstance } from 'fastify';

/**
 * Two app nodes on one database. On the PostgreSQL server the second node has its own connection pool
 * (as a second process would); on PGlite, where one process owns the data directory, it shares it.
 */
let t: TestApp;
let secondDatabase: Database | undefined;
let second: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp();
  if (t.ctx.database.kind === 'postgres') {
    secondDatabase = await openDatabase({
      databaseUrl: t.ctx.database.connectionString,
      dataDir: '',
      poolSize: 4,
    });
  }
  const database = secondDatabase ?? t.ctx.database;
  second = await buildApp({ ...t.ctx, database, db: database.db }, { serveWeb: false });
});
afterAll(async () => {
  await second?.close();
  await secondDatabase?.close();
  await t?.close();
});

describe('two app nodes', () => {
  it('accept a session made on the other node, for reads and CSRF-protected writes', async () => {
    const onFirst = await signIn(t.app, 'director@a.example');
    const cookie = onFirst.cookie;
    const onSecond = clientFor(second, cookie, onFirst.csrfToken);
    const me = await onSecond.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('director@a.example');
    const write = await onSecond.patch('/api/v1/me', { jobTitle: 'Director' });
    expect(write.statusCode).toBe(200);
    expect((await onFirst.get('/api/v1/me')).json().jobTitle).toBe('Director');
  });

  it('end the session everywhere when it signs out on one node', async () => {
    const onFirst = await signIn(t.app, 'ill@a.example');
    const cookie = onFirst.cookie;
    expect((await clientFor(second, cookie, onFirst.csrfToken).post('/api/v1/auth/logout')).statusCode).toBe(
      200,
    );
    expect((await onFirst.get('/api/v1/me')).statusCode).toBe(401);
  });
});
