// A request written while offline waits on the phone until it can be sent: encrypted with AES-GCM
// under a key the browser generated as non-extractable (no script can read its bytes, not even
// ours), both kept in IndexedDB. Once sent, the database is deleted, key and all.

const NAME = 'tulay-get-help';

export type Fields = Record<string, string>;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(NAME, 1);
  r.onupgradeneeded = () => {
    r.result.createObjectStore('keys');
    r.result.createObjectStore('outbox', { autoIncrement: true });
  };
  return request(r);
}

function store(db: IDBDatabase, name: string, mode: IDBTransactionMode = 'readonly') {
  return db.transaction(name, mode).objectStore(name);
}

async function keyOf(db: IDBDatabase): Promise<CryptoKey> {
  const kept = await request(store(db, 'keys').get('k'));
  if (kept) return kept as CryptoKey;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await request(store(db, 'keys', 'readwrite').put(key, 'k'));
  return key;
}

/** Whether this browser can keep a request encrypted (WebCrypto needs HTTPS or localhost). */
export function canKeep(): boolean {
  return typeof indexedDB !== 'undefined' && !!globalThis.crypto?.subtle;
}

export async function keep(fields: Fields): Promise<void> {
  const db = await open();
  try {
    const key = await keyOf(db);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv },
      key,
      new TextEncoder().encode(JSON.stringify(fields)),
    );
    await request(store(db, 'outbox', 'readwrite').add({ iv, data }));
  } finally {
    db.close();
  }
}

/** The requests waiting to be sent, decrypted, oldest first. */
export async function waiting(): Promise<{ id: IDBValidKey; fields: Fields }[]> {
  if (!canKeep()) return [];
  // Opening would create the database: a trace of this page on a phone that never needed one.
  const names = await indexedDB.databases?.().catch(() => undefined);
  if (names && !names.some((d) => d.name === NAME)) return [];
  const db = await open();
  try {
    const outbox = store(db, 'outbox');
    const [ids, rows] = await Promise.all([request(outbox.getAllKeys()), request(outbox.getAll())]);
    if (!ids.length) return [];
    const key = await keyOf(db);
    const out = [];
    for (const [i, row] of rows.entries()) {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.iv }, key, row.data);
      out.push({ id: ids[i]!, fields: JSON.parse(new TextDecoder().decode(plain)) as Fields });
    }
    return out;
  } finally {
    db.close();
  }
}

/** Removes a sent request; when none is left, the whole database goes (nothing stays behind). */
export async function remove(id: IDBValidKey): Promise<void> {
  const db = await open();
  let left: number;
  try {
    await request(store(db, 'outbox', 'readwrite').delete(id));
    left = await request(store(db, 'outbox').count());
  } finally {
    db.close();
  }
  if (left === 0) await request(indexedDB.deleteDatabase(NAME)).catch(() => {});
}
