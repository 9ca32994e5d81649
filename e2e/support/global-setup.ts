import {
  pgliteDirTemplate,
  postgresTemplate,
  templatesEnabled,
} from '../../src/server/testing/test-templates.ts';
import { ensureWebBuilt } from './tulay.ts';

/**
 * Vitest global setup of the journeys: checks the web build once for the whole run (each journey
 * used to walk the sources again) and makes the migrated template every journey's server copies.
 * The variable set here reaches the test processes, which start after it.
 */
export default async function setup(): Promise<void> {
  ensureWebBuilt();
  if (!templatesEnabled()) return;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) await postgresTemplate(serverUrl);
  else await pgliteDirTemplate();
}
