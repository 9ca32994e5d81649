import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../../server/modules/cases/vocabulary.ts';
import { EVENT_KIND_LABELS } from './labels.ts';
import { TimelinePanel } from './TimelinePanel.tsx';

// The timeline used to print its entries' codes ("client_message") to every reader. Drawn here in
// Arabic from the real catalog: each kind the server writes appears under its Arabic name.
const catalog = (locale: string): Record<string, string> =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../../shared/locales/${locale}.json`, import.meta.url)), 'utf8'),
  );

async function renderTimeline(locale: string) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: locale,
    resources: { [locale]: { translation: catalog(locale) } },
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    returnEmptyString: false,
    interpolation: { escapeValue: false },
  });
  const caseId = '00000000-0000-4000-8000-000000000001';
  const client = new QueryClient();
  client.setQueryData(['case', caseId, 'events'], {
    data: EVENT_KINDS.map((kind, i) => ({
      id: `e${i}`,
      kind,
      visibility: kind === 'reply' || kind === 'client_message' ? 'client' : 'staff',
      createdAt: new Date().toISOString(),
      text: `entry ${i}`,
    })),
  });
  return renderToStaticMarkup(
    createElement(
      MantineProvider,
      null,
      createElement(
        QueryClientProvider,
        { client },
        createElement(
          I18nextProvider,
          { i18n },
          createElement(TimelinePanel, { caseId, abilities: { readTimeline: true } }),
        ),
      ),
    ),
  );
}

describe('timeline entry kinds', () => {
  it('name every kind the server writes', () => {
    expect(Object.keys(EVENT_KIND_LABELS).sort()).toEqual([...EVENT_KINDS].sort());
  });

  it('are shown in Arabic to Arabic readers, never as codes', async () => {
    const html = await renderTimeline('ar');
    const ar = catalog('ar');
    for (const kind of EVENT_KINDS) {
      const label = ar[EVENT_KIND_LABELS[kind]!]!;
      expect(label, kind).toMatch(/^[\u0600-\u06FF\s،]+$/);
      expect(html).toContain(`${label} · `);
    }
    expect(html).toContain('رسالة من الموكِّل');
    expect(html).not.toMatch(/client_message|status_change/);
  });
});
