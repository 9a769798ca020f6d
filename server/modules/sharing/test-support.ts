import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/client.ts';
import type { TestApp } from '../../test/harness.ts';
import { insertOrganization, insertUser } from '../../test/fixtures.ts';
import { catalogClusters, catalogHoldings, catalogMatchKeys, catalogRecords } from '../catalog/tables.ts';

/**
 * Test helpers: two more libraries (C, D) with ILL staff, ILL staff for B, and catalog clusters held by
 * chosen libraries — written straight into the catalog tables (the catalog's own loads are tested there).
 */
export async function sharingWorld(t: TestApp) {
  const db = t.ctx.db;
  const { libraryA, libraryB } = t.fixtures;
  const libraryC = await insertOrganization(db, {
    kind: 'library',
    name: 'Cimarron County Library',
    symbol: 'OKCIM',
    state: 'OK',
    timeZone: 'America/Chicago',
  });
  const libraryD = await insertOrganization(db, {
    kind: 'library',
    name: 'Dona Ana Community College Library',
    symbol: 'NMDAC',
    state: 'NM',
    timeZone: 'America/Denver',
    libraryType: 'academic',
  });
  const staff = {
    a: 'ill@a.example',
    b: (
      await insertUser(db, {
        email: 'ill@b.example',
        organizationId: libraryB.id,
        role: 'library_staff',
        capabilities: ['sharing'],
      })
    ).email,
    c: (
      await insertUser(db, {
        email: 'ill@c.example',
        organizationId: libraryC.id,
        role: 'library_staff',
        capabilities: ['sharing'],
      })
    ).email,
    d: (
      await insertUser(db, {
        email: 'ill@d.example',
        organizationId: libraryD.id,
        role: 'library_staff',
        capabilities: ['sharing'],
      })
    ).email,
  };
  return { libraryA, libraryB, libraryC, libraryD, staff };
}

export type Holder = { libraryId: string; location?: string };

/** A cluster with one record (and one item) per holder; optional ISBN key. */
export async function insertCluster(
  db: Db,
  holders: Holder[],
  opts: { title?: string; format?: string; isbn?: string } = {},
) {
  const clusterId = randomUUID();
  const format = opts.format ?? 'book';
  const title = opts.title ?? 'Caddo ceramics of the Red River';
  await db.insert(catalogClusters).values({
    id: clusterId,
    title,
    author: 'Test Author',
    year: 2019,
    format,
    libraryCount: holders.length,
    recordCount: holders.length,
  });
  for (const h of holders) {
    const recordId = randomUUID();
    await db.insert(catalogRecords).values({
      id: recordId,
      libraryId: h.libraryId,
      controlSource: 'test',
      controlNumber: recordId.slice(0, 8),
      marc: {},
      features: {},
      contentHash: recordId,
      format,
      title,
      clusterId,
    });
    await db
      .insert(catalogHoldings)
      .values({ recordId, libraryId: h.libraryId, location: h.location ?? 'Stacks', callNumber: 'F 1 .T4' });
    if (opts.isbn) await db.insert(catalogMatchKeys).values({ recordId, key: `${format}|isbn:${opts.isbn}` });
  }
  return clusterId;
}
