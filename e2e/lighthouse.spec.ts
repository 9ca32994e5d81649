import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTulay, type TestTulay } from './support/tulay.ts';

/** The public pages Lighthouse audits: the front door, the public search and Get-help. */
const LIGHTHOUSE_PAGES = ['/', '/search', '/en/get-help'] as const;

/** What a public page may send over the wire, all requests included (issue 15: cheap phones). */
const BYTE_BUDGET = 60 * 1024;
/** JavaScript over the wire: the Get-help bound of issue 15, and none at all is fine. */
const SCRIPT_BUDGET = 40 * 1024;

// Debian's Chromium, offline: nothing here may reach the network.
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let tulay: TestTulay;
let chrome: chromeLauncher.LaunchedChrome;

beforeAll(async () => {
  tulay = await startTulay();
  chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
});

afterAll(async () => {
  chrome?.kill();
  await tulay?.stop();
});

interface NetworkItem {
  url: string;
  transferSize: number;
  resourceSize: number;
  resourceType?: string;
}

test.each(LIGHTHOUSE_PAGES.map((p) => [p]))(
  'Lighthouse (mobile) on %s: accessibility 100 and within the byte budget',
  async (path) => {
    const result = await lighthouse(`${tulay.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      disableFullPageScreenshot: true,
    });
    const lhr = result!.lhr;
    expect(lhr.runtimeError, JSON.stringify(lhr.runtimeError)).toBeUndefined();
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const requests = (
      (lhr.audits['network-requests']?.details as { items?: NetworkItem[] })?.items ?? []
    ).filter((r) => !r.url.startsWith('data:'));
    const sum = (items: NetworkItem[], key: 'transferSize' | 'resourceSize') =>
      items.reduce((n, r) => n + (r[key] ?? 0), 0);
    const scripts = requests.filter((r) => r.resourceType === 'Script');
    const line = {
      page: path,
      performance: score('performance'),
      accessibility: score('accessibility'),
      fcpMs: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? 0),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
      requests: requests.length,
      bytesRaw: sum(requests, 'resourceSize'),
      bytesOverWire: sum(requests, 'transferSize'),
      scriptBytesOverWire: sum(scripts, 'transferSize'),
    };
    // Performance depends on the machine's load: printed for the record, not asserted.
    console.log(`lighthouse ${JSON.stringify(line)}`);
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score === 0 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id))
      .map((a) => a.id);
    expect(line.accessibility, `accessibility audits failing: ${failing.join(', ')}`).toBe(100);
    expect(line.bytesOverWire).toBeLessThanOrEqual(BYTE_BUDGET);
    expect(line.scriptBytesOverWire).toBeLessThanOrEqual(SCRIPT_BUDGET);
    // Every request stays on this site (no third party).
    for (const r of requests) expect(new URL(r.url).origin).toBe(new URL(tulay.url).origin);
  },
);
