/**
 * The audit tasks over a stored run (issue 4): explain, suggested links for orphans, joining-key advice
 * and what-if. They run in the audit worker (audit.worker.ts) so a 100,000-user run never blocks the
 * window; where there is no Worker (jsdom tests) the same code runs in-process.
 *
 * The run is loaded from IndexedDB once and kept (one run at a time: a complete run never changes), as a
 * RunResult whose records have no raw fields: those are read back only for the records an answer shows.
 */
import { keyAdvice } from '../../core/advice/key-advice';
import { suggestLinks } from '../../core/advice/suggest-links';
import { explain, matchOf } from '../../core/explain/explain';
import type { Trace } from '../../core/explain/types';
import { normalizeKey } from '../../core/join/keys';
import { userIdOf } from '../../core/join/user-id';
import type { RecordOutcome, RosterUser, RunResult } from '../../core/types';
import { whatIf, type RuleToggle } from '../../core/whatif/whatif';
import type { AuditRepo } from '../db/repo-audit';
import { createInterner } from './intern';
import { EXPLAIN_MAX_RECORDS, WHAT_IF_EXAMPLES, type AuditAnswer, type AuditTask, type WhatIfSummary, type WhatIfUser } from './audit-protocol';

const count = new Intl.NumberFormat('en-US');

/** Runs audit tasks over one repository, caching the last run it loaded. */
export function createAuditTasks(repo: AuditRepo, options: { explainMaxRecords?: number } = {}) {
  const explainMax = options.explainMaxRecords ?? EXPLAIN_MAX_RECORDS;
  /** The run loaded (or loading), and who wants to hear how the load is going. */
  let cached: { runId: string; run: Promise<RunResult>; listeners: Set<(message: string) => void>; last: string } | null = null;

  async function load(runId: string, progress: (message: string) => void): Promise<RunResult> {
    const entity = await repo.getRun(runId);
    if (!entity?.header) throw new Error(`Run ${runId} is not stored (anymore).`);
    // Shared strings and lineage entries: a million-user run's copy fits the worker's heap (intern.ts).
    const interner = createInterner();
    const roster: RosterUser[] = [];
    const present = entity.header.stats.users;
    await repo.loadPresentRoster(runId, (users, done) => {
      for (const user of users) roster.push(interner.user(user));
      progress(`Loading the roster: ${count.format(done)} of ${count.format(present)} users`);
    });
    const records: RecordOutcome[] = [];
    await repo.loadRecords(runId, false, (chunk, done) => {
      for (const record of chunk) records.push(interner.record(record));
      progress(`Loading records: ${count.format(done)} of ${count.format(entity.counts.records)}`);
    });
    const conflicts = await repo.loadConflicts(runId);
    return { ...entity.header, roster, records, conflicts };
  }

  /** The run, loaded once; every task waiting for the load hears its progress (a task that came while
   * another was loading the same run too). */
  async function runOf(runId: string, progress: (message: string) => void): Promise<RunResult> {
    if (cached?.runId !== runId) {
      const listeners = new Set<(message: string) => void>();
      const run = load(runId, (message) => {
        if (cached?.run === run) cached.last = message;
        for (const listener of listeners) listener(message);
      });
      cached = { runId, run, listeners, last: 'Loading the run…' };
      // A failed load is not kept: the next task tries again.
      run.catch(() => {
        if (cached?.run === run) cached = null;
      });
    }
    const entry = cached;
    entry.listeners.add(progress);
    progress(entry.last);
    try {
      return await entry.run;
    } finally {
      entry.listeners.delete(progress);
    }
  }

  /** explain() over the stored run, then the raw records of the records it shows, read back by position. */
  async function explainStored(run: RunResult, runId: string, query: string): Promise<Trace> {
    refuseBroad(run, query, explainMax);
    const shown: RecordOutcome[] = [];
    const trace = explain(run, query, {
      raw: (record) => {
        shown.push(record);
        return undefined;
      },
    });
    // Records are loaded in run order, so a record's position in `run.records` is its seq.
    const rows = await repo.recordsAt(runId, shown.map((record) => run.records.indexOf(record)));
    rows.forEach((row, i) => {
      if (row.outcome.raw && trace.records[i]) trace.records[i].raw = row.outcome.raw;
    });
    return trace;
  }

  async function whatIfStored(run: RunResult, runId: string, toggles: RuleToggle[]): Promise<WhatIfSummary> {
    // A rule switched on that reads `raw` needs the raw records of its source; the others do not.
    const readsRaw = new Set(
      toggles
        .filter((t) => t.enabled && run.config.sources.find((s) => s.id === t.source)?.filters.some((f) => f.name === t.rule && /\braw\b/.test(f.when)))
        .map((t) => t.source),
    );
    let records = run.records;
    if (readsRaw.size > 0) {
      records = [...records];
      for (const source of readsRaw) {
        for (const [seq, raw] of await repo.rawOfSource(runId, source)) records[seq] = { ...records[seq], raw };
      }
    }
    const result = whatIf({ ...run, records }, toggles);
    const byId = new Map(run.roster.map((u) => [u.userId, u]));
    const removedExamples = result.removed.slice(0, WHAT_IF_EXAMPLES).map((id): WhatIfUser => {
      const user = byId.get(id);
      return { userId: id, key: user?.key ?? '', label: String(user?.attributes.display_name ?? user?.key ?? id) };
    });
    return {
      before: result.before,
      after: result.after,
      added: result.added.length,
      removed: result.removed.length,
      addedExamples: addedUsers(run, result.added.slice(0, WHAT_IF_EXAMPLES)),
      removedExamples,
      issues: result.issues,
    };
  }

  return {
    /** Runs one task; `progress` receives one-line progress messages while the run loads. */
    async run<T extends AuditTask>(task: T, progress: (message: string) => void = () => undefined): Promise<AuditAnswer<T>> {
      const run = await runOf(task.runId, progress);
      progress('Working…');
      switch (task.type) {
        case 'load':
          return { users: run.roster.length, records: run.records.length } as AuditAnswer<T>;
        case 'explain':
          return (await explainStored(run, task.runId, task.query)) as AuditAnswer<T>;
        case 'suggest-links':
          return suggestLinks(run) as AuditAnswer<T>;
        case 'key-advice':
          return keyAdvice(run) as AuditAnswer<T>;
        case 'what-if':
          return (await whatIfStored(run, task.runId, task.toggles)) as AuditAnswer<T>;
        default:
          throw new Error(`Unknown audit task ${(task as { type: string }).type}.`);
      }
    },
  };
}

