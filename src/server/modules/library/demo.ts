import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { syncPublicationIndex } from './present.ts';
import * as repo from './repository.ts';

// The one publication the seed record names with its year: the last Asian Migrant Yearbook
// (shared/seeds/001). Metadata only; the seed has no file to attach.

/** Adds the demo publication inside the demo-data transaction; answers its id. */
export async function loadLibraryDemo(tx: Tx): Promise<string | undefined> {
  const authors = await tx
    .select({ id: organisations.id, acronym: organisations.acronym })
    .from(organisations)
    .where(inArray(organisations.acronym, ['AMC', 'MFA']));
  if (authors.length === 0) return undefined;
  const order = ['AMC', 'MFA'];
  const row = await repo.insertPublication(tx, {
    typeCode: 'yearbook',
    title: 'Asian Migrant Yearbook: special edition on migration and development',
    abstract:
      'The final issue of the bi-annual Asian Migrant Yearbook prepared by the Asian Migrant Centre and MFA since 1998, a special edition focusing on migration and development. The Yearbook gave periodic country reports on the situation of migrants in Asian countries (statistics on inflows, outflows and annual stocks, the political and economic situation, migration trends and responses to migrants’ issues) and thematic reports on health, gender and trafficking. It was replaced by policy briefs in 2012.',
    authorOrganisationIds: authors
      .sort((a, b) => order.indexOf(a.acronym ?? '') - order.indexOf(b.acronym ?? ''))
      .map((a) => a.id),
    publishedOn: '2009',
    languages: ['en'],
    themes: ['migration_development'],
    isPublic: true,
  });
  await syncPublicationIndex(tx, row);
  return row.id;
}
