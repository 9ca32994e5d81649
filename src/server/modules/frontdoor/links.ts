/** The shareable Get-help address of a language (the Get-help pages own the route). */
export const getHelpPath = (lang: string) => `/${lang}/get-help`;

/** The front door of a language: `/<lang>/`. */
export const frontDoorPath = (lang: string) => `/${lang}/`;

/**
 * The public areas the front door links to after Get-help and search, in this order. Text is
 * English in `msg()` (translated when drawn). A new public area adds its entry here and its
 * addresses to sitemap-sources.ts.
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
  {
    href: '/programmes',
    title: msg('Programmes'),
    description: msg('What the network does: its programmes, where they work and with whom.'),
  },
  {
    href: '/campaigns',
    title: msg('Campaigns'),
    description: msg('Campaigns tracked country by country, such as the ratification of ILO C189.'),
  },
  {
    href: '/events',
    title: msg('Events'),
    description: msg('Conferences, trainings and dialogues, with calendars to follow them.'),
  },
  {
    href: '/agreements',
    title: msg('Agreements'),
    description: msg('The labour agreements the network monitors, with their provisions and findings.'),
  },
  {
    href: '/statistics',
    title: msg('Migration statistics'),
    description: msg('Country profiles of migration figures, with their sources.'),
  },
  {
    href: '/yearbooks',
    title: msg('Yearbooks and policy briefs'),
    description: msg(
      'Country and thematic reports built from the migration statistics, to read or download.',
    ),
  },
  {
    href: '/internships',
    title: msg('Internships and volunteering'),
    description: msg('Opportunities to learn and work with the network, and how to apply.'),
  },
];
