/**
 * Runs inside the page (page.evaluate): clones the newest complete run of the app's IndexedDB into a
 * complete run of `users` roster rows, shaped exactly as renderer/db/row-builders.ts writes them.
 * Self-contained: no imports survive serialization into the page. The test transform wraps named
 * functions in `__name(...)`, which the page lacks: call `definePageHelpers` first.
 */
export const definePageHelpers = 'globalThis.__name = (f) => f;';

export async function cloneIntoLargeRun(users: number): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('roster-audit');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
  const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));

  type Run = { id: string; status: string; startedAt: number; completedAt: number; header: { stats: { users: number } }; counts: { roster: number } };
  type Row = { runId: string; seq: number; userId: string; key: string; email: string; name: string; extIds: string[]; user: { userId: string; key: string; attributes: Record<string, unknown> } };
  const runs = (await request(db.transaction('runs').objectStore('runs').getAll())) as Run[];
  const source = runs.filter((r) => r.status === 'complete').sort((a, b) => b.startedAt - a.startedAt)[0];
  const range = IDBKeyRange.bound([source.id, -Infinity], [source.id, Infinity]);
  const template = (await request(db.transaction('roster').objectStore('roster').getAll(range))) as Row[];

  const runId = 'large-run';
  const header = structuredClone(source.header);
  header.stats.users = users;
  const run = { ...source, id: runId, startedAt: source.startedAt + 1, completedAt: source.completedAt + 1, header, counts: { ...source.counts, roster: users } };
  const BATCH = 20_000;
  for (let start = 0; start < users; start += BATCH) {
    const tx = db.transaction('roster', 'readwrite');
    const store = tx.objectStore('roster');
    for (let seq = start; seq < Math.min(users, start + BATCH); seq++) {
      const base = template[seq % template.length];
      const email = `user-${seq}@big.example`;
      const userId = seq.toString(16).padStart(64, '0');
      const user = { ...base.user, userId, key: email, attributes: { ...base.user.attributes, email } };
      store.add({ runId, seq, userId, key: email, email, name: base.name, extIds: [`${runId}\u0000ext-${seq}`], user });
    }
    await done(tx);
    if (start % 100_000 === 0) console.info(`large run: ${start + BATCH} rows written`);
  }
  const tx = db.transaction('runs', 'readwrite');
  tx.objectStore('runs').put(run);
  await done(tx);
  db.close();
}
