import pg from 'pg';
import { quoteIdent, type Table } from './backup.ts';
import { RestoreRefused } from './backup-errors.ts';

export type Row = (string | null)[];

/** Stays well under PostgreSQL's 65,535 parameters per statement. */
const batchSize = (table: Table) =>
  Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, table.columns.length))));

/**
 * Inserts rows of one table. When the target refuses a batch, the batch is taken back (a savepoint)
 * and its rows are tried one by one, so the refusal names the table, the row's line in the backup
 * and the column, instead of surfacing as a database stack trace.
 */
export async function insertRows(
  client: pg.ClientBase,
  table: Table,
  rows: Row[],
  lineOf: Map<Row, number>,
): Promise<void> {
  const size = batchSize(table);
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    await client.query('savepoint tulay_restore_batch');
    try {
      await insert(client, table, chunk);
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      await client.query('rollback to savepoint tulay_restore_batch');
      await pinpoint(client, table, chunk, lineOf, error);
    }
    await client.query('release savepoint tulay_restore_batch');
  }
}

async function insert(client: pg.ClientBase, table: Table, chunk: Row[]): Promise<void> {
  const width = table.columns.length;
  const names = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const overriding = table.columns.some((c) => c.identityAlways) ? ' overriding system value' : '';
  // Each value travels as text and is cast to the column's type: the server parses exactly what
  // it printed at backup time, so timestamps, jsonb, bytea and numbers come back unchanged.
  const tuples = chunk.map(
    (_, r) => `(${table.columns.map((c, i) => `$${r * width + i + 1}::${c.type}`).join(', ')})`,
  );
  await client.query(
    `insert into ${quoteIdent(table.name)} (${names})${overriding} values ${tuples.join(', ')}`,
    chunk.flat(),
  );
}

/** Inserts the rows one at a time until one fails, and refuses the restore naming it. */
async function pinpoint(
  client: pg.ClientBase,
  table: Table,
  chunk: Row[],
  lineOf: Map<Row, number>,
  batchError: pg.DatabaseError,
): Promise<never> {
  for (const row of chunk) {
    await client.query('savepoint tulay_restore_row');
    try {
      await insert(client, table, [row]);
      await client.query('release savepoint tulay_restore_row');
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) throw error;
      await client.query('rollback to savepoint tulay_restore_row');
      throw await refusal(client, table, row, lineOf.get(row), error);
    }
  }
  // Only the rows together fail (a deferred check): name the batch's first line.
  throw await refusal(client, table, chunk[0]!, lineOf.get(chunk[0]!), batchError);
}

async function refusal(
  client: pg.ClientBase,
  table: Table,
  row: Row,
  line: number | undefined,
  error: pg.DatabaseError,
): Promise<RestoreRefused> {
  // "Failing row contains (…)" would print the whole row, password hashes included: left out.
  const detail = error.detail && !error.detail.startsWith('Failing row') ? ` (${error.detail})` : '';
  let reason = `${error.message}${detail}`;
  // A value that is not of its column's type: find the column, the most useful thing to name.
  for (const [i, column] of table.columns.entries()) {
    await client.query('savepoint tulay_restore_value');
    try {
      await client.query(`select $1::${column.type}`, [row[i]]);
      await client.query('release savepoint tulay_restore_value');
    } catch (castError) {
      await client.query('rollback to savepoint tulay_restore_value');
      reason = `column ${column.name} (${column.type}): ${(castError as Error).message}`;
      break;
    }
  }
  const where = line === undefined ? '' : `, the row on line ${line} of the backup`;
  return new RestoreRefused(
    `The backup cannot be restored: table ${table.name}${where}: ${reason}. Nothing was restored.`,
  );
}
