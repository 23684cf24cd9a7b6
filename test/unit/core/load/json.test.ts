import { describe, expect, it } from 'vitest';
import { ENVELOPE_KEYS, loadFile, type LoadOptions } from '../../../../core/load';
import { codes, expectActionable, input, issueOf, raws, rows } from './helpers';

const auto: LoadOptions = { format: 'auto' };
const USERS = [
  { id: '1', mail: 'a@x.io' },
  { id: '2', mail: 'b@x.io' },
];
const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('loadFile: where the JSON records are', () => {
  it('reads a top-level array; rows are element positions', () => {
    const loaded = loadFile(input('users.json', json(USERS)), auto);
    expect(loaded).toMatchObject({ format: 'json', encoding: 'utf-8', issues: [], columns: ['id', 'mail'] });
    expect(rows(loaded)).toEqual([1, 2]);
    expect(raws(loaded)).toEqual(USERS);
  });

  it.each(ENVELOPE_KEYS.map((key) => ({ description: key, input: { meta: { n: 2 }, [key]: USERS } })))(
    'reads the envelope key $description',
    ({ input: doc }) => {
      const loaded = loadFile(input('users.json', json(doc)), auto);
      expect(loaded.issues).toEqual([]);
      expect(raws(loaded)).toEqual(USERS);
    },
  );

  it('takes the only array of objects of an unknown envelope, with an info naming it', () => {
    const loaded = loadFile(input('users.json', json({ total: 2, tags: ['a'], people: USERS })), auto);
    expect(raws(loaded)).toEqual(USERS);
    const issue = issueOf(loaded, 'json.envelope-guessed');
    expect(issue.severity).toBe('info');
    expect(issue.message).toContain('"people"');
    expectActionable(issue, 'users.json', 'json.recordsPath');
  });

  it.each([
    { description: 'dotted path', path: 'data.org.users', doc: { data: { org: { users: USERS } } } },
    {
      description: 'path with an index',
      path: 'pages[1].items',
      doc: { pages: [{ items: [] }, { items: USERS }] },
    },
  ])('follows json.recordsPath: $description', ({ path, doc }) => {
    const loaded = loadFile(input('users.json', json(doc)), { format: 'json', json: { recordsPath: path } });
    expect(loaded.issues).toEqual([]);
    expect(raws(loaded)).toEqual(USERS);
  });

  const errors = [
    {
      description: 'an object with no user array',
      input: { status: 'ok', count: 0 },
      options: auto,
      expected: {
        code: 'json.not-records',
        message: 'its top-level keys are "status", "count"',
        fix: 'json.recordsPath of source "hr"',
      },
    },
    {
      description: 'a nested user array: the fix suggests its path',
      input: { data: { directory: { people: USERS } } },
      options: auto,
      expected: {
        code: 'json.not-records',
        message: 'top-level keys are "data"',
        fix: '"data.directory.people"',
      },
    },
    {
      description: 'several arrays of objects',
      input: { users: 'x', admins: USERS, guests: USERS },
      options: auto,
      expected: {
        code: 'json.not-records',
        message: 'several arrays of objects ("admins", "guests")',
        fix: '"admins", "guests"',
      },
    },
    {
      description: 'a string',
      input: 'hello',
      options: auto,
      expected: { code: 'json.not-records', message: 'the document is a string', fix: 'json.recordsPath' },
    },
    {
      description: 'a json.recordsPath that is not there',
      input: { data: { people: USERS } },
      options: { format: 'json', json: { recordsPath: 'data.users' } } as LoadOptions,
      expected: {
        code: 'json.records-path',
        message: '"users" is not there (found an object with keys "people")',
        fix: 'Correct json.recordsPath',
      },
    },
    {
      description: 'a json.recordsPath that leads to an object',
      input: { data: { people: USERS } },
      options: { format: 'json', json: { recordsPath: 'data' } } as LoadOptions,
      expected: {
        code: 'json.records-path',
        message: 'it leads to an object with keys "people"',
        fix: 'Correct json.recordsPath',
      },
    },
  ];

  it.each(errors)('error: $description', ({ input: doc, options, expected }) => {
    const loaded = loadFile(input('users.json', json(doc)), options);
    expect(loaded.records).toEqual([]);
    const issue = issueOf(loaded, expected.code);
    expect(issue.severity).toBe('error');
    expect(issue.message).toContain(expected.message);
    expectActionable(issue, 'users.json', expected.fix);
  });

  it('skips elements that are not objects and warns with their positions', () => {
    const loaded = loadFile(input('users.json', json([USERS[0], 'x', null, [1], USERS[1], 7])), auto);
    expect(rows(loaded)).toEqual([1, 5]);
    const issue = issueOf(loaded, 'json.non-objects');
    expect(issue).toMatchObject({ severity: 'warning', row: 2, count: 4 });
    expect(issue.message).toContain('4 array elements that are not a JSON object (elements 2, 3, 4, 6)');
    expectActionable(issue, 'users.json', 'JSON object');
  });

  it('warns when the array is empty', () => {
    expect(codes(loadFile(input('users.json', '{"value": []}'), auto).issues)).toEqual(['load.no-records']);
  });
});

describe('loadFile: broken JSON', () => {
  const cases = [
    {
      description: 'a missing comma',
      input: '[\n  {"id": 1}\n  {"id": 2}\n]',
      expected: { message: 'expected "," or "]" at line 3 column 3.', row: 3, fix: 'Fix the JSON' },
    },
    {
      description: 'a trailing comma',
      input: '{"value": [\n {"id": 1,}\n]}',
      expected: { message: 'at line 2 column 11', row: 2, fix: 'Fix the JSON' },
    },
    {
      description: 'single quotes',
      input: "[{'id': 1}]",
      expected: { message: 'line 1 column 3', row: 1, fix: 'Fix the JSON' },
    },
    {
      description: 'a cut-off file',
      input: '{"value": [\n {"id": 1},\n {"id": 2, "mail": "b@',
      expected: {
        message: 'The file ends in the middle of the document, so it looks truncated.',
        row: 3,
        fix: 'check that it is complete',
      },
    },
    {
      description: 'a cut-off file ending between values',
      input: '[\n {"id": 1},\n',
      expected: { message: 'looks truncated', row: 3, fix: 'download the file again' },
    },
  ];

  it.each(cases)('names file, line and column: $description', ({ input: text, expected }) => {
    const loaded = loadFile(input('users.json', text), auto);
    expect(loaded.records).toEqual([]);
    const issue = issueOf(loaded, 'json.syntax');
    expect(issue).toMatchObject({ severity: 'error', row: expected.row });
    expect(issue.message).toMatch(/^users\.json is not valid JSON: /);
    expect(issue.message).toContain(expected.message);
    expectActionable(issue, 'users.json', expected.fix);
  });

  it('reads a .json file that holds one object per line as NDJSON, with an info', () => {
    const loaded = loadFile(input('users.json', USERS.map((u) => JSON.stringify(u)).join('\n')), auto);
    expect(loaded.format).toBe('ndjson');
    expect(raws(loaded)).toEqual(USERS);
    expectActionable(issueOf(loaded, 'json.read-as-ndjson'), 'users.json', 'format "ndjson"');
  });
});
