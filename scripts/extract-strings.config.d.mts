// Types for the tests that read the extractor's configuration.
declare const config: {
  input: { dir: string; extensions: string[] }[];
  ignore: RegExp[];
  functions: string[];
  output: string;
  locales: string[];
  partialLocales: string[];
  partialMustCover: string[];
  sourceLocale: string;
};
export default config;
