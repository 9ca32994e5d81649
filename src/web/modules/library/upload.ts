import i18n from 'i18next';
import { ApiError, type Problem } from '../../app/api.ts';

/** Sends one file as multipart/form-data (the JSON helper cannot carry bytes). */
export async function uploadFile(publicationId: string, file: File, replaces?: string): Promise<void> {
  const form = new FormData();
  if (replaces) form.append('replaces', replaces);
  form.append('file', file, file.name);
  const response = await fetch(`/api/v1/publications/${publicationId}/files`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'accept-language': i18n.language || 'en' },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(
      body ?? {
        status: response.status,
        code: 'unexpected',
        title: i18n.t('Something went wrong on our side.'),
      },
    );
  }
}
