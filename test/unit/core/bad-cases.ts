/** The bad-input corpus's expectations (test/fixtures/bad/expected.json) and the check of one issue
 * against them, shared by the core and CLI corpus tests (issue 8). */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Issue } from '../../../core/issues';
import type { SourceConfig } from '../../../core/project/schema';

export const BAD_DIR = resolve(import.meta.dirname, '../../fixtures/bad');

/** One entry of expected.json. */
export interface BadCase {
  kind?: 'data' | 'project';
  description: string;
  /** Data files: the source's externalId, mapping and options instead of the defaults. */
  source?: Partial<SourceConfig>;
  code: string;
  severity: Issue['severity'];
  row?: number;
  column?: string;
  key?: string;
  message: string;
  fix: string;
  /** What the CLI reports instead, where it reads files itself. */
  cli?: { code: string; message: string; fix: string };
  notes: string;
}

export const expected = JSON.parse(readFileSync(join(BAD_DIR, 'expected.json'), 'utf8')) as { cases: Record<string, BadCase> };
/** Checks the issue a case expects: code, severity, place, message and fix. */
export function expectIssue(issues: readonly Issue[], c: Pick<BadCase, 'code' | 'severity' | 'row' | 'column' | 'key' | 'message' | 'fix'>): Issue {
  const message = new RegExp(c.message, 's');
  const found = issues.find((i) => i.code === c.code && message.test(i.message));
  expect(found, `an issue ${c.code} matching /${c.message}/ among\n${issues.map((i) => `${i.code}: ${i.message}`).join('\n')}`).toBeDefined();
  const issue = found as Issue;
  expect(issue.severity).toBe(c.severity);
  expect(issue.fix ?? '').toMatch(new RegExp(c.fix));
  if (c.row !== undefined) expect(issue.row).toBe(c.row);
  if (c.column !== undefined) expect(issue.column).toBe(c.column);
  if (c.key !== undefined) expect(issue.key).toBe(c.key);
  return issue;
}

