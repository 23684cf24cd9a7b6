/**
 * The unification pipeline: the only file that chains the stages.
 *
 *   export files (read in chunks)
 *       │ per source, streamed (prepareSource; a host may run sources in parallel):
 *       │ 1 load      core/load      bytes -> raw records with provenance (file, row); truncation warnings
 *       │ 2 map       core/map       raw record -> standard/custom attributes + external id
 *       │ 3 process   core/process   normalize email, geocode, password expiry, names
 *       │ 4 filter    core/filter    named exclude rules; every hit remembered
 *       │             core/join/store.ts  each record kept as a few columns (no object per record)
 *       │ 5 join      core/join      keys, duplicates, primary users, links, conflicts, merge with lineage
 *       │ 6 enable    core/enable    enablement reason and coverage per user
 *       ▼ 7 report    core/run       stats that add up to the records loaded
 *   RunResult (runPipeline) or LeanRun (runPipelineLean: records written out on demand)
 *
 * Nothing here reads a file, a clock or a random source: the host passes the bytes, the dates and a
 * cancel signal in. User errors become a ProjectError carrying issues; nothing half-made is returned.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CancelledError, ProjectError, type Issue } from './issues';
import type { ChunkedInput, FileFormat, InputFile, InputFingerprint, ProgressEvent, RawRecord, RecordOutcome, RosterUser, RunResult } from './types';
import type { Project, ProjectInput } from './project/schema';
import { validateProject } from './project/validate';
import { fingerprint, loadSource } from './load';
import { chunkedInput, wholeFile } from './load/stream/input';
import { OpenedSource } from './load/stream/open-source';
import { NeedsWholeFile, type RecordBatch } from './load/stream/types';
import { compileMapping, mapRecord } from './map';
import { applyProcessorsInPlace, compileProcessors } from './process';
import { compileFilters, evaluateFilters } from './filter';
import { joinStores, type CompactJoin } from './join/compact';
import { StoreMerger, type StoreLink } from './join/merge';
import { DecisionWriter } from './join/outcomes';
import { StoreBuilder, fileIndexOf, type KeepAttributes, type SourceStore } from './join/store';
import { packedAt } from './join/packed';
import { userIdOf } from './join/user-id';
import { compileEnablement, type Enabler } from './enable/enablement';
import { computeStoreStats } from './run/stats';
import type { RunParts } from './run/stream';
import { pipelineMessages as m } from './run/messages';

/** What a host passes to cancel a run: an AbortSignal fits (core has no DOM or Node types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface PipelineOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: CancelSignal;
  /** Overrides the project's asOf (YYYY-MM-DD). */
  asOf?: string;
  /** Today's date (YYYY-MM-DD) from the host's clock: the asOf of last resort. */
  today?: string;
  /** Keep each raw record on its outcome (for explain and the record views; costs memory). */
  keepRaw?: boolean;
  /** Lets the host's event loop breathe between chunks (so a cancel can arrive). */
  yieldControl?: () => Promise<void>;
  /** SHA-256 hex of a normalized key (the user id) from the host's native hash; default @noble/hashes.
   * Must equal userIdOf (core/join/user-id.ts) for every key. */
  hashKey?: (key: string) => string;
  /** Prepares one source somewhere else (the CLI: a worker thread per source, both cores busy); default
   * here, one source after the other. The host reads the source's files itself. */
  prepare?: (job: PrepareJob) => Promise<PreparedSource>;
}

/** Records between progress events and cancel checks. */
const CHUNK = 20_000;

// ---------------------------------------------------------------------------------------------------
// Stages 1-4, one source: load -> map -> process -> filter -> store.

/** One source to prepare: everything a worker needs besides the files (all plain data). */
export interface PrepareJob {
  project: Project;
  /** Index of the source in project.sources. */
  source: number;
  asOf: string;
  keepRaw: boolean;
  keep: KeepAttributes;
}

/** A prepared source: its store (null when it could not be mapped) and its issues, by kind. */
export interface PreparedSource {
  store: SourceStore | null;
  /** As loadSource reports them: each file's, then the source's. */
  loadIssues: Issue[];
  /** Mapping, processors and filters of the source, compiled. */
  compileIssues: Issue[];
  /** Counted while mapping (uncoercible values, expressions failing on some records...). */
  runIssues: Issue[];
  files: { file: string; format: FileFormat; records: number }[];
}

