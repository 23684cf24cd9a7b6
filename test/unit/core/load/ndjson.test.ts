import { describe, expect, it } from 'vitest';
import { loadFile, type LoadOptions } from '../../../../core/load';
import { codes, expectActionable, input, issueOf, raws, rows } from './helpers';

const auto: LoadOptions = { format: 'auto' };
const lines = (...items: string[]): string => items.join('\n');

describe('loadFile: NDJSON', () => {
  const cases = [
    {
      description: '.ndjson',
      name: 'users.ndjson',
      input: lines('{"id":1}', '{"id":2}'),
      expected: { rows: [1, 2], issues: [] as string[] },
    },
    {
      description: '.jsonl with CRLF and a final newline',
      name: 'users.jsonl',
      input: '{"id":1}\r\n{"id":2}\r\n',
      expected: { rows: [1, 2], issues: [] },
    },
    {
      description: 'blank lines skipped; rows are line numbers',
      name: 'users.ndjson',
      input: lines('', '{"id":1}', '   ', '{"id":2}', ''),
      expected: { rows: [2, 4], issues: [] },
    },
    {
      description: 'sniffed without extension',
      name: 'users',
      input: lines('{"id":1}', '{"id":2}'),
      expected: { rows: [1, 2], issues: [] },
    },
    {
      description: 'format given',
      name: 'users.txt',
      input: lines('{"id":1}', '{"id":2}'),
      expected: { rows: [1, 2], issues: [] },
    },
  ];

  it.each(cases)('$description', ({ name, input: text, expected }) => {
    const options: LoadOptions = name.endsWith('.txt') ? { format: 'ndjson' } : auto;
    const loaded = loadFile(input(name, text), options);
    expect(loaded.format).toBe('ndjson');
    expect(rows(loaded)).toEqual(expected.rows);
    expect(codes(loaded.issues)).toEqual(expected.issues);
    expect(raws(loaded)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(loaded.columns).toEqual(['id']);
  });

  it('reports a broken line with its number and still loads the rest', () => {
    const loaded = loadFile(input('users.ndjson', lines('{"id":1}', '{"id":2,,}', '{"id":3}')), auto);
    expect(rows(loaded)).toEqual([1, 3]);
    const issue = issueOf(loaded, 'ndjson.broken-line');
    expect(issue).toMatchObject({ severity: 'warning', row: 2, count: 1 });
    expect(issue.message).toBe(
      'users.ndjson line 2 is not valid JSON (expected a property name in double quotes (no comma after the last property)) and was skipped.',
    );
    expectActionable(issue, 'users.ndjson', 'one complete JSON object');
  });

  it('aggregates many broken lines and flags a cut-off last line', () => {
    const text = lines('{"id":1}', 'oops', '{"id":2}', '{bad}', '{"id":3,"mail":"c@');
    const issue = issueOf(loadFile(input('users.ndjson', text), auto), 'ndjson.broken-line');
    expect(issue.count).toBe(3);
    expect(issue.message).toContain('3 broken lines in all: 2, 4, 5');
    expect(issue.message).toContain('The last line is cut off, so the file looks truncated.');
  });

  it('does not call a broken line in the middle a truncation', () => {
    const issue = issueOf(
      loadFile(input('users.ndjson', lines('{"id":1', '{"id":2}')), auto),
      'ndjson.broken-line',
    );
    expect(issue.message).not.toContain('truncated');
  });

  it('skips lines that are valid JSON but not objects', () => {
    const loaded = loadFile(input('users.ndjson', lines('{"id":1}', '[1,2]', '"x"', '{"id":2}')), auto);
    expect(rows(loaded)).toEqual([1, 4]);
    const issue = issueOf(loaded, 'json.non-objects');
    expect(issue.message).toContain('2 lines that are not a JSON object (lines 2, 3)');
  });

  it('collects nested columns', () => {
    const loaded = loadFile(
      input('users.ndjson', lines('{"id":1,"profile":{"email":"a"}}', '{"id":2,"profile":{"login":"b"}}')),
      auto,
    );
    expect(loaded.columns).toEqual(['id', 'profile.email', 'profile.login']);
  });
});
