import type { TestApp } from '../../testing/harness.ts';
import { settled } from './render.ts';

export interface Edition {
  id: string;
  slug: string;
  version: number;
  status: string;
  chapters: { id: string; title: string; version: number; kind: string }[];
  render: { id: string; status: string; progress: number } | null;
}

export function editionPayload(overrides: Record<string, unknown> = {}) {
  return { kind: 'brief', year: 2025, title: 'Migrant workers in the Gulf', language: 'en', ...overrides };
}

async function ok(response: { statusCode: number; body: string; json(): { data: Edition } }, status: number) {
  if (response.statusCode !== status) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json().data;
}

export async function createEdition(t: TestApp, cookie: string, overrides: Record<string, unknown> = {}) {
  return ok(
    await t.request({ method: 'POST', url: '/api/v1/yearbooks', cookie, payload: editionPayload(overrides) }),
    201,
  );
}

export async function addChapter(t: TestApp, cookie: string, id: string, payload: Record<string, unknown>) {
  return ok(
    await t.request({ method: 'POST', url: `/api/v1/yearbooks/${id}/chapters`, cookie, payload }),
    201,
  );
}

export async function move(t: TestApp, cookie: string, e: { id: string; version: number }, step: string) {
  return ok(
    await t.request({
      method: 'POST',
      url: `/api/v1/yearbooks/${e.id}/workflow`,
      cookie,
      payload: { move: step, version: e.version },
    }),
    200,
  );
}

/** Starts a render and waits for its background job, then answers its final state as the API shows it. */
export async function renderAndWait(t: TestApp, cookie: string, id: string) {
  const started = await t.request({ method: 'POST', url: `/api/v1/yearbooks/${id}/renders`, cookie });
  if (started.statusCode !== 202) throw new Error(`${started.statusCode} ${started.body}`);
  const render = started.json().data as { id: string };
  await settled(render.id);
  const status = await t.request({ url: `/api/v1/yearbooks/${id}/renders/${render.id}`, cookie });
  return status.json().data as { id: string; status: string; progress: number; error: string | null };
}
