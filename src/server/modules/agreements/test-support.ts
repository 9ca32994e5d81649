import type { TestApp } from '../../testing/harness.ts';

/** A complete, valid agreement body; tests override what they are about. */
export const sampleAgreement = {
  title: 'Test labour agreement between the Philippines and Saudi Arabia',
  typeCode: 'bilateral_labour_agreement',
  status: 'in_force',
  partyCountries: ['PH', 'SA'],
  signedOn: '2013-05-19',
  inForceOn: '2013-06-01',
  provisions: [{ code: 'covers_domestic_workers' }, { code: 'standard_contract', note: 'Article 3' }],
  corridors: ['PH-SA'],
  published: true,
};

export async function createAgreement(t: TestApp, cookie: string, values: Record<string, unknown> = {}) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/agreements',
    cookie,
    payload: { ...sampleAgreement, ...values },
  });
  if (res.statusCode !== 201) throw new Error(`create agreement: ${res.statusCode} ${res.body}`);
  return res.json().data as { id: string; slug: string; version: number };
}
