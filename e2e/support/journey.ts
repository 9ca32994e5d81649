import type { Browser } from 'playwright-core';
import { loadDemoData } from '../../src/server/demo/seed.ts';
import { launchBrowser } from './browser.ts';
import { startTulay, type TestTulay } from './tulay.ts';

/** What a journey's `beforeAll` starts: its own Tulay (optionally with the demo data) and Chromium. */
export interface Journey {
  tulay: TestTulay;
  browser: Browser;
}

/**
 * Starts the journey's Tulay and its browser side by side (one waits on the database, the other on
 * Chromium's start), then loads the demo data when asked, before any of the spec's own rows.
 * Whatever started is stopped again if the other fails, so a failed start leaks no process.
 */
export async function startJourney(options: { demo?: boolean } = {}): Promise<Journey> {
  const [tulay, browser] = await Promise.allSettled([startTulay(), launchBrowser()]);
  if (tulay.status === 'rejected' || browser.status === 'rejected') {
    await stopJourney({
      tulay: tulay.status === 'fulfilled' ? tulay.value : undefined,
      browser: browser.status === 'fulfilled' ? browser.value : undefined,
    });
    throw tulay.status === 'rejected' ? tulay.reason : (browser as PromiseRejectedResult).reason;
  }
  const journey = { tulay: tulay.value, browser: browser.value };
  if (options.demo) await loadDemoData(journey.tulay.running.database);
  return journey;
}

/** The `afterAll` of a journey: closes the browser, then stops Tulay (either may be missing). */
export async function stopJourney(journey: Partial<Journey>): Promise<void> {
  await journey.browser?.close();
  await journey.tulay?.stop();
}
