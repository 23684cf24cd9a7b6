/**
 * Runs inside the page (bundled by large-run.ts): writes large runs through the app's own repository
 * (renderer/db/repo.ts), cloned from the users of the newest stored run, so the large end-to-end cases
 * test the storage the app writes, not a copy of its format. Running the pipeline on a million-row
 * export would take minutes and test the pipeline, not the screens.
 */
import type { RosterUser } from '../../../core/types';
import { RosterDb } from '../../../renderer/db/db';
import { createRepo } from '../../../renderer/db/repo';

const CHUNK = 1000;

async function open() {
  const db = new RosterDb();
  const repo = createRepo(db);
  const runs = (await db.runs.toArray()).filter((r) => r.status === 'complete' && r.header).sort((a, b) => b.startedAt - a.startedAt);
  const source = runs[0];
  if (!source?.header) throw new Error('No complete run to clone.');
  const template = await repo.rosterPage(source.id, 0, source.header.stats.users);
  return { db, repo, source: { ...source, header: source.header }, template: template.map((row) => row.user) };
}

/** Stores `users` as one complete run (no records, no history) and returns its id. */
async function writeRun(ctx: Awaited<ReturnType<typeof open>>, asOf: string, startedAt: number, users: Iterable<RosterUser>): Promise<string> {
  const run = await ctx.repo.beginRun(ctx.source.projectId, startedAt);
  let batch: RosterUser[] = [];
  let count = 0;
  const flush = async () => {
    await ctx.repo.appendRows(run.id, { table: 'roster', rows: batch });
    count += batch.length;
    batch = [];
    if (count % 100_000 === 0) console.info(`large run: ${count} users written`);
  };
  for (const user of users) {
    batch.push(user);
    if (batch.length === CHUNK) await flush();
  }
  if (batch.length > 0) await flush();
  const { deletion: _deletion, ...header } = ctx.source.header;
  await ctx.repo.completeRun(run.id, { ...header, asOf, stats: { ...header.stats, users: count } }, startedAt + 1);
  return run.id;
}

/** Own external ids per user too: a dropped user must not pair with a new one by the primary's id. */
function cloneUser(base: RosterUser, n: number, department?: string): RosterUser {
  const email = `user-${n}@big.example`;
  const identities = Object.fromEntries(Object.entries(base.identities).map(([s, link]) => [s, { ...link, id: `${s}-${n}` }]));
  const attributes = { ...base.attributes, email, ...(department ? { department } : {}) };
  const { deletion: _deletion, ...user } = base;
  return { ...user, userId: n.toString(16).padStart(64, '0'), key: email, attributes, identities, lifecycle: 'active' };
}

/** One complete run of `users` users, newer than every stored run. */
export async function cloneIntoLargeRun(users: number): Promise<void> {
  const ctx = await open();
  function* all() {
    for (let n = 0; n < users; n++) yield cloneUser(ctx.template[n % ctx.template.length], n);
  }
  await writeRun(ctx, ctx.source.header.asOf, ctx.source.startedAt + 1, all());
  ctx.db.close();
}

/**
 * Two complete runs of `users` users each, a week apart: run B drops every 100th user of A, adds as many
 * new ones, and moves every 50th to another department. Returns those counts.
 */
export async function cloneComparedRuns(users: number): Promise<{ removed: number; added: number; moved: number }> {
  const ctx = await open();
  const counts = { removed: 0, added: 0, moved: 0 };
  function* runA() {
    for (let n = 0; n < users; n++) yield cloneUser(ctx.template[n % ctx.template.length], n);
  }
  function* runB() {
    for (let n = 0; n < users + Math.floor(users / 100); n++) {
      if (n < users && n % 100 === 0) {
        counts.removed++;
        continue;
      }
      if (n >= users) counts.added++;
      const moved = n < users && n % 50 === 25;
      if (moved) counts.moved++;
      yield cloneUser(ctx.template[n % ctx.template.length], n, moved ? 'Moved' : undefined);
    }
  }
  await writeRun(ctx, '2027-01-04', ctx.source.startedAt + 1, runA());
  await writeRun(ctx, '2027-01-11', ctx.source.startedAt + 3, runB());
  ctx.db.close();
  return counts;
}
