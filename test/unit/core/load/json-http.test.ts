import { describe, expect, it } from 'vitest';
import { loadFile, type LoadOptions } from '../../../../core/load';
import { expectActionable, input, issueOf, raws } from './helpers';

const auto: LoadOptions = { format: 'auto' };
const USERS = [
  { id: '1', mail: 'a@x.io' },
  { id: '2', mail: 'b@x.io' },
];
const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('loadFile: HTTP response headers in front of JSON', () => {
  const headers = [
    'HTTP/1.1 200 OK',
    'Content-Type: application/json',
    'Date: Mon, 01 Jan 2024 00:00:00 GMT',
  ];
  it.each([
    { description: 'LF', newline: '\n' },
    { description: 'CRLF', newline: '\r\n' },
  ])('strips them with a warning ($description)', ({ newline }) => {
    const text = [...headers, '', json(USERS)].join(newline);
    const loaded = loadFile(input('users.json', text), auto);
    expect(raws(loaded)).toEqual(USERS);
    const issue = issueOf(loaded, 'json.http-headers');
    expect(issue.severity).toBe('warning');
    expect(issue.message).toContain('"HTTP/1.1 200 OK"');
    expectActionable(issue, 'users.json', 'curl without -i');
  });

  it('skips a 100 Continue block too, and counts header lines in syntax error positions', () => {
    const text = ['HTTP/1.1 100 Continue', '', ...headers, '', '[', '  {"id": 1}', '  {"id": 2}', ']'].join(
      '\n',
    );
    const loaded = loadFile(input('users.json', text), auto);
    expect(issueOf(loaded, 'json.syntax').message).toContain('line 9 column 3');
  });

  it('detects headers in a file without extension', () => {
    const loaded = loadFile(input('export', [...headers, '', json(USERS)].join('\n')), auto);
    expect(loaded.format).toBe('json');
    expect(raws(loaded)).toEqual(USERS);
  });
});
