import { EXTENSIONS, MEDIA_TYPES, sniffKind } from './sniff.ts';

/** A media type recognised by a file's bytes, with the file-name extensions that honestly go with it. */
export interface SniffedMedia {
  type: string;
  extensions: string[];
}

const startsWith = (bytes: Buffer, signature: string | number[], offset = 0) => {
  const sig = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= offset + sig.length && bytes.subarray(offset, offset + sig.length).equals(sig);
};

const media = (type: string, ...extensions: string[]): SniffedMedia => ({ type, extensions });

/** ISO base media files (MP4, M4A, HEIC, 3GP, QuickTime) name their flavour in the `ftyp` box. */
function isoMedia(bytes: Buffer): SniffedMedia | undefined {
  if (!startsWith(bytes, 'ftyp', 4)) return undefined;
  const brand = bytes.subarray(8, 12).toString('latin1');
  if (/^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) return media('image/heic', '.heic', '.heif');
  if (brand === 'M4A ') return media('audio/mp4', '.m4a');
  if (brand.startsWith('3g')) return media('video/3gpp', '.3gp');
  if (brand === 'qt  ') return media('video/quicktime', '.mov');
  return media('video/mp4', '.mp4', '.m4v');
}

/** Other ZIP-based office files; plain ZIP when nothing inside says more. */
function zipMedia(bytes: Buffer): SniffedMedia {
  if (bytes.includes('xl/workbook'))
    return media('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.xlsx');
  if (bytes.includes('ppt/presentation'))
    return media('application/vnd.openxmlformats-officedocument.presentationml.presentation', '.pptx');
  return media('application/zip', '.zip');
}

/**
 * What evidence people send from a phone or a computer, recognised by magic bytes: photos (JPEG,
 * PNG, GIF, WebP, HEIC), voice notes and videos (MP3, M4A, Ogg, WAV, AMR, FLAC, MP4, 3GP, WebM,
 * QuickTime), PDF, Office files, ZIP and plain text. Undefined for anything else (executables,
 * HTML, scripts, unknown formats): such bytes are only ever served as application/octet-stream.
 */
export function sniffMedia(bytes: Buffer): SniffedMedia | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return media('image/jpeg', '.jpg', '.jpeg');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return media('image/png', '.png');
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return media('image/gif', '.gif');
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return media('image/webp', '.webp');
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WAVE', 8)) return media('audio/wav', '.wav');
  const iso = isoMedia(bytes);
  if (iso) return iso;
  if (startsWith(bytes, 'OggS')) return media('audio/ogg', '.ogg', '.oga', '.opus');
  if (startsWith(bytes, '#!AMR')) return media('audio/amr', '.amr');
  if (startsWith(bytes, 'fLaC')) return media('audio/flac', '.flac');
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return media('video/webm', '.webm', '.mkv');
  // MP3: an ID3 tag, or an MPEG audio frame header (11 sync bits).
  if (startsWith(bytes, 'ID3') || (bytes.length > 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)) {
    return media('audio/mpeg', '.mp3');
  }
  const kind = sniffKind(bytes);
  if (kind === 'text') return media(MEDIA_TYPES.text, '.txt', '.text', '.csv', '.md', '.log');
  if (kind) return media(MEDIA_TYPES[kind], EXTENSIONS[kind]);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipMedia(bytes);
  return undefined;
}

/** Extensions that promise one of the formats above: a file so named whose bytes are none of them is suspect. */
export const RECOGNISED_EXTENSIONS = new Set([
  ...'.jpg .jpeg .png .gif .webp .heic .heif .wav .m4a .3gp .mov .mp4 .m4v .ogg .oga .opus .amr .flac .webm .mkv .mp3'.split(
    ' ',
  ),
  ...'.txt .text .csv .md .log .pdf .docx .xlsx .pptx .zip .doc .xls .ppt .rtf .odt .ods'.split(' '),
]);

/** Media types a sender may declare that name a recognisable format (so unrecognised bytes contradict them). */
export function declaresRecognisedType(mediaType: string): boolean {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  return /^(image|audio|video|text)\//.test(type) || /^application\/(pdf|zip|msword|vnd\.)/.test(type);
}
