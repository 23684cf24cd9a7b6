/**
 * The streaming loader (core/load/stream, issue 6) gives what loadSource gives, for any chunking: random
 * CSV (delimiters, quoting, line endings, blank and ragged rows, BOM), JSON (arrays and envelopes, paging
 * members before and after the records, non-object elements, pretty or compact) and NDJSON (blank, broken
 * and non-object lines). Well-formed files must stream; broken ones may go to the whole-file loader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { sourceSchema, type SourceConfig } from '../../../../core/project/schema';
import { input } from './helpers';
import { sameAsWholeFile } from './stream-helpers';

const ROOT = join(__dirname, '../../../..');
const FIXTURES = join(ROOT, 'test/fixtures/load');
const ACME = join(ROOT, 'examples/acme/2026-11-02');
const PRESETS = join(ROOT, 'test/fixtures/presets');

/** Every export file under the preset fixtures (they hold real shapes of many systems' exports). */
function findPresetFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findPresetFixtures(path);
    return /\.(csv|json|ndjson|jsonl|tsv|txt)$/.test(name) && !/expected|proposal/.test(name) ? [path] : [];
  });
}

const WHOLE = /^(curl-response|users-page-http|.*utf-?16.*|.*windows.*)/;

const source = (files: string[], extra: Record<string, unknown> = {}): SourceConfig =>
  sourceSchema.parse({ id: 'hr', system: 'hris', files, externalId: 'id', mapping: { email: 'email' }, ...extra });

const tricky = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 5 }), fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', 'Müller', '日本', '😀', '{', '}', '},{', '[', ']', '\\', '\\"')), { maxLength: 4 })
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\u0000'));

const chunk = fc.constantFrom(1, 2, 3, 7, 16, 64, 1000, 1 << 20);

describe('streaming CSV', () => {
  const csvCase = fc.record({
    keys: fc.uniqueArray(tricky.filter((s) => s.trim() !== '' && !s.startsWith('\uFEFF')), { minLength: 1, maxLength: 4 }),
    rows: fc.array(fc.array(tricky, { minLength: 0, maxLength: 6 }), { maxLength: 12 }),
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    trailing: fc.boolean(),
    given: fc.boolean(),
    chunk,
  });

  it('gives the same records, columns and issues as papaparse over the whole text', async () => {
    let streamed = 0;
    await fc.assert(
      fc.asyncProperty(csvCase, async (c) => {
        const text = Papa.unparse({ fields: c.keys, data: c.rows }, { delimiter: c.delimiter, newline: c.newline });
        const file = `${c.bom ? '\uFEFF' : ''}${text}${c.trailing ? c.newline : ''}`;
        const config = source(['t.csv'], c.given ? { csv: { delimiter: c.delimiter } } : {});
        if ((await sameAsWholeFile(config, [input('t.csv', file)], c.chunk)) === 'streamed') streamed++;
      }),
      { numRuns: 400 },
    );
    expect(streamed).toBeGreaterThan(300);
  });

  it('streams ragged rows and blank lines the way papaparse reads them', async () => {
    const text = 'id,email,name\n1,a@x.io,Ann\n\n2,b@x.io\n3,c@x.io,Cy,extra\n , \n4,"d@x.io","D, ""Dee"""\n';
    for (const size of [1, 5, 1 << 20]) expect(await sameAsWholeFile(source(['t.csv']), [input('t.csv', text)], size)).toBe('streamed');
  });
});

describe('streaming JSON', () => {
  const value = fc.oneof(tricky, fc.integer(), fc.boolean(), fc.constant(null));
  const record = fc.dictionary(fc.constantFrom('id', 'email', 'profile', 'a b', '__x', 'é'), fc.oneof(value, fc.dictionary(fc.constantFrom('x', 'y'), value), fc.array(value, { maxLength: 2 })), { maxKeys: 4 });
  const element = fc.oneof({ weight: 9, arbitrary: record }, { weight: 1, arbitrary: value });
  const jsonCase = fc.record({
    items: fc.array(element, { maxLength: 12 }),
    key: fc.constantFrom(null, 'value', 'members', 'result', 'Resources', 'users', 'people'),
    before: fc.dictionary(fc.constantFrom('ok', '@odata.context', 'schemas', 'totalResults', 'nextLink'), value, { maxKeys: 2 }),
    after: fc.dictionary(fc.constantFrom('next', 'hasMore', 'response_metadata', 'cache_ts'), fc.oneof(value, fc.constant({ next_cursor: 'abc' })), { maxKeys: 2 }),
    pretty: fc.constantFrom(0, 1, 2),
    chunk,
  });

  it('gives the same records, columns, paging and issues as JSON.parse over the whole text', async () => {
    let streamed = 0;
    await fc.assert(
      fc.asyncProperty(jsonCase, async (c) => {
        const doc = c.key === null ? c.items : { ...c.before, [c.key]: c.items, ...c.after };
        const text = c.pretty === 0 ? JSON.stringify(doc) : c.pretty === 1 ? JSON.stringify(doc, null, 2) : `[\n${c.items.map((i) => JSON.stringify(i)).join(',\n')}\n]`;
        if ((await sameAsWholeFile(source(['t.json']), [input('t.json', text)], c.chunk)) === 'streamed') streamed++;
      }),
      { numRuns: 400 },
    );
    expect(streamed).toBeGreaterThan(300);
  });

  it('follows a one-key recordsPath and reads paged files like loadSource', async () => {
    const page = (n: number, next: boolean) => JSON.stringify({ data: [{ id: `${n}` }], ...(next ? { '@odata.nextLink': 'x' } : {}) });
    const files = [input('p1.json', page(1, true)), input('p2.json', page(2, false))];
    expect(await sameAsWholeFile(source(['p1.json', 'p2.json'], { json: { recordsPath: 'data' } }), files, 3)).toBe('streamed');
    expect(await sameAsWholeFile(source(['p1.json']), [input('p1.json', page(1, true))], 4)).toBe('streamed');
  });
});

describe('streaming NDJSON', () => {
  const line = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom('id', 'email'), tricky, { maxKeys: 2 }).map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '\r', '[1]', '"x"', '{"broken": ', '{"a":1}}') },
  );
  it('gives the same records, line numbers and issues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), chunk, fc.constantFrom('x.ndjson', 'x.json'), async (lines, size, name) => {
        const text = lines.join('\n');
        await sameAsWholeFile(source([name]), [input(name, text)], size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('streaming the fixtures and the sample', () => {
  const files = [
    ...readdirSync(FIXTURES).filter((n) => /-input\.[a-z]+$/.test(n)).map((n) => join(FIXTURES, n)),
    ...readdirSync(ACME).filter((n) => /\.(csv|json)$/.test(n)).map((n) => join(ACME, n)),
    ...findPresetFixtures(PRESETS),
  ];
  it.each(files.map((f) => [f.slice(f.indexOf('test/') >= 0 ? f.indexOf('test/') : f.indexOf('examples/'))]))('%s', async (path) => {
    const full = join(ROOT, path);
    const name = full.slice(full.lastIndexOf('/') + 1);
    const file = input(name, new Uint8Array(readFileSync(full)));
    const how = new Set<string>();
    for (const size of [7, 4096, 1 << 20]) how.add(await sameAsWholeFile(source([name]), [file], size));
    // Only files a streaming reader cannot settle alone go whole: HTTP headers, UTF-16, broken quoting.
    expect([...how]).toEqual([WHOLE.test(name) ? 'whole' : 'streamed']);
  });
});
