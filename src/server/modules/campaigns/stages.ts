import { translate } from '../../platform/i18n/translate.ts';
import type { CampaignStage, CampaignType } from './schema.ts';

// English labels are catalog keys: built-in stages and types read in every complete UI language.
const msg = (s: string) => s;

export const TYPE_LABELS: Record<CampaignType, string> = {
  ratification: msg('Ratification of a convention'),
  law_reform: msg('Law or policy reform'),
  ending_practice: msg('Ending a practice'),
  recognition: msg('Recognition'),
};

/** The stages a new campaign of each type starts with; its editors may rename, add or remove them. */
export const DEFAULT_STAGES: Record<CampaignType, CampaignStage[]> = {
  ratification: [
    { code: 'not_ratified', label: msg('Not ratified') },
    { code: 'campaign_active', label: msg('Campaign active') },
    { code: 'bill_filed', label: msg('Bill filed') },
    { code: 'ratified', label: msg('Ratified') },
    { code: 'in_force', label: msg('In force') },
  ],
  law_reform: [
    { code: 'no_reform', label: msg('No reform yet') },
    { code: 'campaign_active', label: msg('Campaign active') },
    { code: 'bill_filed', label: msg('Bill filed') },
    { code: 'adopted', label: msg('Adopted') },
    { code: 'in_force', label: msg('In force') },
  ],
  ending_practice: [
    { code: 'practice_continues', label: msg('Practice continues') },
    { code: 'campaign_active', label: msg('Campaign active') },
    { code: 'commitment_made', label: msg('Commitment made') },
    { code: 'practice_ended', label: msg('Practice ended') },
  ],
  recognition: [
    { code: 'not_recognised', label: msg('Not recognised') },
    { code: 'campaign_active', label: msg('Campaign active') },
    { code: 'bill_filed', label: msg('Bill filed') },
    { code: 'recognised', label: msg('Recognised') },
  ],
};

/** A stage's label in the reader's language: its own translation, else the catalog's, else English. */
export function stageLabel(stage: CampaignStage | undefined, code: string, locale: string): string {
  if (!stage) return code;
  return stage.labels?.[locale] || translate(locale, stage.label);
}

export const typeLabel = (code: CampaignType, locale: string) => translate(locale, TYPE_LABELS[code] ?? code);

// An ordinal palette from grey (where nothing has moved) to deep green (the goal reached), readable
// by most colour-blind readers; the legend and the table say the same in words.
const PALETTE = ['#bdbdbd', '#fee08b', '#fdae61', '#a6d96a', '#1a9850', '#006837', '#00441b', '#002a10'];

/** The map colour of the stage at `index` among `count` stages: with five or fewer, the last is always the same green. */
export function stageColour(index: number, count: number): string {
  if (index <= 0) return PALETTE[0]!;
  const step = count <= 5 ? 4 - (count - 1 - index) : index;
  return PALETTE[Math.min(Math.max(step, 1), PALETTE.length - 1)]!;
}
