/**
 * The unification pipeline: the only file that chains the stages.
 *
 *   export files
 *       │ 1 load      core/load      bytes -> raw records with provenance (file, row); truncation warnings
 *       │ 2 map       core/map       raw record -> standard/custom attributes + external id
 *       │ 3 process   core/process   normalize email, geocode, password expiry, names
 *       │ 4 filter    core/filter    named exclude rules; every hit remembered
 *       │ 5 join      core/join      keys, duplicates, primary users, links, conflicts, merge with lineage
 *       │ 6 enable    core/enable    enablement reason and coverage per user
 *       ▼ 7 report    core/run       stats that add up to the records loaded
 *   RunResult
 *
 * Nothing here reads a file, a clock or a random source: the host passes the bytes, the dates and a
 * cancel signal in. User errors become a ProjectError carrying issues; nothing half-made is returned.
 */
import { CancelledError, ProjectError, type Issue } from './issues';
import type { InputFile, ProgressEvent, RecordOutcome, RosterUser, RunResult } from './types';
import type { Project, ProjectInput } from './project/schema';
import { validateProject } from './project/validate';
import { loadSource, fingerprint } from './load';
import { compileMapping, mapRecord } from './map';
import { applyProcessors, compileProcessors } from './process';
import { compileFilters, evaluateFilters } from './filter';
import { joinRecords } from './join/join';
import { Merger } from './join/merge';
import type { PreparedRecord } from './join/types';
import { compileEnablement } from './enable/enablement';
import { computeStats } from './run/stats';
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
}

const CHUNK = 20_000;

/** Runs a project over its input files. Throws ProjectError (with issues) for user errors,
 * CancelledError when the signal aborts. */
export async function runPipeline(inputs: InputFile[], projectInput: ProjectInput, options: PipelineOptions = {}): Promise<RunResult> {
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
  const sources = project.sources.map((s) => s.id);

  // 1 load
  const loaded = project.sources.map((source) => {
    const files = source.files.map((name) => inputs.find((f) => f.source === source.id && f.name === name));
    const missing = source.files.filter((_, i) => !files[i]);
    if (missing.length > 0) errors.push(...missing.map((name) => m.missingInput(source.id, name)));
    progress({ stage: 'load', source: source.id, done: 0 });
    const result = loadSource(source, files.filter((f): f is InputFile => f !== undefined));
    progress({ stage: 'load', source: source.id, done: result.records.length, total: result.records.length });
    return result;
  });
  for (const l of loaded) for (const issue of l.issues) (issue.severity === 'error' ? errors : warnings).push(issue);
  if (errors.length > 0) throw new ProjectError(errors);
  await checkpoint();

  // 2-4 compile mapping, processors and filters; any error stops the run before a record is touched
  const compiled = project.sources.map((source, i) => {
    const strict = loaded[i].files.every((f) => f.format === 'csv');
    const mapping = compileMapping(source, i, loaded[i].columns, strict);
    const mapped = Object.keys(source.mapping);
    const processors = compileProcessors(source.processors, `sources[${i}].processors`, { source: source.id, mapped });
    const produced = [...mapped, ...processors.processors.flatMap((p) => p.outputs)];
    const filters = compileFilters(source.filters, `sources[${i}].filters`, { source: source.id, attributes: produced });
    for (const issue of [...mapping.issues, ...processors.issues, ...filters.issues]) {
      (issue.severity === 'error' ? errors : warnings).push({ ...issue, source: issue.source ?? source.id });
    }
    return { mapping: mapping.mapping, processors: processors.processors, filters: filters.filters };
  });
  const enablement = compileEnablement(project.enablement, project.join.normalize);
  errors.push(...enablement.issues.filter((i) => i.severity === 'error'));
  const enabler = enablement.enabler;
  if (errors.length > 0 || !enabler) throw new ProjectError(errors);
  const asOf = options.asOf ?? project.asOf ?? newestDate(inputs) ?? options.today ?? '1970-01-01';

  const prepared: PreparedRecord[] = [];
  const raws: Record<string, unknown>[] = [];
  for (let s = 0; s < project.sources.length; s++) {
    const { mapping, processors, filters } = compiled[s];
    const records = loaded[s].records;
    if (!mapping) continue;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      const mapped = mapRecord(mapping, record);
      const attributes = applyProcessors(processors, mapped.attributes, { asOf, at: record });
      const filterRules = evaluateFilters(filters, attributes, record.raw, record);
      if (options.keepRaw) raws.push(record.raw);
      prepared.push({ index: prepared.length, source: record.source, file: record.file, row: record.row, attributes, externalId: mapped.externalId, filterRules });
      if ((i + 1) % CHUNK === 0) {
        progress({ stage: 'map', source: sources[s], done: i + 1, total: records.length });
        await checkpoint();
      }
    }
    progress({ stage: 'filter', source: sources[s], done: records.length, total: records.length });
    warnings.push(...mapping.flushIssues(), ...processors.flushIssues(), ...filters.flushIssues());
  }
  await checkpoint();

  // 5 join and merge
  progress({ stage: 'join', done: 0, total: prepared.length });
  const joined = joinRecords(prepared, { primary: project.primary, sources, join: project.join });
  progress({ stage: 'join', done: prepared.length, total: prepared.length });
  await checkpoint();

  // 6 enable and coverage
  const merger = new Merger(project);
  const roster: RosterUser[] = joined.users.map((user) => {
    const merged = merger.merge(user);
    const decision = enabler({ key: merged.key, attributes: merged.attributes });
    return { ...merged, enabled: decision.enabled, enabledReason: decision.reason, lifecycle: 'active' };
  });
  progress({ stage: 'enable', done: roster.length, total: roster.length });

  // 7 report
  const records: RecordOutcome[] = prepared.map((r) => {
    const decision = joined.decisions[r.index];
    const outcome: RecordOutcome = { source: r.source, file: r.file, row: r.row, externalId: r.externalId, filterRules: r.filterRules, attributes: r.attributes, ...decision };
    if (options.keepRaw) outcome.raw = raws[r.index];
    return outcome;
  });
  const inputsByName = new Map(loaded.flatMap((l) => l.files.map((f) => [f.file, f] as const)));
  const fingerprints = inputs.map((f) => {
    const file = inputsByName.get(f.name);
    return { source: f.source, file: f.name, size: f.bytes.length, sha256: f.sha256 ?? fingerprint(f.bytes), format: file?.format ?? 'csv', records: file?.records.length ?? 0, modified: f.modified };
  });
  const stats = computeStats(sources, records, roster, joined.conflicts);
  progress({ stage: 'report', done: records.length, total: records.length });
  return { projectName: project.name, asOf, config: project, inputs: fingerprints, stats, warnings, roster, records, conflicts: joined.conflicts };
}

/** The newest input file's modified date (YYYY-MM-DD), when the host gave modified times. */
function newestDate(inputs: InputFile[]): string | undefined {
  const dates = inputs.map((f) => f.modified?.slice(0, 10)).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d));
  return dates.sort().at(-1);
}
