import pino from 'pino';

/**
 * Where the log goes: standard output, written in batches of about 4 kB off the request path (an
 * asynchronous write at most once a second when quiet), instead of one write per line. Under load
 * each request's two lines would otherwise be two write calls (docs/decisions/request-path.md).
 * pino flushes what is buffered when the process exits, the forced exit of the grace period
 * included. A level of 'silent' writes nothing: no stream at all.
 */
export function requestLogStream(level: string): pino.DestinationStream | undefined {
  if (level === 'silent') return undefined;
  return pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 });
}
