import { msg } from '../../app/capability.ts';

export const STATUS_LABELS: Record<string, string> = {
  draft: msg('Draft'),
  in_review: msg('In review'),
  approved: msg('Approved'),
  published: msg('Published'),
};

export const KIND_LABELS: Record<string, string> = { yearbook: msg('Yearbook'), brief: msg('Policy brief') };

export const ROLE_LABELS: Record<string, string> = {
  editor: msg('Editor'),
  country_coordinator: msg('Country coordinator'),
  author: msg('Author'),
  reviewer: msg('Reviewer'),
  publisher: msg('Publisher'),
};

/** Each workflow move, the ability it needs and the state it starts from (the server decides). */
export const MOVES = [
  { move: 'submit', from: 'draft', ability: 'submit', label: msg('Send for review') },
  { move: 'return', from: 'in_review', ability: 'approve', label: msg('Return to draft') },
  { move: 'approve', from: 'in_review', ability: 'approve', label: msg('Approve') },
  { move: 'reopen', from: 'approved', ability: 'approve', label: msg('Reopen as draft') },
  { move: 'publish', from: 'approved', ability: 'publish', label: msg('Publish') },
  { move: 'unpublish', from: 'published', ability: 'publish', label: msg('Unpublish') },
] as const;
