import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';

/**
 * Legal-aid cases. Identifying data (the client, the narrative, and the free text that may name
 * people: title, employer and agency names) is stored only as AES-256-GCM ciphertext under the
 * case's own data key (see case_keys). Row-level security (migration
 * cases_rls) lets the `tulay_case_reader` role see a row only when the acting user is assigned,
 * supervises the handling organisation, or received a live referral.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    /**
     * Clear-text title of cases written before titles were encrypted; emptied by
     * encryptLegacyCaseText at start, never written again. Likewise employer_name, agency_name.
     */
    title: text('title'),
    /** The short title ("Wage theft, domestic worker, Riyadh"), encrypted; searchable through search_tokens. */
    titleEnc: text('title_enc'),
    status: text('status').notNull().default('intake'),
    source: text('source').notNull().default('staff'),
    nationality: text('nationality'),
    originCountry: text('origin_country'),
    destinationCountry: text('destination_country'),
    sector: text('sector'),
    employerOrganisationId: uuid('employer_organisation_id').references(() => organisations.id),
    employerName: text('employer_name'),
    employerNameEnc: text('employer_name_enc'),
    agencyOrganisationId: uuid('agency_organisation_id').references(() => organisations.id),
    agencyName: text('agency_name'),
    agencyNameEnc: text('agency_name_enc'),
    violationCodes: text('violation_codes').array().notNull().default(sql`'{}'::text[]`),
    /** Encrypted JSON: name, contacts, passport/ID numbers, addresses. */
    clientEnc: text('client_enc'),
    narrativeEnc: text('narrative_enc'),
    outcome: text('outcome'),
    outcomeAmount: numeric('outcome_amount', { precision: 14, scale: 2 }),
    outcomeCurrency: text('outcome_currency'),
    language: text('language'),
    /**
     * Blind index: HMAC-SHA-256 of each word of the reference, title, employer, agency and sector
     * under the installation's search key (case_search_keys), so a search matches whole words
     * without the words being in the database. Cleared when the case is shredded.
     */
    searchTokens: text('search_tokens').array(),
    createdBy: uuid('created_by').references(() => users.id),
    /**
     * True from creation until the creator's own assignment is written (same transaction): lets
     * row-level security show the new row to its creator with a plain column test, not a subquery.
     */
    creatorPending: boolean('creator_pending').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    retentionUntil: timestamp('retention_until', { withTimezone: true }),
    shreddedAt: timestamp('shredded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cases_reference_key').on(t.reference),
    index('cases_org_updated_idx').on(t.organisationId, t.updatedAt),
    index('cases_search_tokens_idx').using('gin', t.searchTokens),
    index('cases_retention_idx').on(t.retentionUntil),
  ],
);

/** One data key per case, wrapped (AES-256-GCM) by a master key from configuration. Deleting the row shreds the case. */
export const caseKeys = pgTable('case_keys', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  masterKeyId: text('master_key_id').notNull(),
  wrappedKey: text('wrapped_key').notNull(),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }),
});

/** People working on a case. */
export const caseAssignments = pgTable(
  'case_assignments',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.userId] }),
    index('case_assignments_user_idx').on(t.userId, t.caseId),
  ],
);

/** Case supervisors of an organisation: they see every case the organisation handles. */
export const caseSupervisors = pgTable(
  'case_supervisors',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** New Get-help requests for this organisation are announced to this supervisor's desk. */
    receivesIntake: boolean('receives_intake').notNull().default(false),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('case_supervisors_org_idx').on(t.organisationId),
  ],
);

/** Consent per purpose (handling, sharing with an organisation or country, statistics), withdrawable. */
export const caseConsents = pgTable(
  'case_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    scopeOrganisationId: uuid('scope_organisation_id').references(() => organisations.id),
    scopeCountry: text('scope_country'),
    obtainedOn: date('obtained_on').notNull(),
    method: text('method').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
  },
  (t) => [index('case_consents_case_idx').on(t.caseId)],
);

/** A case referred to an organisation (and optionally a named person) in another country. */
export const caseReferrals = pgTable(
  'case_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toUserId: uuid('to_user_id').references(() => users.id),
    sharedFields: text('shared_fields').array().notNull(),
    status: text('status').notNull().default('pending'),
    /** Clear text of referrals written before encryption; emptied at start like cases.title. */
    note: text('note'),
    noteEnc: text('note_enc'),
    consentId: uuid('consent_id').references(() => caseConsents.id),
    overrideReason: text('override_reason'),
    overrideReasonEnc: text('override_reason_enc'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    responseReason: text('response_reason'),
    responseReasonEnc: text('response_reason_enc'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('case_referrals_case_idx').on(t.caseId),
    index('case_referrals_to_user_idx').on(t.toUserId),
    index('case_referrals_to_org_idx').on(t.toOrganisationId),
  ],
);

/** The timeline: events, actions, notes, messages from and replies to the client (text encrypted). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on'),
    textEnc: text('text_enc').notNull(),
    /** 'internal' for the team, 'client' when the person who asked for help may read it. */
    visibility: text('visibility').notNull().default('internal'),
    authorUserId: uuid('author_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.createdAt)],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Clear text of tasks written before encryption; emptied at start like cases.title. */
    title: text('title'),
    titleEnc: text('title_enc'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    /** When the reminder email went out (at most once per reminder time). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('case_tasks_case_idx').on(t.caseId), index('case_tasks_remind_idx').on(t.remindAt)],
);

/** Evidence: ciphertext on disk under DATA_DIR/files/<sha256 of ciphertext>; name encrypted here. */
export const caseFiles = pgTable(
  'case_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    blobSha256: text('blob_sha256').notNull(),
    nameEnc: text('name_enc').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_files_case_idx').on(t.caseId)],
);

/**
 * How a person who asked for help comes back: a reference code and the SHA-256 of a 128-bit
 * secret shown once. Not readable by the case roles: only the intake service (as owner) looks up here.
 */
export const caseIntakeAccess = pgTable('case_intake_access', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => cases.id, { onDelete: 'cascade' }),
  reference: text('reference').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Proof-of-work challenges already spent, so one solved challenge buys one submission. */
export const intakeSpentChallenges = pgTable('intake_spent_challenges', {
  challengeHash: text('challenge_hash').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * The installation's key for the case search index, wrapped by a master key like a data key (and
 * rewrapped by key rotation). One row, created on first use.
 */
export const caseSearchKeys = pgTable('case_search_keys', {
  id: text('id').primaryKey(),
  masterKeyId: text('master_key_id').notNull(),
  wrappedKey: text('wrapped_key').notNull(),
});
