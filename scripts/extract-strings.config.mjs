// What `npm run i18n:extract` scans and where the catalogs live. English text is the key.
export default {
  /** Folders scanned, relative to the repository root, and the file endings read in them. */
  input: [
    { dir: 'src/web', extensions: ['.ts', '.tsx'] },
    { dir: 'src/server', extensions: ['.ts'] },
  ],
  /** Tests and test helpers hold no interface text. */
  ignore: [/\.test\.ts$/, /\.spec\.ts$/, /\.d\.ts$/, /[\\/]testing[\\/]/],
  /** `t('…')` in the web app; `msg('…')` marks problem titles, email texts and labels translated later. */
  functions: ['t', 'msg', 'i18n.t'],
  output: 'src/shared/locales',
  /**
   * Complete languages (`complete: true` in src/shared/locales.ts): every key, "" for new ones to
   * translate; `--check` fails while any is "".
   */
  locales: ['en', 'fil', 'id', 'ar', 'ne', 'bn', 'zh-Hant'],
  /**
   * Partial languages (`complete: false`): only the keys already translated are kept (those no
   * longer in the sources go away); no "" entries are added. The rest falls back to English.
   */
  partialLocales: ['ms', 'vi', 'th', 'km', 'my', 'si', 'ta', 'hi', 'ur', 'ja', 'ko'],
  /**
   * What a partial language must translate in full: the pages a migrant sees when asking for help,
   * and the frame of the public pages. `--check` fails while any string of these files is missing
   * from a partial catalog (complete catalogs hold every string anyway).
   */
  partialMustCover: [
    'src/server/modules/cases/get-help-html.ts',
    'src/server/modules/cases/get-help-pages.ts',
    'src/web/ui/PublicLayout.tsx',
    'src/web/ui/LanguageMenu.tsx',
    'src/web/ui/ProblemAlert.tsx',
    'src/server/modules/cases/intake-service.ts',
    'src/server/modules/cases/intake-pow.ts',
    'src/server/modules/cases/intake-routes.ts',
    'src/server/platform/http/problem.ts',
    'src/server/platform/http/errors.ts',
    'src/server/modules/search/html-layout.ts',
    'src/server/modules/frontdoor/pages.ts',
    'src/server/modules/frontdoor/links.ts',
  ],
  sourceLocale: 'en',
};
