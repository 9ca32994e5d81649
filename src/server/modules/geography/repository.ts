import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { geoRegions } from './schema.ts';

export type RegionRow = typeof geoRegions.$inferSelect;

export async function listRegions(tx: Tx) {
  return tx.select().from(geoRegions).orderBy(asc(geoRegions.code));
}

export async function findRegionByCode(tx: Tx, code: string) {
  const [row] = await tx.select().from(geoRegions).where(eq(geoRegions.code, code));
  return row;
}

export async function findRegion(tx: Tx, id: string) {
  const [row] = await tx.select().from(geoRegions).where(eq(geoRegions.id, id));
  return row;
}

export async function insertRegion(tx: Tx, values: typeof geoRegions.$inferInsert) {
  const [row] = await tx.insert(geoRegions).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateRegionIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<typeof geoRegions.$inferInsert>,
) {
  const [row] = await tx
    .update(geoRegions)
    .set({ ...values, updatedAt: new Date(), version: sql`${geoRegions.version} + 1` })
    .where(and(eq(geoRegions.id, id), eq(geoRegions.version, version)))
    .returning();
  return row;
}

export async function deleteRegionIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(geoRegions)
    .where(and(eq(geoRegions.id, id), eq(geoRegions.version, version)))
    .returning({ id: geoRegions.id });
  return rows.length > 0;
}
