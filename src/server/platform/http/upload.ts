import type { FastifyRequest } from 'fastify';
import { problems } from './problem.ts';

export interface Upload {
  file?: { bytes: Buffer; fileName: string };
  /** The text fields sent beside the file, by name. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart upload of one file (and a few text fields) into memory, turning every way an
 * upload can go wrong into a precise 4xx: too large (413), not multipart (415), cut off (400).
 * The route's plugin registers @fastify/multipart with the limits; `maxBytes` refuses early by
 * Content-Length, before anything is read.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + 1024 * 1024) throw problems.tooLarge();
  if (!request.isMultipart()) throw problems.unsupportedMediaType();
  const upload: Upload = { fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw problems.tooLarge();
        upload.file = { bytes, fileName: part.filename ?? 'upload' };
      } else {
        upload.fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (
      code === 'FST_REQ_FILE_TOO_LARGE' ||
      code === 'FST_PARTS_LIMIT' ||
      code === 'FST_FILES_LIMIT' ||
      code === 'FST_FIELDS_LIMIT'
    ) {
      throw problems.tooLarge();
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PROTO_VIOLATION')
      throw problems.unsupportedMediaType();
    if (
      error instanceof Error &&
      /Unexpected end of (form|multipart)|Malformed part header|boundary/i.test(error.message)
    ) {
      throw problems.validation([
        { field: 'file', code: 'malformed_upload', message: 'The upload was cut off or malformed' },
      ]);
    }
    throw error;
  }
  return upload;
}
