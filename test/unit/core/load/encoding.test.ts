import { describe, expect, it } from 'vitest';
import { loadFile, type LoadOptions } from '../../../../core/load';
import { codes, concat, cp1252, expectActionable, input, issueOf, raws, utf16, utf8 } from './helpers';

const auto: LoadOptions = { format: 'auto' };
const CSV = 'name,city\nMüller,Köln\nŠtefan,€ville\n';
const RECORDS = [
  { name: 'Müller', city: 'Köln' },
  { name: 'Štefan', city: '€ville' },
];

describe('loadFile: encodings', () => {
  const cases: {
    description: string;
    input: Uint8Array;
    options: LoadOptions;
    expected: { encoding: string; issues: string[] };
  }[] = [
    { description: 'UTF-8', input: utf8(CSV), options: auto, expected: { encoding: 'utf-8', issues: [] } },
    {
      description: 'UTF-8 with BOM (BOM stripped from the first header)',
      input: concat([0xef, 0xbb, 0xbf], utf8(CSV)),
      options: auto,
      expected: { encoding: 'utf-8-bom', issues: [] },
    },
    {
      description: 'UTF-16LE with BOM',
      input: utf16(CSV, 'le', true),
      options: auto,
      expected: { encoding: 'utf-16le', issues: [] },
    },
    {
      description: 'UTF-16BE with BOM',
      input: utf16(CSV, 'be', true),
      options: auto,
      expected: { encoding: 'utf-16be', issues: [] },
    },
    {
      description: 'UTF-16LE without BOM (guessed)',
      input: utf16(CSV, 'le', false),
      options: auto,
      expected: { encoding: 'utf-16le', issues: ['load.encoding-guessed'] },
    },
    {
      description: 'UTF-16BE without BOM (guessed)',
      input: utf16(CSV, 'be', false),
      options: auto,
      expected: { encoding: 'utf-16be', issues: ['load.encoding-guessed'] },
    },
    {
      description: 'Windows-1252 fallback',
      input: cp1252(CSV),
      options: auto,
      expected: { encoding: 'windows-1252', issues: ['load.encoding-fallback'] },
    },
    {
      description: 'Windows-1252 given',
      input: cp1252(CSV),
      options: { format: 'csv', csv: { encoding: 'windows-1252' } },
      expected: { encoding: 'windows-1252', issues: [] },
    },
    {
      description: 'UTF-16LE given, BOM skipped',
      input: utf16(CSV, 'le', true),
      options: { format: 'csv', csv: { encoding: 'utf-16le' } },
      expected: { encoding: 'utf-16le', issues: [] },
    },
    {
      description: 'UTF-16BE given, no BOM',
      input: utf16(CSV, 'be', false),
      options: { format: 'csv', csv: { encoding: 'utf-16be' } },
      expected: { encoding: 'utf-16be', issues: [] },
    },
    {
      description: 'UTF-8 given, with BOM',
      input: concat([0xef, 0xbb, 0xbf], utf8(CSV)),
      options: { format: 'csv', csv: { encoding: 'utf-8' } },
      expected: { encoding: 'utf-8-bom', issues: [] },
    },
  ];

  it.each(cases)('$description', ({ input: bytes, options, expected }) => {
    const loaded = loadFile(input('people.csv', bytes), options);
    expect(loaded.encoding).toBe(expected.encoding);
    expect(codes(loaded.issues)).toEqual(expected.issues);
    expect(loaded.columns).toEqual(['name', 'city']);
    expect(raws(loaded)).toEqual(RECORDS);
  });

  it('names the file, the line and the byte when it falls back to Windows-1252', () => {
    const issue = issueOf(loadFile(input('people.csv', cp1252(CSV)), auto), 'load.encoding-fallback');
    expect(issue.severity).toBe('warning');
    expect(issue.message).toBe(
      'people.csv is not valid UTF-8 (byte 0xFC on line 2); it was read as Windows-1252.',
    );
    expectActionable(issue, 'people.csv', 'csv.encoding');
  });

  it('warns, names the file and says what to set when UTF-16 is guessed', () => {
    const issue = issueOf(
      loadFile(input('people.csv', utf16(CSV, 'le', false)), auto),
      'load.encoding-guessed',
    );
    expect(issue.message).toContain('UTF-16LE');
    expectActionable(issue, 'people.csv', 'csv.encoding');
  });

  it('replaces invalid bytes and warns when the given encoding is UTF-8 but the bytes are not', () => {
    const loaded = loadFile(input('people.csv', cp1252(CSV)), { format: 'csv', csv: { encoding: 'utf-8' } });
    const issue = issueOf(loaded, 'load.encoding-invalid');
    expect(issue.message).toContain('line 2');
    expectActionable(issue, 'people.csv', '"auto"');
    expect(raws(loaded)[0]).toEqual({ name: 'M\uFFFDller', city: 'K\uFFFDln' });
  });

  it('reads a UTF-16LE JSON file with BOM (PowerShell Out-File)', () => {
    const loaded = loadFile(input('users.json', utf16('[{"name":"Ødegård"}]', 'le', true)), auto);
    expect(loaded).toMatchObject({ format: 'json', encoding: 'utf-16le', issues: [] });
    expect(raws(loaded)).toEqual([{ name: 'Ødegård' }]);
  });
});

