import { describe, expect, it } from 'vitest';
import { loadFile, type LoadOptions } from '../../../../core/load';
import { codes, expectActionable, input, issueOf, raws, rows } from './helpers';

const auto: LoadOptions = { format: 'auto' };

describe('loadFile: CSV delimiters', () => {
  const cases = [
    { description: 'comma', input: 'id,email\n1,a@x.io\n2,b@x.io\n', options: auto, expected: ',' },
    {
      description: 'semicolon (Excel, European locale)',
      input: 'id;email;name\n1;a@x.io;Müller, Hans\n2;b@x.io;Ode, Ann\n',
      options: auto,
      expected: ';',
    },
    { description: 'tab', input: 'id\temail\n1\ta@x.io\n2\tb@x.io\n', options: auto, expected: '\t' },
    { description: 'pipe', input: 'id|email\n1|a@x.io\n2|b@x.io\n', options: auto, expected: '|' },
    {
      description: 'given delimiter wins over detection',
      input: 'id,x;email\n1,y;a@x.io\n2,z;b@x.io\n',
      options: { format: 'auto', csv: { delimiter: ';' } } as LoadOptions,
      expected: ';',
    },
  ];

  it.each(cases)('$description', ({ input: text, options, expected }) => {
    const loaded = loadFile(input('people.csv', text), options);
    expect(loaded.delimiter).toBe(expected);
    expect(loaded.format).toBe('csv');
    expect(loaded.records).toHaveLength(2);
    expect(loaded.columns.length).toBeGreaterThanOrEqual(2);
    expect(loaded.issues).toEqual([]);
  });

  it('reads a .tsv file by extension', () => {
    const loaded = loadFile(input('export.tsv', 'a\tb\n1\t2\n'), auto);
    expect(loaded).toMatchObject({ format: 'csv', delimiter: '\t', columns: ['a', 'b'] });
  });

  it('notes a single-column file, in case the delimiter is unusual', () => {
    const loaded = loadFile(input('people.csv', 'email\na@x.io\n'), auto);
    const issue = issueOf(loaded, 'csv.one-column');
    expect(issue.severity).toBe('info');
    expectActionable(issue, 'people.csv', 'csv.delimiter');
    expect(raws(loaded)).toEqual([{ email: 'a@x.io' }]);
  });
});

describe('loadFile: CSV values and row numbers', () => {
  it('keeps quoted newlines, delimiters and quotes in values; rows stay record numbers', () => {
    const text = 'id,note\r\n1,"line one\r\nline two"\r\n2,"a, b"\r\n\r\n3,"say ""hi"""\r\n4,  padded  \r\n';
    const loaded = loadFile(input('notes.csv', text), auto);
    expect(loaded.issues).toEqual([]);
    expect(rows(loaded)).toEqual([1, 2, 3, 4]);
    expect(raws(loaded)).toEqual([
      { id: '1', note: 'line one\r\nline two' },
      { id: '2', note: 'a, b' },
      { id: '3', note: 'say "hi"' },
      { id: '4', note: '  padded  ' },
    ]);
  });

  it('keeps every value a string, exactly as written', () => {
    const loaded = loadFile(input('people.csv', 'n,active,date\n007,TRUE,2024-01-02\n'), auto);
    expect(raws(loaded)).toEqual([{ n: '007', active: 'TRUE', date: '2024-01-02' }]);
  });

  it('gives every record its provenance', () => {
    const loaded = loadFile(input('people.csv', 'a\n1\n2\n', 'workday'), { format: 'csv' });
    expect(loaded.records[1]).toEqual({ source: 'workday', file: 'people.csv', row: 2, raw: { a: '2' } });
  });
});

