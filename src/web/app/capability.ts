import type { ReactElement } from 'react';
import type { Abilities } from './session.ts';

/**
 * One area of the app (users, audit log, directory …). It owns a path, draws its page and says
 * from the signed-in person's abilities whether it appears at all. `navLabel` is English wrapped in
 * `msg()` so the extractor finds it; the shell translates it with `t()` when it draws the menu.
 */
export interface Capability {
  id: string;
  navLabel: string;
  /** One sentence for the home page (English in `msg()`, like navLabel). */
  description?: string;
  /** Where it lives, e.g. '/users'; sub-paths below it are the capability's own. */
  path: string;
  element: ReactElement;
  visible(abilities: Abilities): boolean;
  /** Left out of the navigation (still routable), e.g. the account page reached from the user menu. */
  hideFromNav?: boolean;
}

/** Marks English text for the string extractor without translating it yet. */
export const msg = (s: string) => s;

/**
 * The staff app's home. `/` is the public front door (a server page); every other staff path keeps
 * its address, so deep links (`/cases/…`, `/sign-in`, emailed links) still work.
 */
export const STAFF_HOME = '/home';
