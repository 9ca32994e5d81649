import { pgliteTemplate, postgresTemplate, templatesEnabled } from './test-templates.ts';

/**
 * Vitest global setup: makes the migrated template once, before the workers start, so parallel
 * test files copy it instead of each racing to make it (./test-templates.ts).
 */
export default async function setup(): Promise<void> {
  if (!templatesEnabled()) return;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) await postgresTemplate(serverUrl);
  else await pgliteTemplate();
}
