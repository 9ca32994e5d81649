// The case workflow, read by the server (which enforces it) and the web app (which offers only the
// moves it allows).

/** Status changes the workflow allows (closing is its own use case, with an outcome). */
export const NEXT_STATUSES: Record<string, readonly string[]> = {
  intake: ['assessment', 'active'],
  assessment: ['active', 'intake'],
  active: ['referred', 'assessment'],
  referred: ['active'],
  closed: [],
};
