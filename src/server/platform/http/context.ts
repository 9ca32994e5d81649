import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditNote } from '../audit/recorder.ts';
import type { WorkPool } from '../files/work-pool.ts';

/** What a use case needs to know about the request that called it, and nothing about HTTP. */
export interface Ctx {
  database: Database;
  config: Config;
  /** Threads for heavy file work (imports, text extraction), with admission: see work-pool.ts. */
  fileWork: WorkPool;
  actor: Actor;
  ip: string;
  userAgent: string;
  locale: string;
  /** Adds detail to this request's audit entry (written when the response is sent, success or not). */
  note(note: AuditNote): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: string;
    auditNotes: AuditNote[];
  }
  interface FastifyInstance {
    database: Database;
    config: Config;
    fileWork: WorkPool;
  }
}

export function contextOf(request: FastifyRequest): Ctx {
  return {
    database: request.server.database,
    config: request.server.config,
    fileWork: request.server.fileWork,
    actor: request.actor,
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 400),
    locale: request.locale,
    note: (note) => request.auditNotes.push(note),
  };
}
