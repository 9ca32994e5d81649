import { msg } from '../../app/capability.ts';

/** Status and workflow labels (English in msg(), translated where shown). */
export const STATUS_LABELS: Record<string, string> = {
  draft: msg('Draft'),
  submitted: msg('Submitted'),
  changes_requested: msg('Changes requested'),
  published: msg('Published'),
  rejected: msg('Rejected'),
};

export const ACTION_LABELS: Record<string, string> = {
  create: msg('Created'),
  update: msg('Edited'),
  comment: msg('Comment'),
  submit: msg('Submit for review'),
  request_changes: msg('Request changes'),
  publish: msg('Publish'),
  reject: msg('Reject'),
  unpublish: msg('Unpublish'),
};