/** Hooks of prepareSource: progress events and a cancel check between batches. */
export interface PrepareHooks {
  progress?: (event: ProgressEvent) => void;
  checkpoint?: () => Promise<void>;
}

/**
 * Stages 1-4 for one source: its files are streamed (core/load/stream) and every record is mapped,
 * processed and filtered as it arrives, so the source never exists as text or raw records. A file the
 * streaming reader cannot settle alone is loaded whole (loadSource) and the source starts over that way.
 */
export async function prepareSource(job: PrepareJob, inputs: readonly ChunkedInput[], hooks: PrepareHooks = {}): Promise<PreparedSource> {
  const source = job.project.sources[job.source];
  try {
    const opened = await OpenedSource.open(source, inputs);
    return await mapSource(job, opened.columns, opened.allCsv, opened.batches(), hooks, () => {
      const done = opened.finish(source.id);
      return { issues: done.issues, files: done.files.map((f) => ({ file: f.file, format: f.format, records: f.count })) };
    });
  } catch (error) {
    if (!(error instanceof NeedsWholeFile)) throw error;
  }
  const loaded = loadSource(source, await Promise.all(inputs.map(wholeFile)));
  const files = loaded.files.map((f) => ({ file: f.file, format: f.format, records: f.records.length }));
  if (loaded.issues.some((i) => i.severity === 'error')) return { store: null, loadIssues: loaded.issues, compileIssues: [], runIssues: [], files };
  async function* batches(): AsyncGenerator<{ file: string; batch: RecordBatch }> {
    for (const f of loaded.files) yield { file: f.file, batch: { raws: f.records.map((r) => r.raw), rows: f.records.map((r) => r.row) } };
  }
  const allCsv = loaded.files.every((f) => f.format === 'csv');
  return mapSource(job, loaded.columns, allCsv, batches(), hooks, () => ({ issues: loaded.issues, files }));
}

async function mapSource(
  job: PrepareJob,
  columns: string[],
  allCsv: boolean,
  batches: AsyncGenerator<{ file: string; batch: RecordBatch }>,
  hooks: PrepareHooks,
  finish: () => { issues: Issue[]; files: PreparedSource['files'] },
): Promise<PreparedSource> {
  const { project, asOf } = job;
  const i = job.source;
  const source = project.sources[i];
  // 2-4 compile mapping, processors and filters; an error stops the run before a record is used.
  const mapping = compileMapping(source, i, columns, allCsv);
  const mapped = Object.keys(source.mapping);
  const processors = compileProcessors(source.processors, `sources[${i}].processors`, { source: source.id, mapped });
  const produced = [...mapped, ...processors.processors.flatMap((p) => p.outputs)];
  const filters = compileFilters(source.filters, `sources[${i}].filters`, { source: source.id, attributes: produced });
  const compileIssues = [...mapping.issues, ...processors.issues, ...filters.issues].map((issue) => ({ ...issue, source: issue.source ?? source.id }));
  const compiled = mapping.mapping;

  const builder = new StoreBuilder(source.id, project.join, job.keep, job.keepRaw);
  const cursor = { source: source.id, file: '', row: 0, raw: {} as RawRecord };
  let done = 0;
  let reported = 0;
  for await (const { file, batch } of batches) {
    if (!compiled) continue; // read on: a load error further down is reported before this one
    builder.file(file);
    cursor.file = file;
    const { raws, rows } = batch;
    for (let r = 0; r < raws.length; r++) {
      cursor.row = rows[r];
      cursor.raw = raws[r];
      const record = mapRecord(compiled, cursor);
      const attributes = applyProcessorsInPlace(processors.processors, record.attributes, { asOf, at: cursor });
      const hits = evaluateFilters(filters.filters, attributes, cursor.raw, cursor);
      builder.add(cursor.row, record.externalId, hits, attributes, cursor.raw);
    }
    done += raws.length;
    if (done - reported >= CHUNK) {
      reported = done;
      hooks.progress?.({ stage: 'map', source: source.id, done });
      await hooks.checkpoint?.();
    }
  }
  const loaded = finish();
  hooks.progress?.({ stage: 'filter', source: source.id, done, total: done });
  const runIssues = compiled ? [...compiled.flushIssues(), ...processors.processors.flushIssues(), ...filters.filters.flushIssues()] : [];
  return { store: compiled ? builder.finish() : null, loadIssues: loaded.issues, compileIssues, runIssues, files: loaded.files };
}

