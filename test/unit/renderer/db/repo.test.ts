/** The repository keeps half-written runs invisible and leaves nothing behind a failed run (issue 3). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamRun } from '../../../../core/run/stream';
import { RosterDb } from '../../../../renderer/db/db';
import { createRepo, type Repo } from '../../../../renderer/db/repo';
import { makeRun } from '../support/make-run';

let db: RosterDb;
let repo: Repo;
let dbCount = 0;

beforeEach(() => {
  db = new RosterDb(`repo-test-${++dbCount}`);
  repo = createRepo(db);
});
afterEach(async () => {
  await db.delete();
});

/** Writes every rows chunk of a run; returns its header (the `done` message). */
async function writeRows(runId: string, users: number) {
  for (const message of streamRun(makeRun(users), 7)) {
    if (message.type === 'rows') await repo.appendRows(runId, message);
    if (message.type === 'done') return message.header;
  }
  throw new Error('stream ended without done');
}

describe('repo runs', () => {
  it('keeps a run invisible until it is complete', async () => {
    const run = await repo.beginRun('p1');
    const header = await writeRows(run.id, 20);
    expect(await repo.listRuns('p1')).toEqual([]);
    expect(await repo.getRun(run.id)).toBeUndefined();
    expect(await repo.rosterPage(run.id, 0, 50)).toEqual([]);
    expect(await repo.searchRoster(run.id, 'user1')).toEqual([]);

    await repo.completeRun(run.id, header);
    expect((await repo.listRuns('p1')).map((r) => r.id)).toEqual([run.id]);
    expect(await repo.rosterPage(run.id, 0, 50)).toHaveLength(20);
    expect(await repo.countRows(run.id)).toEqual({ roster: 20, records: 21, conflicts: 1, filterHits: 1 });
  });

  it('leaves nothing behind a failed or cancelled run', async () => {
    const run = await repo.beginRun('p1');
    await writeRows(run.id, 12);
    await repo.discardRun(run.id);
    expect(await db.runs.count()).toBe(0);
    expect(await repo.countRows(run.id)).toEqual({ roster: 0, records: 0, conflicts: 0, filterHits: 0 });
  });

  it('refuses to complete a run whose rows do not add up', async () => {
    const run = await repo.beginRun('p1');
    const header = await writeRows(run.id, 5);
    await expect(repo.completeRun(run.id, { ...header, stats: { ...header.stats, users: 6 } })).rejects.toThrow(/5 roster rows/);
    expect(await repo.getRun(run.id)).toBeUndefined();
  });

  it('purges leftover writing runs but keeps complete and live ones', async () => {
    const done = await repo.beginRun('p1', 1);
    await repo.completeRun(done.id, await writeRows(done.id, 3));
    const leftover = await repo.beginRun('p1', 2);
    await writeRows(leftover.id, 4);
    const live = await repo.beginRun('p1', 3);
    expect(await repo.purgeWritingRuns((id) => id === live.id)).toBe(1);
    expect((await db.runs.toArray()).map((r) => r.id).sort()).toEqual([done.id, live.id].sort());
    expect((await repo.countRows(leftover.id)).roster).toBe(0);
    expect((await repo.countRows(done.id)).roster).toBe(3);
  });
});

describe('repo roster queries', () => {
  async function completedRun(users: number) {
    const run = await repo.beginRun('p1');
    await repo.completeRun(run.id, await writeRows(run.id, users));
    return run.id;
  }

  it('pages by position', async () => {
    const runId = await completedRun(30);
    const page = await repo.rosterPage(runId, 10, 5);
    expect(page.map((r) => r.seq)).toEqual([10, 11, 12, 13, 14]);
    expect(page[0].user.attributes.email).toBe('user10@example.com');
  });

  it.each([
    { description: 'email prefix', query: 'USER12@', expected: ['user12@example.com'] },
    { description: 'display name prefix', query: 'user 13', expected: ['user13@example.com'] },
    { description: 'external id of a secondary source', query: 'u9014', expected: ['user14@example.com'] },
    { description: 'any attribute (scan)', query: 'sales', expected: ['user0@example.com', 'user3@example.com', 'user6@example.com'] },
  ])('searches by $description', async ({ query, expected }) => {
    const runId = await completedRun(8 + 8);
    const rows = await repo.searchRoster(runId, query, 3);
    expect(rows.map((r) => r.user.attributes.email)).toEqual(expected);
  });

  it('finds the records of a user', async () => {
    const runId = await completedRun(4);
    const row = await repo.getRosterUser(runId, 'id-000002');
    expect(row?.user.attributes.email).toBe('user2@example.com');
    expect((await repo.userRecords(runId, 'id-000002')).map((r) => r.state)).toEqual(['primary']);
  });
});

describe('repo files (browser edition)', () => {
  const file = (projectId: string, name: string, text: string) => ({ projectId, name, size: text.length, bytes: new TextEncoder().encode(text) });

  it('replaces a reopened project’s files with exactly the new set and leaves other projects alone', async () => {
    await repo.putFiles([file('a', 'hr.csv', 'week 1'), file('a', 'extra.csv', 'x'), file('b', 'hr.csv', 'other')]);
    const infos = await repo.replaceFiles('a', [file('a', 'hr.csv', 'week 2!'), file('a', 'idp.json', '[]')]);
    expect(infos).toEqual([
      { name: 'hr.csv', size: 7 },
      { name: 'idp.json', size: 2 },
    ]);
    expect((await repo.fileNames('a')).sort()).toEqual(['hr.csv', 'idp.json']);
    const [hr] = await repo.getFiles('a', ['hr.csv']);
    expect(new TextDecoder().decode(hr.bytes)).toBe('week 2!');
    expect(await repo.fileNames('b')).toEqual(['hr.csv']);
  });
});
