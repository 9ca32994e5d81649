/** The shareable Get-help address of a language (the Get-help pages own the route). */
export const getHelpPath = (lang: string) => `/${lang}/get-help`;

/** The front door of a language: `/<lang>/`. */
export const frontDoorPath = (lang: string) => `/${lang}/`;

/**
 * The public areas the front door links to after Get-help and search, in this order. Text is
 * English in `msg()` (translated when drawn). Programmes and events: add their entries here when
 * their public pages exist, and their URLs to sitemap-sources.ts.
 */
export interface FrontDoorLink {
  href: string;
  title: string;
  description: string;
}

const msg = (s: string) => s;

export const FRONT_DOOR_LINKS: FrontDoorLink[] = [
  {
    href: '/directory/public',
    title: msg('Directory of organisations'),
    description: msg('Find organisations that support migrant workers, by country and type.'),
  },
  // { href: '/programmes', title: msg('Programmes'), description: msg('…') },
  // { href: '/events', title: msg('Events'), description: msg('…') },
];
