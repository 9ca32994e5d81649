import { definePolicy } from '../../platform/access/policy.ts';

const isAdmin = (a: { role: string }) => a.role === 'administrator';

/** Controlled vocabularies: everyone signed in reads them; administrators edit, import and retire terms. */
export const vocabularyPolicy = definePolicy('vocabulary', {
  list: () => true,
  read: () => true,
  create: isAdmin,
  update: isAdmin,
  import: isAdmin,
  export: () => true,
});
