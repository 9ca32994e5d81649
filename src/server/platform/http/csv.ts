/**
 * One CSV cell. Values a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
 * apostrophe so an export can never carry a formula into someone's spreadsheet.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document, UTF-8 with BOM so spreadsheet programs detect the encoding. */
export function toCsv(header: string[], rows: unknown[][], extraHeaderRows: string[][] = []): string {
  const lines = [header, ...extraHeaderRows, ...rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
