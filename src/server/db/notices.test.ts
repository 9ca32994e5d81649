// How a cache's stamp goes stale: a notice of its topic, or the last listening connection going.
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { NOTICE_CHANNEL, Notices } from './notices.ts';

/** A pool and connections that only emit what Notices listens to; LISTEN always succeeds. */
function fakePool() {
  const pool = new EventEmitter();
  const notices = new Notices(pool as unknown as pg.Pool);
  const connect = async () => {
    const client = Object.assign(new EventEmitter(), { query: async () => ({ rows: [] }) });
    pool.emit('connect', client);
    await new Promise((resolve) => setImmediate(resolve));
    return client;
  };
  return { pool, notices, connect };
}

describe('cache notices', () => {
  it('trusts nothing until a connection listens', async () => {
    const { notices, connect } = fakePool();
    expect(notices.stamp('vocabulary')).toBeUndefined();
    expect(notices.current('vocabulary', undefined)).toBe(false);
    await connect();
    expect(notices.current('vocabulary', notices.stamp('vocabulary'))).toBe(true);
  });

  it('makes a stamp stale on a notice of its topic, not of another', async () => {
    const { notices, connect } = fakePool();
    const client = await connect();
    const stamp = notices.stamp('vocabulary');
    client.emit('notification', { channel: NOTICE_CHANNEL, payload: 'geography' });
    client.emit('notification', { channel: 'elsewhere', payload: 'vocabulary' });
    expect(notices.current('vocabulary', stamp)).toBe(true);
    client.emit('notification', { channel: NOTICE_CHANNEL, payload: 'vocabulary' });
    expect(notices.current('vocabulary', stamp)).toBe(false);
  });

  it('makes every stamp stale when the last listening connection goes, even if another comes back', async () => {
    const { pool, notices, connect } = fakePool();
    const first = await connect();
    const second = await connect();
    const stamp = notices.stamp('vocabulary');
    pool.emit('remove', first);
    expect(notices.current('vocabulary', stamp)).toBe(true);
    second.emit('end');
    expect(notices.stamp('vocabulary')).toBeUndefined();
    await connect();
    expect(notices.current('vocabulary', stamp)).toBe(false);
  });
});
