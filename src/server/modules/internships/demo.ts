import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import * as repo from './repository.ts';

// shared/seeds/000: "Incorporated here is the internship program that the APMM continues to develop
// in partnership with schools and institutions. Interns and volunteers are welcome to participate
// and help in understanding more about labor migration and contributing to the advocacy work of
// the APMM." That, and nothing more, is the demo opportunity.

export async function loadInternshipsDemo(tx: Tx): Promise<void> {
  const [apmm] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.acronym, 'APMM'));
  if (!apmm) return;
  await repo.insertOpportunity(tx, {
    organisationId: apmm.id,
    title: 'APMM internship programme',
    description:
      'The internship program that the APMM continues to develop in partnership with schools and institutions. Interns and volunteers are welcome to participate and help in understanding more about labor migration and contributing to the advocacy work of the APMM.',
    open: true,
  });
}
