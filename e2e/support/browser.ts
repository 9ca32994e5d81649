import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Debian's Chromium, never a downloaded one; quiet flags so it makes no requests of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A phone-sized browser profile in English, with the page's console errors collected. */
export async function phoneContext(
  browser: Browser,
  baseURL: string,
  locale = 'en-GB',
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: PHONE, locale, hasTouch: true, isMobile: false });
}

/**
 * The check every screen passes: zero axe violations (WCAG 2.1 AA and best practices) and no
 * horizontal scrolling at 360 px. `screen` names the screen in the failure message.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const viewport = page.viewportSize();
  if (viewport?.width !== PHONE.width) await page.setViewportSize(PHONE);
  // Let transitions and late layout settle before measuring.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(250);
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Name the first elements that stick out, so a failure says what to fix.
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 1 || r.left < -1);
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join('.')}`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, culprits };
  });
  const message = `${screen}: horizontal overflow at 360 px (${overflow.culprits.join(', ')})`;
  expect(overflow.scrollWidth, message).toBeLessThanOrEqual(overflow.clientWidth);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(summary, `${screen}: axe violations`).toEqual([]);
  if (viewport && viewport.width !== PHONE.width) await page.setViewportSize(viewport);
}

/** Fails the test on any error the page logs (CSP refusals show up here too). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** Saves a screenshot to /tmp for a human to look at. */
export async function snapshot(page: Page, name: string): Promise<void> {
  // From the top, so the fixed header is not painted over the middle of a full-page picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/tulay-${name}.png`, fullPage: true });
}

/**
 * The header a browser tab of this site sends with its writes: requests made outside the page
 * (another tab, an API call) must carry it too, or the cross-site check refuses them.
 */
export function sameSite(url: string): Record<string, string> {
  return { origin: url };
}
