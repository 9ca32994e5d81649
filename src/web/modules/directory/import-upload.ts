import i18n from 'i18next';
import { ApiError, type Problem } from '../../app/api.ts';

export interface Summary {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  error: number;
  newTypes: { code: string; label: string }[];
}
export interface Preview {
  id: string;
  version: number;
  summary: Summary;
  header: string[];
  mapping: Record<string, string>;
  rows: { line: number; action: string; name: string | null; changes: string[]; errors: string[] }[];
}

/** Uploads with XMLHttpRequest, the one browser API that reports upload progress. */
export function upload(
  file: File,
  query: string,
  mapping: Record<string, string> | null,
  onProgress: (fraction: number) => void,
): Promise<Preview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/directory/imports${query}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language || 'en');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return null;
        }
      })();
      if (xhr.status === 201) resolve(body.data as Preview);
      else
        reject(
          new ApiError(
            (body as Problem) ?? {
              status: xhr.status,
              code: 'unexpected',
              title: i18n.t('Something went wrong on our side.'),
            },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          status: 0,
          code: 'network',
          title: i18n.t('Could not reach Tulay. Check your connection and try again.'),
        }),
      );
    const form = new FormData();
    // Fields before the file, so the server has the mapping when it reads the rows.
    if (mapping) form.append('mapping', JSON.stringify(mapping));
    form.append('file', file);
    xhr.send(form);
  });
}