// ---------------------------------------------------------------------------------------------------
// Stages 5-7 over the stores.

/**
 * A run whose roster users and record outcomes are built when asked for, one at a time, from compact
 * stores: what `runPipelineLean` returns. A million users in four sources never exist as a million
 * RosterUser and four million RecordOutcome objects at once.
 */
export interface LeanRun {
  /** Everything a RunResult has but its roster and records. */
  result: Omit<RunResult, 'roster' | 'records'>;
  userCount: number;
  /** Every roster user, in order, built anew on each call (the same users a RunResult's roster holds). */
  users(): Generator<RosterUser>;
  recordCount: number;
  /** Every record's outcome without `attributes` (records.csv's columns), in order. */
  recordRows(): Generator<RecordRow>;
}

/** A record's outcome without its attributes and raw record. */
export type RecordRow = Omit<RecordOutcome, 'attributes' | 'raw'>;

interface Joined {
  project: Project;
  asOf: string;
  warnings: Issue[];
  stores: SourceStore[];
  joined: CompactJoin;
  fingerprints: InputFingerprint[];
  writer: DecisionWriter;
  users: () => Generator<RosterUser>;
}

/** Runs a project over its input files. Throws ProjectError (with issues) for user errors,
 * CancelledError when the signal aborts. */
export async function runPipeline(inputs: InputFile[], projectInput: ProjectInput, options: PipelineOptions = {}): Promise<RunResult> {
  const run = await runStores(inputs.map((f) => chunkedInput(f)), projectInput, options, false);
  const records = [...outcomesOf(run)];
  const roster = [...run.users()];
  return { ...headerOf(run, roster), roster, records };
}

/** Every record's full outcome (attributes, and the raw record when kept), in order, built as read. */
function* outcomesOf(run: Joined): Generator<RecordOutcome> {
  for (let s = 0; s < run.stores.length; s++) {
    const store = run.stores[s];
    let fileAt = 0;
    for (let i = 0; i < store.count; i++) {
      fileAt = fileIndexOf(store, i, fileAt);
      const rules = store.ruleSets[store.ruleSet[i]];
      const decision = run.writer.decision(s, i);
      const outcome: RecordOutcome = {
        source: store.source,
        file: store.files[fileAt],
        row: store.rows[i],
        externalId: packedAt(store.externalIds, i),
        filterRules: rules.length === 0 ? [] : [...rules],
        attributes: store.attributes[i] as RecordOutcome['attributes'],
        state: decision.state,
        key: decision.key,
        matchedBy: decision.matchedBy,
        userId: decision.userId,
        detail: decision.detail,
      };
      const raw = store.raws?.[i];
      if (raw) outcome.raw = raw;
      yield outcome;
    }
  }
}

/** A full run (every attribute, raw records when kept) whose roster users and record outcomes are built
 * when read, a chunk at a time: what the browser edition's worker streams to the page, so a run never
 * exists there as arrays of every user and every record at once (issue 6). Reading `users()` twice
 * builds them twice; the stats in `result` were computed from one such pass. */
export interface StreamedRun {
  result: Omit<RunResult, 'roster' | 'records'>;
  users(): Generator<RosterUser>;
  records(): Generator<RecordOutcome>;
  /** The run as the run stream's parts (core/run/stream.ts), users and records still to be built. */
  parts(): RunParts;
}

/** runPipeline, with the roster and records left to be read from the returned generators. */
export async function runPipelineStreamed(inputs: InputFile[], projectInput: ProjectInput, options: PipelineOptions = {}): Promise<StreamedRun> {
  const run = await runStores(inputs.map((f) => chunkedInput(f)), projectInput, options, false);
  const result = headerOf(run, run.users());
  const records = () => outcomesOf(run);
  const { conflicts, ...header } = result;
  return { result, users: run.users, records, parts: () => ({ header, roster: run.users(), records: records(), conflicts }) };
}

/**
 * runPipeline for the largest exports (issue 6): files are read in chunks, only the attributes the roster
 * needs are kept, and roster users and record outcomes are built when asked for, not held. The CLI uses it.
 */
