/**
 * Fuzzing the project schema (issue 8): validateProject on random JSON and on valid projects with keys
 * replaced by random values, parseProjectText on mutated project text, and the pipeline on the projects
 * that pass. Nothing throws but a ProjectError; every issue names its key (or file) and says what to do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProjectError, type Issue } from '../../../core/issues';
import { runPipeline } from '../../../core/pipeline';
import { parseProjectText, validateProject } from '../../../core/project/validate';

const BOUND_MS = 1_000;
const RUNS = 4_000;

const base = {
  name: 'Fuzz',
  asOf: '2026-11-02',
  primary: 'hr',
  join: { key: 'email', fallbackKeys: ['employee_id'], normalize: ['trim', 'lower'], duplicatePolicy: 'first' },
  enablement: { mode: 'rule', rule: 'department != "Sales"' },
  deletion: { windowDays: 7, safeguardCount: 500, safeguardShare: 0.2 },
  attributes: { department: ['hr'] },
  sources: [
    {
      id: 'hr',
      system: 'hris',
      files: ['hr.csv'],
      externalId: 'Id',
      mapping: { email: 'Email', employee_id: 'Id', department: 'Dept' },
      processors: [{ type: 'normalize-email' }],
      filters: [{ name: 'bots', when: 'matches(email, "^svc-")' }],
    },
    { id: 'chat', system: 'chat', files: ['chat.json'], externalId: 'id', mapping: { email: 'profile.email' } },
  ],
};
const inputs = [
  { source: 'hr', name: 'hr.csv', bytes: new TextEncoder().encode('Id,Email,Dept\n1,ann@acme.com,IT\n2,svc-x@acme.com,Sales\n') },
  { source: 'chat', name: 'chat.json', bytes: new TextEncoder().encode('[{"id":"U1","profile":{"email":"ann@acme.com"}}]') },
];

/** Every path to a value in the base project, to replace one of them. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}
const PATHS = paths(base).filter((p) => p.length > 0);

function withValue(path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) Reflect.deleteProperty(at, last);
  else at[last] = value;
  return copy;
}

const scalarish = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', ' ', 'hr', 'chat', 'email', '__proto__', 'constructor', -1, 0, 1e9, 0.5, '1970-01-01', '([', 'x ==', []));
const mutatedProject = fc
  .array(fc.tuple(fc.constantFrom(...PATHS), scalarish, fc.boolean()), { minLength: 1, maxLength: 3 })
  .map((edits) => edits.reduce<unknown>((p, [path, value, remove]) => {
    const copy = structuredClone(p) as Record<string | number, unknown>;
    let at: Record<string | number, unknown> | undefined = copy;
    for (const k of path.slice(0, -1)) at = at && typeof at[k] === 'object' && at[k] !== null ? (at[k] as Record<string | number, unknown>) : undefined;
    if (at) {
      if (remove) Reflect.deleteProperty(at, path[path.length - 1]);
      else at[path[path.length - 1]] = value;
    }
    return copy;
  }, withValue(['name'], 'Fuzz', false)));

function checkIssues(issues: readonly Issue[], ok: boolean): void {
  if (!ok) expect(issues.some((i) => i.severity === 'error')).toBe(true);
  for (const issue of issues) {
    expect(issue.key ?? issue.file, issue.message).toBeTruthy();
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.fix ?? '', issue.message).not.toBe('');
  }
}

let count = 0;

describe('fuzzing the project schema', () => {
  it(`validateProject on ${RUNS} random JSON values`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (raw) => {
        const started = Date.now();
        const { project, issues } = validateProject(raw);
        checkIssues(issues, project !== null);
        expect(Date.now() - started).toBeLessThan(BOUND_MS);
        count++;
      }),
      { numRuns: RUNS },
    );
  });

  it(`validateProject and the pipeline on ${RUNS} projects with keys replaced or removed`, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedProject, async (raw) => {
        const started = Date.now();
        const { project, issues } = validateProject(raw);
        checkIssues(issues, project !== null);
        if (project) {
          try {
            await runPipeline(inputs, project);
          } catch (error) {
            if (!(error instanceof ProjectError)) throw error;
            checkIssues(error.issues, false);
          }
        }
        expect(Date.now() - started).toBeLessThan(BOUND_MS);
        count++;
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`parseProjectText on ${RUNS} mutated project texts`, () => {
    const text = JSON.stringify(base, null, 2);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }), (edits) => {
        let t = text;
        for (const [at, drop, insert] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + insert + t.slice(i + drop);
        }
        const started = Date.now();
        const { project, issues } = parseProjectText(t, 'project.json');
        checkIssues(issues, project !== null);
        expect(Date.now() - started).toBeLessThan(BOUND_MS);
        count++;
      }),
      { numRuns: RUNS },
    );
    expect(count).toBeGreaterThanOrEqual(3 * RUNS);
  });
});