/** Throws, with the numbers, when `query` matches more records than one person has (see EXPLAIN_MAX_RECORDS). */
function refuseBroad(run: RunResult, query: string, max: number): void {
  const q = query.trim().toLowerCase();
  if (q === '') return;
  const qKey = normalizeKey(query, run.config.join.normalize);
  const on = new Map<string, number>();
  let matched = 0;
  for (const record of run.records) {
    const why = matchOf(record, q, qKey);
    if (why === null) continue;
    matched++;
    on.set(why, (on.get(why) ?? 0) + 1);
  }
  if (matched <= max) return;
  const [top, topCount] = [...on].sort((a, b) => b[1] - a[1])[0];
  throw new Error(
    `“${query.trim()}” matches ${count.format(matched)} records (${count.format(topCount)} on ${top}): too many to trace one person. ` +
      'Quote something that names one person: an email, an employee id, a system id, or a first and last name.',
  );
}

/** Names the users a what-if adds: each comes from a primary record that did not make a user in the run
 * (filtered, duplicate), whose joining key hashes to the new user id. */
function addedUsers(run: RunResult, ids: string[]): WhatIfUser[] {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const found = new Map<string, WhatIfUser>();
  for (const record of run.records) {
    if (record.source !== run.config.primary || record.state === 'primary') continue;
    const key = normalizeKey(record.attributes[run.config.join.key], run.config.join.normalize);
    if (key === null) continue;
    const userId = userIdOf(key);
    if (wanted.has(userId) && !found.has(userId)) found.set(userId, { userId, key, label: String(record.attributes.display_name ?? key) });
  }
  return ids.map((id) => found.get(id) ?? { userId: id, key: '', label: id.slice(0, 12) });
}

export type AuditTasks = ReturnType<typeof createAuditTasks>;