describe('loadFile: CSV headers', () => {
  it('keeps duplicate header names distinct and warns naming the column', () => {
    const loaded = loadFile(input('people.csv', 'Email,Name,Email,Email\na,b,c,d\n'), auto);
    expect(loaded.columns).toEqual(['Email', 'Name', 'Email_2', 'Email_3']);
    expect(raws(loaded)).toEqual([{ Email: 'a', Name: 'b', Email_2: 'c', Email_3: 'd' }]);
    const issue = issueOf(loaded, 'csv.duplicate-header');
    expect(issue).toMatchObject({ severity: 'warning', column: 'Email' });
    expect(issue.message).toBe(
      'people.csv has the column "Email" 3 times; the copies are named "Email_2", "Email_3".',
    );
    expectActionable(issue, 'people.csv', 'Map the copy you need');
  });

  it('does not reuse a name the header already has', () => {
    const loaded = loadFile(input('people.csv', 'Email,Email,Email_2\n1,2,3\n'), auto);
    expect(loaded.columns).toEqual(['Email', 'Email_3', 'Email_2']);
  });

  it('names empty headers column_<n> and warns', () => {
    const loaded = loadFile(input('people.csv', 'id,,name, \n1,x,Ann,y\n'), auto);
    expect(loaded.columns).toEqual(['id', 'column_2', 'name', 'column_4']);
    const issue = issueOf(loaded, 'csv.empty-header');
    expect(issue).toMatchObject({ column: 'column_2' });
    expect(issue.message).toContain('"column_2", "column_4"');
    expectActionable(issue, 'people.csv', 'header');
  });

  it('header-only file: no records and a warning', () => {
    const loaded = loadFile(input('people.csv', 'id,email\r\n'), auto);
    expect(loaded.records).toEqual([]);
    expect(loaded.columns).toEqual(['id', 'email']);
    const issue = issueOf(loaded, 'load.no-records');
    expect(issue.severity).toBe('warning');
    expect(issue.message).toBe('people.csv has a header but no data rows.');
    expectActionable(issue, 'people.csv', 'Export the file again');
  });
});

describe('loadFile: broken CSV rows', () => {
  it('aggregates ragged rows into one warning with the count and first rows', () => {
    const text = 'id,email,name\n1,a,Ann\n2,b\n\n3,c,Cy,extra\n4,d,Di\n5\n';
    const loaded = loadFile(input('people.csv', text), auto);
    expect(codes(loaded.issues)).toEqual(['csv.ragged-rows']);
    const issue = loaded.issues[0];
    expect(issue).toMatchObject({ severity: 'warning', row: 2, count: 3 });
    expect(issue.message).toBe(
      "people.csv has 3 rows with more or fewer fields than the header's 3: rows 2, 3, 5.",
    );
    expectActionable(issue, 'people.csv', 'csv.delimiter');
    expect(raws(loaded)[2]).toEqual({ id: '3', email: 'c', name: 'Cy' });
    expect(rows(loaded)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lists only the first ragged rows of many', () => {
    const text = `a,b\n${Array.from({ length: 40 }, (_, i) => (i % 2 ? `${i},x` : `${i}`)).join('\n')}\n`;
    const issue = issueOf(loadFile(input('big.csv', text), auto), 'csv.ragged-rows');
    expect(issue.count).toBe(20);
    expect(issue.message).toContain('rows 1, 3, 5, 7, 9 and 15 more');
  });

  it('reports an unterminated quote as an error with row and line', () => {
    const text = 'id,note\n1,ok\n\n2,"never closed\n3,x\n';
    const issue = issueOf(loadFile(input('notes.csv', text), auto), 'csv.unbalanced-quotes');
    expect(issue).toMatchObject({ severity: 'error', row: 2 });
    expect(issue.message).toBe(
      'notes.csv row 2 (line 4) has a quoted field that does not end properly (its closing quote is missing, or text follows it); everything after it was read as one value.',
    );
    expectActionable(issue, 'notes.csv', '""');
  });

  it('reports text after a closing quote as a warning', () => {
    const text = 'id,note\n1,ok\n2,"27" screen"\n3,x\n';
    const loaded = loadFile(input('notes.csv', text), { format: 'csv', csv: { delimiter: ',' } });
    expect(raws(loaded)[1]).toEqual({ id: '2', note: '27" screen' });
    const issue = issueOf(loaded, 'csv.malformed-quotes');
    expect(issue).toMatchObject({ severity: 'warning', row: 2 });
    expect(issue.message).toContain('notes.csv row 2 (line 3)');
    expectActionable(issue, 'notes.csv', '""');
  });
});