export async function runPipelineLean(inputs: ChunkedInput[], projectInput: ProjectInput, options: PipelineOptions = {}): Promise<LeanRun> {
  const run = await runStores(inputs, projectInput, options, true);
  const recordCount = run.stores.reduce((n, s) => n + s.count, 0);
  function* recordRows(): Generator<RecordRow> {
    for (let s = 0; s < run.stores.length; s++) {
      const store = run.stores[s];
      let fileAt = 0;
      for (let i = 0; i < store.count; i++) {
        fileAt = fileIndexOf(store, i, fileAt);
        const decision = run.writer.decision(s, i);
        yield {
          source: store.source,
          file: store.files[fileAt],
          row: store.rows[i],
          externalId: packedAt(store.externalIds, i),
          filterRules: store.ruleSets[store.ruleSet[i]],
          state: decision.state,
          key: decision.key,
          matchedBy: decision.matchedBy,
          userId: decision.userId,
          detail: decision.detail,
        };
      }
    }
  }
  return { result: headerOf(run, run.users()), userCount: run.joined.users.count, users: run.users, recordCount, recordRows };
}

function headerOf(run: Joined, roster: Iterable<RosterUser>): Omit<RunResult, 'roster' | 'records'> {
  const sources = run.project.sources.map((s) => s.id);
  const stats = computeStoreStats(sources, run.stores, run.joined.decisions, roster, run.joined.conflicts);
  return { projectName: run.project.name, asOf: run.asOf, config: run.project, inputs: run.fingerprints, stats, warnings: run.warnings, conflicts: run.joined.conflicts };
}

async function runStores(inputs: ChunkedInput[], projectInput: ProjectInput, options: PipelineOptions, lean: boolean): Promise<Joined> {
  const progress = options.onProgress ?? (() => undefined);
  const checkpoint = async () => {
    if (options.yieldControl) await options.yieldControl();
    if (options.signal?.aborted) throw new CancelledError();
  };
  const validated = validateProject(projectInput);
  if (!validated.project) throw new ProjectError(validated.issues);
  const project: Project = validated.project;
  const warnings: Issue[] = validated.issues.filter((i) => i.severity !== 'error');
  const errors: Issue[] = [];
  const asOf = options.asOf ?? project.asOf ?? newestDate(inputs) ?? options.today ?? '1970-01-01';

  // 1-4 every source, into a store
  const jobs = project.sources.map((source, i): PrepareJob => {
    const named = source.files.map((name) => inputs.find((f) => f.source === source.id && f.name === name));
    errors.push(...source.files.filter((_, k) => !named[k]).map((name) => m.missingInput(source.id, name)));
    return { project, source: i, asOf, keepRaw: options.keepRaw === true, keep: keepOf(project, i, lean) };
  });
  const filesOf = (job: PrepareJob) => {
    const source = project.sources[job.source];
    return source.files.map((name) => inputs.find((f) => f.source === source.id && f.name === name)).filter((f): f is ChunkedInput => f !== undefined);
  };
  for (const source of project.sources) progress({ stage: 'load', source: source.id, done: 0 });
  const prepared = options.prepare
    ? await Promise.all(jobs.map((job) => (options.prepare as (j: PrepareJob) => Promise<PreparedSource>)(job)))
    : await sequential(jobs, (job) => prepareSource(job, filesOf(job), { progress, checkpoint }));
  await checkpoint();
  for (const p of prepared) for (const issue of p.loadIssues) (issue.severity === 'error' ? errors : warnings).push(issue);
  if (errors.length > 0) throw new ProjectError(errors);
  for (const p of prepared) for (const issue of p.compileIssues) (issue.severity === 'error' ? errors : warnings).push(issue);
  const enablement = compileEnablement(project.enablement, project.join.normalize);
  errors.push(...enablement.issues.filter((i) => i.severity === 'error'));
  const enabler = enablement.enabler;
  if (errors.length > 0 || !enabler) throw new ProjectError(errors);
  for (const p of prepared) warnings.push(...p.runIssues);
  const stores = prepared.map((p) => p.store as SourceStore);

  // 5 join
  const total = stores.reduce((n, s) => n + s.count, 0);
  progress({ stage: 'join', done: 0, total });
  const joined = joinStores(stores, { primary: project.primary, join: project.join, userId: options.hashKey ?? userIdOf });
  progress({ stage: 'join', done: total, total });
  await checkpoint();

  // 6 merge, enable and coverage: per user, when the roster is read
  const users = rosterOf(project, stores, joined, enabler, lean);
  progress({ stage: 'enable', done: joined.users.count, total: joined.users.count });

  // 7 report
  const byName = new Map(prepared.flatMap((p) => p.files.map((f) => [f.file, f] as const)));
  const fingerprints: InputFingerprint[] = [];
  for (const f of inputs) {
    const file = byName.get(f.name);
    fingerprints.push({ source: f.source, file: f.name, size: f.size, sha256: await sha256Of(f), format: file?.format ?? 'csv', records: file?.records ?? 0, modified: f.modified });
  }
  progress({ stage: 'report', done: total, total });
  return { project, asOf, warnings, stores, joined, fingerprints, writer: new DecisionWriter(joined, stores, project.join, project.primary), users };
}

