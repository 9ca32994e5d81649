import type pg from 'pg';

/**
 * PostgreSQL's LISTEN/NOTIFY as the invalidation signal of in-memory caches (docs/decisions/request-path.md).
 *
 * Every connection of the pool LISTENs on `tulay_cache`; triggers NOTIFY with a topic (e.g.
 * 'vocabulary') when what a cache holds changes, in whichever process and transaction. PostgreSQL
 * delivers a notice when the transaction commits: to the writing connection before its COMMIT
 * returns (so this process never reads its own write stale), and to every other server's listening
 * connections moments later (so another process stops trusting its copy then).
 *
 * A cache asks for a `stamp` before it reads what it caches, and may serve its copy without asking
 * the database again only while `current(topic, stamp)`: no notice of the topic arrived since, and
 * some connection listened all along. When the last listening connection goes (the pool let idle
 * ones go, the embedded engine restarted), notices could be missed: every stamp goes stale, and
 * caches ask again until a connection listens once more.
 */
export const NOTICE_CHANNEL = 'tulay_cache';

export class Notices {
  private readonly listening = new Set<pg.ClientBase>();
  private readonly epochs = new Map<string, number>();
  /** Bumped when listening coverage is lost: every topic's stamps go stale at once. */
  private coverage = 0;

  constructor(pool: pg.Pool) {
    pool.on('connect', (client) => {
      client.on('notification', (message) => {
        if (message.channel === NOTICE_CHANNEL) this.bump(message.payload ?? '');
      });
      // Queued before the query the connection was opened for, so it runs first. Notices that
      // committed before it are not delivered: stamps taken meanwhile were untrusted (`listening`
      // empty) or belong to an earlier connection's coverage, which ended with a `coverage` bump.
      client.query(`listen ${NOTICE_CHANNEL}`).then(
        () => this.listening.add(client),
        () => {},
      );
      client.once('end', () => this.drop(client));
    });
    pool.on('remove', (client) => this.drop(client));
  }

  /** The state to remember beside a cached copy, or undefined when nothing listens (do not trust). */
  stamp(topic: string): string | undefined {
    if (this.listening.size === 0) return undefined;
    return `${this.coverage}:${this.epochs.get(topic) ?? 0}`;
  }

  /** True while no notice of `topic` arrived and coverage held since `stamp` was taken. */
  current(topic: string, stamp: string | undefined): boolean {
    return stamp !== undefined && this.stamp(topic) === stamp;
  }

  private bump(topic: string) {
    // An empty payload says "anything may have changed".
    if (topic === '') this.coverage += 1;
    else this.epochs.set(topic, (this.epochs.get(topic) ?? 0) + 1);
  }

  private drop(client: pg.ClientBase) {
    if (this.listening.delete(client) && this.listening.size === 0) this.coverage += 1;
  }
}

/** The notices of each database handle (Drizzle's root object), for caches that are given only it. */
const byHandle = new WeakMap<object, Notices>();

export function registerNotices(handle: object, notices: Notices): void {
  byHandle.set(handle, notices);
}

/**
 * The notices that cover reads through `handle`, or undefined: inside a transaction (which may hold
 * its own uncommitted changes, not yet noticed) or on a handle that does not listen, a cache asks.
 */
export function noticesOf(handle: object): Notices | undefined {
  return byHandle.get(handle);
}
