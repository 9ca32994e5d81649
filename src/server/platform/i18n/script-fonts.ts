import { readFileSync } from 'node:fs';

/**
 * The fonts and line heights per writing system (shared/script-fonts.css, which the web app
 * imports too), without comments and indentation, for the <style> of the server-rendered pages:
 * pages that use `var(--tulay-font)` and `var(--tulay-line-height, …)` draw every script from the
 * device's own fonts.
 */
export const SCRIPT_FONTS_CSS = readFileSync(
  new URL('../../../shared/script-fonts.css', import.meta.url),
  'utf8',
)
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s*\n\s*/g, ' ')
  .replace(/\s*([{};,])\s*/g, '$1')
  .trim();
