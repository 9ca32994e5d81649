import type { AgreementStatus, AgreementType } from './schema.ts';

// Marked with `msg` so the extractor puts them in the catalogs; translated where they are shown.
const msg = (s: string) => s;

export const TYPE_LABELS: Record<AgreementType, string> = {
  bilateral_labour_agreement: msg('Bilateral labour agreement'),
  memorandum_of_understanding: msg('Memorandum of understanding'),
  economic_partnership_agreement: msg('Economic partnership agreement'),
  regional_instrument: msg('Regional instrument'),
};

export const STATUS_LABELS: Record<AgreementStatus, string> = {
  negotiating: msg('Under negotiation'),
  signed: msg('Signed'),
  in_force: msg('In force'),
  expired: msg('Expired'),
  terminated: msg('Terminated'),
};
