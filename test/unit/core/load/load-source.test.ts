import { describe, expect, it } from 'vitest';
import { loadSource } from '../../../../core/load';
import { sourceSchema, type SourceConfig } from '../../../../core/project/schema';
import { codes, cp1252, expectActionable, input, issueOf } from './helpers';

function source(files: string[], extra: Partial<Record<string, unknown>> = {}): SourceConfig {
  return sourceSchema.parse({
    id: 'hr',
    system: 'hris',
    files,
    externalId: 'id',
    mapping: { email: 'email' },
    ...extra,
  });
}

const scimPage = (startIndex: number, ids: string[], total: number): string =>
  JSON.stringify({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: total,
    startIndex,
    itemsPerPage: 2,
    Resources: ids.map((id) => ({ id })),
  });

describe('loadSource', () => {
  it('concatenates files in the listed order, each record with its own provenance', () => {
    const files = [
      input('p2.csv', 'id,email\n3,c@x.io\n'),
      input('p1.csv', 'id,email\n1,a@x.io\n2,b@x.io\n'),
    ];
    const loaded = loadSource(source(['p1.csv', 'p2.csv']), files);
    expect(loaded.files.map((f) => f.file)).toEqual(['p1.csv', 'p2.csv']);
    expect(loaded.records.map((r) => [r.file, r.row, r.raw.id])).toEqual([
      ['p1.csv', 1, '1'],
      ['p1.csv', 2, '2'],
      ['p2.csv', 1, '3'],
    ]);
    expect(loaded.records.every((r) => r.source === 'hr')).toBe(true);
    expect(loaded.issues).toEqual([]);
  });

  it('unions columns and warns when a CSV page has another header, naming both files and the columns', () => {
    const files = [input('a.csv', 'id,email,dept\n1,a,x\n'), input('b.csv', 'id,email,title\n2,b,y\n')];
    const loaded = loadSource(source(['a.csv', 'b.csv']), files);
    expect(loaded.columns).toEqual(['id', 'email', 'dept', 'title']);
    const issue = issueOf(loaded, 'csv.header-mismatch');
    expect(issue.message).toBe('b.csv has a different header than a.csv: it lacks "dept" and adds "title".');
    expect(issue.column).toBe('dept');
    expectActionable(issue, 'b.csv', 'source "hr"');
  });

  it('uses the source options: delimiter, encoding, recordsPath', () => {
    const csv = loadSource(source(['a.csv'], { csv: { delimiter: '|', encoding: 'windows-1252' } }), [
      input('a.csv', cp1252('id|name\n1|Müller\n')),
    ]);
    expect(csv.records[0].raw).toEqual({ id: '1', name: 'Müller' });
    expect(csv.files[0]).toMatchObject({ delimiter: '|', encoding: 'windows-1252' });
    const json = loadSource(source(['a.json'], { json: { recordsPath: 'd.u' } }), [
      input('a.json', '{"d":{"u":[{"id":1}]}}'),
    ]);
    expect(json.records.map((r) => r.raw)).toEqual([{ id: 1 }]);
  });

  it('warns about a next-page marker when the next page is not there', () => {
    const page1 = input(
      'p1.json',
      JSON.stringify({ value: [{ id: 1 }], '@odata.nextLink': 'https://graph/next' }),
    );
    const loaded = loadSource(source(['p1.json']), [page1]);
    expect(codes(loaded.issues)).toEqual(['load.truncated']);
    expect(codes(loaded.files[0].issues)).toEqual(['load.truncated']);
  });

  it('drops marker warnings once the last page (no marker) is loaded too', () => {
    const page1 = input(
      'p1.json',
      JSON.stringify({ value: [{ id: 1 }], '@odata.nextLink': 'https://graph/next' }),
    );
    const page2 = input('p2.json', JSON.stringify({ value: [{ id: 2 }] }));
    const loaded = loadSource(source(['p1.json', 'p2.json']), [page1, page2]);
    expect(loaded.issues).toEqual([]);
    expect(loaded.records.map((r) => [r.file, r.row])).toEqual([
      ['p1.json', 1],
      ['p2.json', 1],
    ]);
  });

  it('keeps marker warnings when every page has one', () => {
    const page = (n: number): ReturnType<typeof input> =>
      input(`p${n}.json`, JSON.stringify({ users: [{ id: n }], nextPageToken: `t${n}` }));
    expect(codes(loadSource(source(['p1.json', 'p2.json']), [page(1), page(2)]).issues)).toEqual([
      'load.truncated',
      'load.truncated',
    ]);
  });

  it('warns when SCIM pages hold fewer resources than totalResults', () => {
    const loaded = loadSource(source(['scim1.json']), [input('scim1.json', scimPage(1, ['a', 'b'], 3))]);
    const issue = issueOf(loaded, 'load.truncated');
    expect(issue).toMatchObject({ severity: 'warning', count: 1 });
    expect(issue.message).toBe(
      'Source "hr" reports totalResults 3 (SCIM) but scim1.json holds 2 resources: this looks like one page of a paged export.',
    );
    expectActionable(issue, 'scim1.json', 'Add the other pages as files of source "hr"');
  });

  it('is satisfied when the SCIM pages add up', () => {
    const files = [
      input('scim1.json', scimPage(1, ['a', 'b'], 3)),
      input('scim2.json', scimPage(3, ['c'], 3)),
    ];
    const loaded = loadSource(source(['scim1.json', 'scim2.json']), files);
    expect(loaded.issues).toEqual([]);
    expect(loaded.records).toHaveLength(3);
  });

  it('returns every file issue in the source issues, each naming its source', () => {
    const loaded = loadSource(source(['a.csv', 'b.json']), [input('a.csv', ''), input('b.json', '{')]);
    expect(codes(loaded.issues)).toEqual(['load.empty', 'json.syntax']);
    expect(loaded.issues.every((i) => i.source === 'hr')).toBe(true);
    expect(loaded.records).toEqual([]);
  });

  it('treats a file of another source as a bug', () => {
    expect(() => loadSource(source(['a.csv']), [input('a.csv', 'a\n1\n', 'okta')])).toThrow(
      /Invariant failed/,
    );
  });
});