describe('loadFile: files that are not text', () => {
  const cases: {
    description: string;
    input: Uint8Array;
    expected: { code: string; message: string; fix: string };
  }[] = [
    {
      description: 'no bytes',
      input: new Uint8Array(0),
      expected: { code: 'load.empty', message: 'people.csv: file is empty.', fix: 'Export the file again' },
    },
    {
      description: 'only whitespace',
      input: utf8(' \r\n\n'),
      expected: { code: 'load.empty', message: 'file is empty', fix: 'remove the file from source "hr"' },
    },
    {
      description: 'only a BOM',
      input: Uint8Array.from([0xef, 0xbb, 0xbf]),
      expected: { code: 'load.empty', message: 'file is empty', fix: 'Export' },
    },
    {
      description: 'an .xlsx renamed .csv (ZIP)',
      input: concat([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], utf8('[Content_Types].xml')),
      expected: {
        code: 'load.binary',
        message:
          'people.csv is not a text file: it looks like a ZIP archive (an Excel .xlsx workbook is one).',
        fix: 'CSV (UTF-8)',
      },
    },
    {
      description: 'an old .xls',
      input: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      expected: { code: 'load.binary', message: 'old Excel .xls workbook', fix: 'Save as' },
    },
    {
      description: 'a gzip archive',
      input: Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0]),
      expected: { code: 'load.binary', message: 'gzip', fix: 'CSV' },
    },
    {
      description: 'NUL bytes in no UTF-16 pattern',
      input: Uint8Array.from([0x61, 0x2c, 0, 0, 0, 0x62, 0x0a, 0x31, 0x01, 0, 0, 0x7f]),
      expected: { code: 'load.binary', message: 'NUL bytes', fix: 'CSV' },
    },
  ];

  it.each(cases)('$description is an error naming the file', ({ input: bytes, expected }) => {
    const loaded = loadFile(input('people.csv', bytes), auto);
    expect(loaded.records).toEqual([]);
    expect(loaded.encoding).toBe('');
    const issue = issueOf(loaded, expected.code);
    expect(issue.severity).toBe('error');
    expect(issue.message).toContain(expected.message);
    expectActionable(issue, 'people.csv', expected.fix);
  });

  it('rejects a ZIP even when an encoding is given', () => {
    const loaded = loadFile(input('people.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2])), {
      format: 'csv',
      csv: { encoding: 'windows-1252' },
    });
    expect(codes(loaded.issues)).toEqual(['load.binary']);
  });
});
