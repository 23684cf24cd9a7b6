/**
 * The bad-input corpus (issue 8): every file under test/fixtures/bad is a realistic failure, and
 * expected.json says which issue it must produce: code, severity, where (row, column, key) and regular
 * expressions over the exact message and fix. Data files run as the only file of a source; project files
 * run as they are. Nothing may throw anything but a ProjectError, and an error always stops the run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectError, type Issue } from '../../../core/issues';
import { loadSource } from '../../../core/load';
import { runPipeline } from '../../../core/pipeline';
import { parseProjectText } from '../../../core/project/validate';
import type { ProjectInput, SourceConfig } from '../../../core/project/schema';
import type { InputFile } from '../../../core/types';
import { BAD_DIR, expectIssue, expected, type BadCase } from './bad-cases';

const corpus = readdirSync(BAD_DIR).filter((name) => name !== 'expected.json' && name !== 'good');

/** The issues of a run: its warnings when it succeeds, the ProjectError's issues when it stops. */
async function runIssues(inputs: InputFile[], project: ProjectInput): Promise<{ ok: boolean; issues: Issue[] }> {
  try {
    const result = await runPipeline(inputs, project);
    return { ok: true, issues: result.warnings };
  } catch (error) {
    if (error instanceof ProjectError) return { ok: false, issues: error.issues };
    throw error;
  }
}

function dataSource(name: string, c: BadCase): SourceConfig {
  const json = /\.(json|ndjson)$/.test(name);
  return {
    id: 'hr',
    system: 'hris',
    files: [name],
    format: 'auto',
    externalId: json ? 'id' : 'Id',
    mapping: { email: json ? 'email' : 'Email' },
    processors: [],
    filters: [],
    ...c.source,
  } as SourceConfig;
}

async function issuesOfData(name: string, c: BadCase): Promise<{ ok: boolean; issues: Issue[] }> {
  const bytes = new Uint8Array(readFileSync(join(BAD_DIR, name)));
  const source = dataSource(name, c);
  return runIssues([{ source: 'hr', name, bytes }], { name: 'bad', asOf: '2026-11-02', primary: 'hr', sources: [source] });
}

/** A project file as a host runs it: parsed and validated, then run over the files it names that exist. */
async function issuesOfProject(name: string): Promise<{ ok: boolean; issues: Issue[] }> {
  const parsed = parseProjectText(readFileSync(join(BAD_DIR, name), 'utf8'), name);
  if (!parsed.project) return { ok: false, issues: parsed.issues };
  const inputs = parsed.project.sources.flatMap((source) =>
    source.files.flatMap((file): InputFile[] => {
      try {
        return [{ source: source.id, name: file, bytes: new Uint8Array(readFileSync(join(dirname(join(BAD_DIR, name)), file))) }];
      } catch {
        return [];
      }
    }),
  );
  return runIssues(inputs, parsed.project);
}

describe('the bad-input corpus', () => {
  it('has at least 30 files, each with an expectation, and no expectation without a file', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect([...corpus].sort()).toEqual(Object.keys(expected.cases).sort());
  });

  const cases = Object.entries(expected.cases).map(([file, c]) => ({ file, ...c }));
  it.each(cases)('$file: $description -> $code', async (c) => {
    const { ok, issues } = c.kind === 'project' ? await issuesOfProject(c.file) : await issuesOfData(c.file, c);
    const issue = expectIssue(issues, c);
    // An error stops the run; nothing half-made comes back.
    if (issue.severity === 'error') expect(ok).toBe(false);
    // Where the issue is: a data file's message names the file (or, for mapping issues, the key and file).
    if (c.kind !== 'project') expect(issue.message).toContain(c.file);
  });

  // The streaming loader (runPipeline) and the whole-file loader must report a broken file alike.
  const loadCases = cases.filter((c) => c.kind !== 'project' && /^(load|csv|json|ndjson)\./.test(c.code));
  it.each(loadCases)('$file: the whole-file loader reports $code too', (c) => {
    const bytes = new Uint8Array(readFileSync(join(BAD_DIR, c.file)));
    const loaded = loadSource(dataSource(c.file, c), [{ source: 'hr', name: c.file, bytes }]);
    expectIssue(loaded.issues, c);
  });
});
