import { definePolicy } from '../access/policy.ts';

/** The audit log: administrators search and export it; no one edits it. */
export const auditPolicy = definePolicy('audit', {
  search: (a) => a.role === 'administrator',
  export: (a) => a.role === 'administrator',
});
