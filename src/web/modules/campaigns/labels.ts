/** Campaign types and statuses as the server names them; English wrapped for the extractor, translated with t(). */
const msg = (s: string) => s;

export const TYPE_LABELS: Record<string, string> = {
  ratification: msg('Ratification of a convention'),
  law_reform: msg('Law or policy reform'),
  ending_practice: msg('Ending a practice'),
  recognition: msg('Recognition'),
};

export const STATUS_LABELS: Record<string, string> = {
  draft: msg('Draft'),
  published: msg('Published'),
};
