/** Each bad input of DESIGN.md stops the run with a message naming where it is and what to do. */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../core/pipeline';
import { ProjectError, type Issue } from '../../../../core/issues';
import type { InputFile } from '../../../../core/types';
import type { ProjectInput } from '../../../../core/project/schema';

const enc = new TextEncoder();
const hrCsv = 'Employee_ID,Work_Email,Dept\n1,ann@acme.com,IT\n2,bob@acme.com,Sales\n';
const chatJson = JSON.stringify({ members: [{ id: 'U1', profile: { email: 'ann@acme.com' } }] });

function project(edit: (p: ProjectInput) => void = () => undefined): ProjectInput {
  const p: ProjectInput = {
    name: 'bad',
    asOf: '2026-11-02',
    primary: 'hr',
    sources: [
      { id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'Employee_ID', mapping: { email: 'Work_Email', department: 'Dept' } },
      { id: 'chat', system: 'chat', files: ['chat.json'], externalId: 'id', mapping: { email: 'profile.email' } },
    ],
  };
  edit(p);
  return p;
}

const files = (hr: Uint8Array | string = hrCsv, chat: Uint8Array | string = chatJson): InputFile[] => [
  { source: 'hr', name: 'hr.csv', bytes: typeof hr === 'string' ? enc.encode(hr) : hr },
  { source: 'chat', name: 'chat.json', bytes: typeof chat === 'string' ? enc.encode(chat) : chat },
];

async function issuesOf(inputs: InputFile[], p: ProjectInput): Promise<Issue[]> {
  try {
    await runPipeline(inputs, p);
  } catch (error) {
    if (error instanceof ProjectError) return error.issues;
    throw error;
  }
  throw new Error('the run succeeded');
}

const cases: { description: string; inputs: () => InputFile[]; project: () => ProjectInput; expected: { message: RegExp; fix: RegExp } }[] = [
  {
    description: 'a file that cannot be read (binary, e.g. an .xlsx renamed .csv)',
    inputs: () => files(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3])),
    project,
    expected: { message: /hr\.csv/, fix: /CSV/i },
  },
  {
    description: 'a JSON that is neither an array nor an envelope',
    inputs: () => files(hrCsv, JSON.stringify({ ok: true, count: 3 })),
    project,
    expected: { message: /chat\.json.*(ok|count)/s, fix: /recordsPath/ },
  },
  {
    description: 'a header the mapping names but the file lacks',
    inputs: () => files(),
    project: () => project((p) => (p.sources[0].mapping.email = 'Work Email')),
    expected: { message: /sources\[0\]\.mapping\.email: unknown column "Work Email" in hr\.csv; columns are Employee_ID, Work_Email, Dept/, fix: /Work_Email/ },
  },
  {
    description: 'an expression that does not parse',
    inputs: () => files(),
    project: () => project((p) => (p.sources[0].filters = [{ name: 'sales', when: 'department == "Sales' }])),
    expected: { message: /sources\[0\]\.filters\[0\]\.when/, fix: /./ },
  },
  {
    description: 'an enablement rule that does not parse',
    inputs: () => files(),
    project: () => project((p) => (p.enablement = { mode: 'rule', rule: 'department ==' })),
    expected: { message: /enablement\.rule/, fix: /./ },
  },
  {
    description: 'a primary source that does not exist',
    inputs: () => files(),
    project: () => project((p) => (p.primary = 'workday')),
    expected: { message: /^primary: no source has the id "workday"/, fix: /primary/ },
  },
  {
    description: 'a file the project names but the host did not give',
    inputs: () => files().slice(0, 1),
    project,
    expected: { message: /Source "chat" names the file "chat\.json"/, fix: /./ },
  },
  {
    description: 'truncated JSON',
    inputs: () => files(hrCsv, chatJson.slice(0, 30)),
    project,
    expected: { message: /chat\.json/, fix: /./ },
  },
];

describe('bad input stops the run with a message that says where and what to do', () => {
  for (const c of cases) {
    it(c.description, async () => {
      const issues = await issuesOf(c.inputs(), c.project());
      const errors = issues.filter((i) => i.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.map((i) => i.message)).toContainEqual(expect.stringMatching(c.expected.message));
      const match = errors.find((i) => c.expected.message.test(i.message));
      expect(match?.fix ?? '').toMatch(c.expected.fix);
    });
  }

  it('a wrong encoding falls back to Windows-1252 with a warning and keeps the accents', async () => {
    const latin1 = new Uint8Array([...enc.encode('Employee_ID,Work_Email,Dept\n1,j'), 0xfc, ...enc.encode('rgen@acme.com,IT\n')]);
    const result = await runPipeline(files(latin1), project());
    expect(result.roster[0].key).toBe('jürgen@acme.com');
    expect(result.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/hr\.csv/));
  });

  it('cancelling stops the run', async () => {
    await expect(runPipeline(files(), project(), { signal: { aborted: true } })).rejects.toThrow('cancelled');
  });
});
