import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

// Everything a journey needs to know about the Get-help pages' markup, in one place, so a rewrite
// of those pages (for example as server-rendered /<lang>/get-help) changes this file only. The
// visible names come from the language's real catalog: a missing translation fails the journey.

/** A language's catalog (English text → translation), read from the repository. */
export function catalogOf(locale: string): Record<string, string> {
  const file = fileURLToPath(new URL(`../../src/shared/locales/${locale}.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Text `english` in the language of `catalog`; throws if it is not translated. */
const say = (catalog: Record<string, string>, english: string) => {
  const text = catalog[english];
  if (!text) throw new Error(`untranslated: ${english}`);
  return text;
};

/** Opens the Get-help form in `locale` and waits for its heading. */
export async function openGetHelp(page: Page, locale: string): Promise<void> {
  // On this version the form takes the browser's language; a per-language address would go here.
  await page.goto('/get-help');
  await page.getByRole('heading', { name: say(catalogOf(locale), 'Ask for help') }).waitFor();
}

export interface HelpRequest {
  message: string;
  /** The destination's name as English text (the catalog key), e.g. 'Saudi Arabia'. */
  destination: string;
  /** The sector's name as English text, e.g. 'Domestic work'. */
  sector?: string;
}

/** Fills and sends the form; returns the two codes shown afterwards. */
export async function submitHelpRequest(
  page: Page,
  locale: string,
  request: HelpRequest,
): Promise<{ reference: string; secret: string }> {
  const c = catalogOf(locale);
  await page.getByLabel(say(c, 'What happened? How can we help?')).fill(request.message);
  await page.getByRole('combobox', { name: say(c, 'Country where you work') }).click();
  await page.getByRole('option', { name: say(c, request.destination) }).click();
  if (request.sector) {
    await page.getByRole('combobox', { name: say(c, 'Your work') }).click();
    await page.getByRole('option', { name: say(c, request.sector) }).click();
  }
  await page.getByRole('button', { name: say(c, 'Send') }).click();
  await page.getByRole('heading', { name: say(c, 'We received your request') }).waitFor({ timeout: 60_000 });
  return {
    reference: (await page.getByTestId('reference').textContent())!.trim(),
    secret: (await page.getByTestId('secret').textContent())!.trim(),
  };
}

/** Opens the status page with the two codes and waits for the request's state to show. */
export async function followUpHelpRequest(
  page: Page,
  locale: string,
  codes: { reference: string; secret: string },
): Promise<void> {
  const c = catalogOf(locale);
  await page.goto('/get-help/status');
  await page.getByLabel(say(c, 'Reference code')).fill(codes.reference);
  await page.getByLabel(say(c, 'Secret code')).fill(codes.secret);
  await page.getByRole('button', { name: say(c, 'Open'), exact: true }).click();
  await page.getByText(say(c, 'Received: someone will read it soon.')).waitFor();
}
