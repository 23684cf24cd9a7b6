/**
 * Bad inputs too large to commit, generated here (issue 8): a 200 MB file on a single line, and projects
 * with 10,000 filters. Each must end quickly with one clear message, not hang or flood the user.
 */
import { describe, expect, it } from 'vitest';
import { ProjectError, type Issue } from '../../../core/issues';
import { runPipeline } from '../../../core/pipeline';
import type { ProjectInput } from '../../../core/project/schema';
import { expectIssue } from './bad-cases';

const MB = 1024 * 1024;

/** `size` bytes of `header` then `unit` repeated, without a single line break. */
function oneLine(header: string, unit: string, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const head = new TextEncoder().encode(header);
  bytes.set(head);
  const pattern = new TextEncoder().encode(unit);
  let at = head.length;
  // Doubling copies: 200 MB in a few dozen copyWithin calls.
  for (; at < head.length + pattern.length && at < size; at++) bytes[at] = pattern[(at - head.length) % pattern.length];
  while (at < size) {
    const n = Math.min(at - head.length, size - at);
    bytes.copyWithin(at, head.length, head.length + n);
    at += n;
  }
  return bytes;
}

async function issuesOf(run: Promise<unknown>): Promise<Issue[]> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ProjectError) return error.issues;
    throw error;
  }
  throw new Error('the run succeeded');
}

const hr = (extra: Partial<ProjectInput['sources'][number]> = {}): ProjectInput => ({
  name: 'generated',
  asOf: '2026-11-02',
  primary: 'hr',
  sources: [{ id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'Id', mapping: { email: 'Email', department: 'Dept' }, ...extra }],
});
const hrCsv = new TextEncoder().encode('Id,Email,Dept\n1,ann@acme.com,IT\n2,bob@acme.com,Sales\n');

describe('generated bad inputs', () => {
  it('a 200 MB file on a single line stops at once with an error that says so (it hung for minutes, issue 8)', async () => {
    const bytes = oneLine('Id,Email,Dept,', 'ann.lee@acme.com,', 200 * MB);
    const started = Date.now();
    const issues = await issuesOf(runPipeline([{ source: 'hr', name: 'one-line.csv', bytes }], { ...hr(), sources: [{ ...hr().sources[0], files: ['one-line.csv'] }] }));
    expect(Date.now() - started).toBeLessThan(20_000);
    expectIssue(issues, {
      code: 'csv.no-line-break',
      severity: 'error',
      row: 1,
      message: '^one-line\\.csv has no line break in its first 1 MB \\(200 MB in all\\), so it is not a CSV file with a header line and one record per line\\.$',
      fix: 'Export the file again as CSV \\(one record per line\\)\\. If it is JSON, name it \\.json or set format "json" for source "hr"\\.',
    });
  }, 60_000);

  it('10,000 filters with one name give one error, not 9,999', async () => {
    const filters = Array.from({ length: 10_000 }, () => ({ name: 'bots', when: 'department == "Bots"' }));
    const started = Date.now();
    const issues = await issuesOf(runPipeline([{ source: 'hr', name: 'hr.csv', bytes: hrCsv }], hr({ filters })));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(issues).toHaveLength(1);
    expectIssue(issues, {
      code: 'project.duplicate-filter',
      severity: 'error',
      key: 'sources[0].filters[1].name',
      message: '^sources\\[0\\]\\.filters\\[1\\]\\.name: filter name "bots" is used 10000 times in this source$',
      fix: 'Give each filter its own name',
    });
  });

  it('10,000 distinct filters run in bounded time', async () => {
    const filters = Array.from({ length: 10_000 }, (_, i) => ({ name: `rule-${i}`, when: `department == "D${i}"` }));
    const started = Date.now();
    const result = await runPipeline([{ source: 'hr', name: 'hr.csv', bytes: hrCsv }], hr({ filters }));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.roster).toHaveLength(2);
  }, 30_000);
});
