import { sendForm } from '../../app/api.ts';

/** Sends one file of a publication, optionally as the new version of an earlier one. */
export async function uploadFile(publicationId: string, file: File, replaces?: string): Promise<void> {
  const form = new FormData();
  if (replaces) form.append('replaces', replaces);
  form.append('file', file, file.name);
  await sendForm(`/publications/${publicationId}/files`, form);
}