/** The attributes a store keeps: all for a full result; for a lean one the primary's, and of the other
 * sources those precedence (`attributes`) may take from them. */
function keepOf(project: Project, index: number, lean: boolean): KeepAttributes {
  const id = project.sources[index].id;
  if (!lean || id === project.primary) return { all: true };
  return { all: false, names: Object.entries(project.attributes).filter(([, order]) => order.includes(id)).map(([name]) => name) };
}

async function sequential<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}

/** Stage 6: the roster users, merged, enabled and covered from the stores, on each call anew. A lean
 * run shares equal lineage objects between users (read-only). */
function rosterOf(project: Project, stores: SourceStore[], joined: CompactJoin, enabler: Enabler, lean: boolean): () => Generator<RosterUser> {
  const merger = new StoreMerger(project, lean);
  const primary = stores[joined.primary];
  const matchedBy = (code: number) => (code === 1 ? project.join.key : project.join.fallbackKeys[code - 2]);
  const reasons = new Map<string, string>();
  return function* users(): Generator<RosterUser> {
    const fileHints = stores.map(() => 0);
    const links: StoreLink[] = [];
    for (let u = 0; u < joined.users.count; u++) {
      const p = joined.users.primary[u];
      const key = joined.users.keys[u];
      fileHints[joined.primary] = fileIndexOf(primary, p, fileHints[joined.primary]);
      links.length = 0;
      for (let s = 0; s < stores.length; s++) {
        const linked = joined.links[s];
        if (!linked || linked[u] < 0) continue;
        const store = stores[s];
        const i = linked[u];
        const dec = joined.decisions[s];
        const from = dec.keyFrom[i];
        links.push({
          source: store.source,
          attributes: store.columns ? null : store.attributes[i],
          columns: store.columns,
          row: i,
          identity: {
            id: packedAt(store.externalIds, i),
            key: (from === 0 ? store.keys[i] : store.fallbacks[from - 1][i]) as string,
            matchedBy: matchedBy(dec.matchedBy[i]),
            file: store.files[fileIndexOf(store, i)],
            row: store.rows[i],
          },
        });
      }
      const attributes = primary.attributes[p] ?? {};
      const identity = { id: packedAt(primary.externalIds, p), key, matchedBy: project.join.key, file: primary.files[fileHints[joined.primary]], row: primary.rows[p] };
      const merged = merger.merge(packedAt(joined.users.ids, u) as string, key, attributes, identity, links);
      const decision = enabler({ key: merged.key, attributes: merged.attributes });
      let reason = reasons.get(decision.reason);
      if (reason === undefined) {
        reason = decision.reason;
        if (reasons.size < 100_000) reasons.set(reason, reason);
      }
      // A literal, not a spread of `merged`: V8 gives every spread copy a hidden class of its own.
      yield {
        userId: merged.userId,
        key: merged.key,
        attributes: merged.attributes,
        lineage: merged.lineage,
        identities: merged.identities,
        coverage: merged.coverage,
        enabled: decision.enabled,
        enabledReason: reason,
        lifecycle: 'active',
      };
    }
  };
}

/** SHA-256 of an input: the host's, else hashed here (from its bytes, or read once more). */
async function sha256Of(input: ChunkedInput): Promise<string> {
  if (input.sha256) return input.sha256();
  if (input.bytes) return fingerprint(input.bytes);
  const hash = sha256.create();
  for await (const chunk of input.read()) hash.update(chunk);
  return bytesToHex(hash.digest());
}

/** The newest input file's modified date (YYYY-MM-DD), when the host gave modified times. */
function newestDate(inputs: readonly { modified?: string }[]): string | undefined {
  const dates = inputs.map((f) => f.modified?.slice(0, 10)).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d));
  return dates.sort().at(-1);
}
