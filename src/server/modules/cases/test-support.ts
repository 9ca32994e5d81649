import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../../shared/roles.ts';
import { type BuiltUser, buildOrganisation, buildUser } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { generateKeyEntry } from './keys.ts';
import { caseSupervisors } from './schema.ts';

// Test fixtures for the cases module: a destination-country organisation, an origin-country one and
// an unrelated third one, with case workers and supervisors. Not a mock: all of it is real rows.

export async function createCaseTestApp(
  config: Record<string, unknown> = {},
  options: { applicationOwner?: boolean } = {},
): Promise<TestApp> {
  return createTestApp({
    ...options,
    config: {
      CASE_KEYS: generateKeyEntry('test1'),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tulay-cases-')),
      INTAKE_POW_BITS: 4,
      ...config,
    } as never,
  });
}

export interface Person extends BuiltUser {
  cookie: string;
}

export async function person(
  t: TestApp,
  role: Role,
  organisationId: string,
  options: { totp?: boolean } = {},
): Promise<Person> {
  const user = await buildUser(t, { role, organisationId, totp: options.totp ?? role !== 'viewer' });
  return Object.assign(user, { cookie: await user.session() });
}

export async function makeSupervisor(
  t: TestApp,
  user: { id: string; organisationId: string },
  receivesIntake = false,
) {
  await t.database.db
    .insert(caseSupervisors)
    .values({ userId: user.id, organisationId: user.organisationId, receivesIntake });
}

export async function buildWorld(t: TestApp) {
  const destination = await buildOrganisation(t, { name: 'Gulf Migrant Legal Desk', countryCode: 'SA' });
  const origin = await buildOrganisation(t, { name: 'Manila Migrant Lawyers', countryCode: 'PH' });
  const third = await buildOrganisation(t, { name: 'Kathmandu Rights Centre', countryCode: 'NP' });
  const worker = await person(t, 'case_worker', destination.id);
  const colleague = await person(t, 'case_worker', destination.id);
  const supervisor = await person(t, 'case_worker', destination.id);
  await makeSupervisor(t, supervisor, true);
  const lawyer = await person(t, 'case_worker', origin.id);
  const outsider = await person(t, 'case_worker', third.id);
  const admin = await person(t, 'administrator', destination.id);
  return { destination, origin, third, worker, colleague, supervisor, lawyer, outsider, admin };
}

export const sampleCase = {
  title: 'Unpaid wages, domestic worker, Riyadh',
  nationality: 'PH',
  originCountry: 'PH',
  destinationCountry: 'SA',
  sector: 'domestic_work',
  employerName: 'A household in Riyadh',
  agencyName: 'Blue Star Manpower',
  violationCodes: ['labour.wage_theft.unpaid', 'liberty.passport_confiscation'],
  narrative: 'Worked 18 months without pay; passport kept by employer.',
  client: {
    name: 'Maria Santos',
    contacts: [{ kind: 'phone', value: '+966 55 000 0000' }],
    documents: [{ kind: 'passport', number: 'P1234567A' }],
  },
} as const;

export async function openCase(t: TestApp, cookie: string, values: Record<string, unknown> = {}) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/cases',
    cookie,
    payload: { ...sampleCase, ...values },
  });
  if (res.statusCode !== 201) throw new Error(`create case: ${res.statusCode} ${res.body}`);
  return res.json().data as { id: string; version: number; reference: string };
}
