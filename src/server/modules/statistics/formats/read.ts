import { gunzipSync } from 'node:zlib';
import { Problem } from '../../../platform/http/problem.ts';
import { decodeText } from '../../directory/tabular.ts';
import { parseIlostat } from './ilostat.ts';
import { type ParsedFile, StatisticsFileError, type StatisticsFormat } from './parsed.ts';
import { parseTulayCsv } from './tulay-csv.ts';
import { parseUndesa } from './undesa.ts';

const msg = (s: string) => s;

/** A gzip file may inflate to this much: ILOSTAT's largest bulk files fit, a gzip bomb does not. */
export const GZIP_LIMIT = { inflatedBytes: 300 * 1024 * 1024 };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/** The format a file is in, from its first bytes and header when the person did not say. */
function guessFormat(bytes: Uint8Array): StatisticsFormat {
  if (isZip(bytes)) return 'undesa';
  const head = new TextDecoder().decode(bytes.subarray(0, 400)).toLowerCase();
  return head.includes('ref_area') ? 'ilostat' : 'tulay';
}

/**
 * Reads a statistics file (on a file-work thread): figures, refused rows and skipped rows. A file
 * that is not its format at all is a 422 problem, so nothing of it is kept.
 */
export async function readStatisticsFile(
  input: Uint8Array,
  format?: StatisticsFormat,
): Promise<Omit<ParsedFile, 'observations'> & { rows: ParsedFile['observations']; refusedCount: number }> {
  try {
    const bytes = isGzip(input) ? gunzip(input) : input;
    const chosen = format ?? guessFormat(bytes);
    if (chosen === 'undesa' && !isZip(bytes))
      throw new StatisticsFileError(
        'not_undesa',
        'A UN DESA workbook is an XLSX file; this file is not one.',
      );
    if (chosen !== 'undesa' && isZip(bytes))
      throw new StatisticsFileError('not_csv', 'This is a workbook; ILOSTAT and Tulay files are CSV.');
    const parsed =
      chosen === 'undesa'
        ? await parseUndesa(bytes)
        : chosen === 'ilostat'
          ? await parseIlostat(decodeText(bytes))
          : await parseTulayCsv(decodeText(bytes));
    const { observations, ...rest } = parsed;
    // Named `rows`, so the file-work thread sends a large result in slices (file-worker.mjs).
    return { ...rest, rows: observations };
  } catch (error) {
    if (!(error instanceof StatisticsFileError)) throw error;
    throw fileProblem(error);
  }
}

function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: GZIP_LIMIT.inflatedBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new StatisticsFileError(
        'file_inflates_too_large',
        `The gzip file inflates past ${Math.round(GZIP_LIMIT.inflatedBytes / 1024 / 1024)} MB.`,
      );
    throw new StatisticsFileError('malformed_file', 'The gzip file is cut off or damaged.');
  }
}

function fileProblem(error: StatisticsFileError): Problem {
  switch (error.code) {
    case 'file_inflates_too_large':
      return new Problem(413, error.code, msg('The file is too large once unpacked.'), error.message);
    case 'empty_file':
      return new Problem(422, error.code, msg('The file has no rows.'), error.message);
    case 'malformed_file':
      return new Problem(422, error.code, msg('The file could not be read.'), error.message);
    default:
      return new Problem(
        422,
        error.code,
        msg('The file is not in the published layout of its format.'),
        error.message,
      );
  }
}
