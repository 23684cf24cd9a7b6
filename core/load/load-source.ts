/**
 * Loads every file of one source: the pages of one export, read in the order the project lists them.
 * Adds the checks that need all pages at once: CSV pages whose header differs
 * from the first page's, and whether the pages add up to the whole export (next-page markers, SCIM
 * `totalResults`).
 */
import { invariant, type Issue } from '../issues';
import type { SourceConfig } from '../project/schema';
import type { InputFile, LoadedRecord } from '../types';
import { loadFileWithPaging, type FileLoad } from './load-file';
import type { LoadedFile, LoadOptions } from './load-types';
import { csvHeaderMismatch, scimIncomplete } from './messages';

/** All files of a source, their records concatenated in file order, and every issue. */
export interface LoadedSource {
  files: LoadedFile[];
  records: LoadedRecord[];
  /** Union of the files' columns, in first-seen order. */
  columns: string[];
  /** Every issue: each file's, then the source-level ones. */
  issues: Issue[];
}

/** The files in the order the source lists them; files it does not list keep their order, after those. */
export function inListedOrder<F extends { name: string }>(source: SourceConfig, files: readonly F[]): F[] {
  const rank = (f: F): number => {
    const i = source.files.indexOf(f.name);
    return i < 0 ? source.files.length : i;
  };
  return files
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Pages are complete when at least one JSON page has no next-page marker: that is the last page, so the
 * markers on the others only say "there is a next page", and it is there. Their warnings are dropped.
 */
export function withoutAnsweredMarkers<L extends Pick<LoadedFile, 'format' | 'issues'>>(loads: { loaded: L; paging: FileLoad['paging'] }[]): L[] {
  const hasLastPage =
    loads.length > 1 &&
    loads.some(
      (l) =>
        l.loaded.format !== 'csv' &&
        l.paging.markers.length === 0 &&
        !l.loaded.issues.some((i) => i.severity === 'error'),
    );
  if (!hasLastPage) return loads.map((l) => l.loaded);
  return loads.map((l) => ({
    ...l.loaded,
    issues: l.loaded.issues.filter((i) => i.code !== 'load.truncated'),
  }));
}

/** SCIM list responses: the resources of all pages should add up to `totalResults`. */
export function scimCheck(source: string, loads: { loaded: Pick<LoadedFile, 'file'>; paging: FileLoad['paging'] }[]): Issue[] {
  const pages = loads.filter((l) => l.paging.scim !== undefined);
  if (pages.length === 0) return [];
  const total = Math.max(...pages.map((l) => l.paging.scim?.totalResults ?? 0));
  const present = pages.reduce((sum, l) => sum + (l.paging.scim?.resources ?? 0), 0);
  return present < total
    ? [
        scimIncomplete(
          source,
          pages.map((l) => l.loaded.file),
          total,
          present,
        ),
      ]
    : [];
}

/** CSV pages whose columns differ from the first CSV page's. */
export function headerChecks(source: string, files: Pick<LoadedFile, 'file' | 'format' | 'columns'>[]): Issue[] {
  const csv = files.filter((f) => f.format === 'csv' && f.columns.length > 0);
  const first = csv[0];
  if (!first) return [];
  const firstSet = new Set(first.columns);
  return csv.slice(1).flatMap((f) => {
    const set = new Set(f.columns);
    const missing = first.columns.filter((c) => !set.has(c));
    const extra = f.columns.filter((c) => !firstSet.has(c));
    return missing.length || extra.length
      ? [csvHeaderMismatch({ source, file: f.file }, first.file, missing, extra)]
      : [];
  });
}

/**
 * Loads all files of a source. Never throws for bad input; `files` must all belong to the source.
 * Files the source lists but the host could not read are the host's to report (the pipeline does).
 */
export function loadSource(source: SourceConfig, files: InputFile[]): LoadedSource {
  for (const f of files)
    invariant(
      f.source === source.id,
      `file ${f.name} of source "${f.source}" passed to source "${source.id}"`,
    );
  const options: LoadOptions = {
    format: source.format,
    ...(source.csv ? { csv: source.csv } : {}),
    ...(source.json ? { json: source.json } : {}),
  };

  const loads = inListedOrder(source, files).map((f) => loadFileWithPaging(f, options));
  const loaded = withoutAnsweredMarkers(loads);
  const sourceIssues = [...scimCheck(source.id, loads), ...headerChecks(source.id, loaded)];

  const records: LoadedRecord[] = [];
  const columns = new Set<string>();
  for (const file of loaded) {
    // A loop, not push(...records): spreading a million elements overflows the call stack.
    for (const record of file.records) records.push(record);
    for (const column of file.columns) columns.add(column);
  }
  return {
    files: loaded,
    records,
    columns: [...columns],
    issues: [...loaded.flatMap((f) => f.issues), ...sourceIssues],
  };
}
