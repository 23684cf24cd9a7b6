import { describe, expect, it } from 'vitest';
import { chooseFormat, fingerprint, FORMATS, formatById } from '../../../../core/load';
import { utf8 } from './helpers';

describe('format registry', () => {
  it('tries NDJSON, then JSON, then CSV', () => {
    expect(FORMATS.map((f) => f.id)).toEqual(['ndjson', 'json', 'csv']);
    for (const f of FORMATS) expect(formatById(f.id)).toBe(f);
  });

  const cases = [
    { description: '.csv', input: { name: 'a.CSV', text: '[1]' }, expected: 'csv' },
    { description: '.tsv', input: { name: 'dir.v2/a.tsv', text: '{}' }, expected: 'csv' },
    { description: '.txt', input: { name: 'a.txt', text: '{"a":1}\n{"a":2}' }, expected: 'csv' },
    { description: '.json', input: { name: 'a.json', text: 'a,b' }, expected: 'json' },
    { description: '.ndjson', input: { name: 'a.ndjson', text: '[]' }, expected: 'ndjson' },
    { description: '.jsonl', input: { name: 'a.jsonl', text: '[]' }, expected: 'ndjson' },
    { description: 'no extension, array', input: { name: 'export', text: '  [{"a":1}]' }, expected: 'json' },
    {
      description: 'no extension, pretty object',
      input: { name: 'export.dat', text: '{\n  "value": []\n}' },
      expected: 'json',
    },
    {
      description: 'no extension, one object per line',
      input: { name: 'dump', text: '{"a":1}\n\n{"a":2}\n' },
      expected: 'ndjson',
    },
    {
      description: 'no extension, one minified object',
      input: { name: 'dump', text: '{"value":[{"a":1}]}' },
      expected: 'json',
    },
    {
      description: 'no extension, HTTP response',
      input: { name: 'resp', text: 'HTTP/2 200\n\n[]' },
      expected: 'json',
    },
    {
      description: 'no extension, delimited text',
      input: { name: 'dump', text: 'id;mail\n1;a' },
      expected: 'csv',
    },
    {
      description: 'a folder name with a dot, no extension',
      input: { name: 'v1.2/export', text: 'a,b' },
      expected: 'csv',
    },
  ];

  it.each(cases)('auto picks $expected for $description', ({ input, expected }) => {
    expect(chooseFormat(input.name, input.text, 'auto').id).toBe(expected);
  });

  it('a given format wins over the extension', () => {
    expect(chooseFormat('a.csv', '[]', 'json').id).toBe('json');
  });
});

describe('fingerprint', () => {
  it('is the SHA-256 hex of the bytes', () => {
    expect(fingerprint(new Uint8Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(fingerprint(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
