import i18n from 'i18next';

/** An RFC 9457 problem as the Tulay API sends it; `title` is already in the reader's language. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

type Listener = (error: ApiError, path: string) => void;
const listeners = new Set<Listener>();

/** Lets the session layer react to 401 and "enrol 2FA first" answers from any call. */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const msg = (s: string) => s;

/**
 * Calls the Tulay API. Writes always send JSON (the server refuses anything else), and the UI
 * language goes along so problem titles come back translated even before signing in.
 */
export function api<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const json = init.body !== undefined;
  return request<T>(path, {
    method: init.method ?? 'GET',
    headers: json ? { 'content-type': 'application/json' } : {},
    body: json ? JSON.stringify(init.body) : undefined,
  });
}

/** Posts files as multipart/form-data (the JSON helper cannot carry bytes); problems come back like api()'s. */
export function sendForm<T = unknown>(path: string, form: FormData): Promise<T> {
  return request<T>(path, { method: 'POST', headers: {}, body: form });
}

/**
 * Posts bytes as the body itself with their own content type (a CSV file as `text/csv`), for the
 * routes that read a raw body; problems come back like api()'s.
 */
export function sendRaw<T = unknown>(path: string, body: Blob | string, contentType: string): Promise<T> {
  return request<T>(path, { method: 'POST', headers: { 'content-type': contentType }, body });
}

async function request<T>(
  path: string,
  init: { method: string; headers: Record<string, string>; body: BodyInit | undefined },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: init.method,
      headers: { accept: 'application/json', 'accept-language': i18n.language || 'en', ...init.headers },
      credentials: 'same-origin',
      body: init.body,
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network',
      title: i18n.t(msg('Could not reach Tulay. Check your connection and try again.')),
    });
  }
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    // A proxy in front of Tulay may answer (413 for a large file, 502 …) without a problem document.
    const problem: Problem =
      body && typeof body.title === 'string'
        ? body
        : {
            status: response.status,
            code: response.status === 413 ? 'payload_too_large' : 'unexpected',
            title: i18n.t(
              response.status === 413
                ? msg('The request is too large.')
                : msg('Something went wrong on our side.'),
            ),
          };
    const error = new ApiError(problem);
    for (const listener of listeners) listener(error, path);
    throw error;
  }
  return body as T;
}

export const post = <T = unknown>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const patch = <T = unknown>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const del = (path: string) => api<void>(path, { method: 'DELETE' });

/** Query-string from a filter object, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
