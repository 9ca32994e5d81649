/** A problem the operator can fix (wrong file, wrong database): printed as is, without a stack. */
export class BackupRefused extends Error {}

/** A file or target restore will not use; nothing was written. */
export class RestoreRefused extends BackupRefused {}

export const damaged = (why: string) =>
  new RestoreRefused(`The backup file is damaged or incomplete (${why}). Nothing was restored.`);
