const msg = (s: string) => s;

export const APPLICATION_STATUS_LABELS: Record<string, string> = {
  received: msg('Received'),
  shortlisted: msg('Shortlisted'),
  placed: msg('Placed'),
  declined: msg('Declined'),
};

/** The button that moves an application to a status. */
export const MOVE_LABELS: Record<string, string> = {
  received: msg('Back to received'),
  shortlisted: msg('Shortlist'),
  declined: msg('Decline'),
};
