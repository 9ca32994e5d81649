import type { Tx } from '../../db/client.ts';
import * as repo from './repository.ts';

// The seed documents (shared/seeds/000) say the Development and Forced Migration programme "aims to
// deepen the study and monitoring of economic partnership and bilateral agreements in and outside
// the ASEAN area", but name no agreement. So the register's demo records are examples, flagged
// `demonstration` (every page says so), with no dates or findings presented as facts.

/** Loads two example agreements inside the demo-data transaction. */
export async function loadAgreementsDemo(tx: Tx): Promise<void> {
  const bilateral = await repo.insertAgreement(tx, {
    slug: 'example-bilateral-labour-agreement-philippines-saudi-arabia',
    title: 'Example bilateral labour agreement (Philippines – Saudi Arabia)',
    summary:
      'Demonstration record showing how the network monitors a bilateral labour agreement: its parties, provisions, the corridor it governs and dated findings.',
    typeCode: 'bilateral_labour_agreement',
    status: 'signed',
    partyCountries: ['PH', 'SA'],
    provisions: [{ code: 'covers_domestic_workers' }, { code: 'standard_contract' }],
    corridors: ['PH-SA'],
    published: true,
    demonstration: true,
  });
  await repo.insertMonitoring(tx, {
    agreementId: bilateral.id,
    observedOn: '2026-01-15',
    finding:
      'Demonstration finding: an example of a dated monitoring entry. Real entries record what the network observed and cite their sources.',
  });
  await repo.insertAgreement(tx, {
    slug: 'example-regional-instrument-asean',
    title: 'Example regional instrument (ASEAN)',
    summary:
      'Demonstration record of a regional instrument of the ASEAN grouping, as the Migrants Caucus on the ASEAN would monitor one.',
    typeCode: 'regional_instrument',
    status: 'in_force',
    partyGroupings: ['asean'],
    provisions: [{ code: 'complaint_mechanism' }, { code: 'repatriation' }],
    corridors: ['ID-MY', 'PH-SG'],
    published: true,
    demonstration: true,
  });
}
