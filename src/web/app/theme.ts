import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep teal: calm, readable, and distinct from the red used for errors.
const tulay: MantineColorsTuple = [
  '#e6f7f6',
  '#c8ebe8',
  '#9bd8d3',
  '#6cc4bd',
  '#45b2aa',
  '#2aa198',
  '#16857d',
  '#0b6e69',
  '#075955',
  '#034542',
];

export const theme = createTheme({
  primaryColor: 'tulay',
  primaryShade: 7,
  colors: { tulay },
  // System fonts only: no web-font requests, and every script renders from the device; the stack
  // per language is in shared/script-fonts.css.
  fontFamily: 'var(--tulay-font)',
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  components: {
    // Translations run long (Filipino especially): let button labels wrap instead of being cut off.
    Button: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 4 },
        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 'var(--tulay-tight-line-height)' },
      },
    },
  },
});

// Mantine's default "dimmed" grey and the text of light badges and alerts fall below WCAG AA
// contrast on their pale backgrounds: darker text keeps every status readable.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-yellow-light-color': '#6b4300',
    '--mantine-color-orange-light-color': '#8f3600',
    '--mantine-color-green-light-color': '#1b6129',
    '--mantine-color-red-light-color': '#a61e1e',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-tulay-light-color': 'var(--mantine-color-tulay-8)',
  },
  dark: {},
});
