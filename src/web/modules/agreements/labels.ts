// English labels, marked for the extractor; screens translate them with t().
const msg = (s: string) => s;

export const TYPE_LABELS: Record<string, string> = {
  bilateral_labour_agreement: msg('Bilateral labour agreement'),
  memorandum_of_understanding: msg('Memorandum of understanding'),
  economic_partnership_agreement: msg('Economic partnership agreement'),
  regional_instrument: msg('Regional instrument'),
};

export const STATUS_LABELS: Record<string, string> = {
  negotiating: msg('Under negotiation'),
  signed: msg('Signed'),
  in_force: msg('In force'),
  expired: msg('Expired'),
  terminated: msg('Terminated'),
};
