import type { Tx } from '../../db/client.ts';
import * as repo from './repository.ts';

// The seed (shared/seeds/001, the ILO good-practice record of MFA) says the Asian Migrant Yearbook,
// prepared by the Asian Migrant Centre and MFA from 1998, was replaced by policy briefs in 2012,
// "capacity-building advocacy tools" and "lobby documents with governments". It gives no brief's
// title, text or figures: this brief is made up, built on the demo's made-up statistics, and
// marked `demonstration` on every page and in its PDF. Its PDF is made on the first request for it
// (typesetting at seed time would slow every start and every test that loads the demo).

const NOTE =
  'Demonstration data: this brief and its figures are made up to show the builder; they are not statistics or MFA’s words.';

/** One published policy brief with a country report (the Philippines) and a thematic report. */
export async function loadYearbooksDemo(tx: Tx, organisationIds: Map<string, string>) {
  const organisationId = organisationIds.get('mfa');
  if (!organisationId) return;
  const edition = await repo.insertEdition(tx, {
    slug: 'filipino-migrant-workers-demonstration-brief-2024',
    organisationId,
    kind: 'brief',
    year: 2024,
    title: 'Filipino migrant workers: a demonstration policy brief',
    subtitle: NOTE,
    language: 'en',
    contributors: [{ organisationId, role: 'publisher' }],
    status: 'published',
    publishedAt: new Date('2024-06-01T00:00:00Z'),
    demonstration: true,
  });
  await repo.insertChapter(tx, {
    editionId: edition.id,
    position: 0,
    kind: 'country',
    title: 'Country report: the Philippines',
    countryCode: 'PH',
    body: `${NOTE}\n\nThe figures below come from the demonstration data set: the stock of migrants by sex over time, and the largest destinations of Filipinos abroad.`,
  });
  await repo.insertChapter(tx, {
    editionId: edition.id,
    position: 1,
    kind: 'thematic',
    title: 'Women in Philippine migration',
    body: `${NOTE}\n\nA thematic report draws its own figures from the data: here the female migrant stock of the Philippines over time.`,
    figures: [{ indicator: 'MIGRANT_STOCK', area: 'PH', sex: 'F', display: 'line' }],
  });
}
