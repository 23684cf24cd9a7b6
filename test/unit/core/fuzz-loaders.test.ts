/**
 * Fuzzing the loaders (issue 8): random bytes, CSV-ish text, JSON values and mutated real exports go
 * through the whole-file loader (loadFile) and the streaming pipeline (runPipeline). 0 exceptions other
 * than ProjectError, and every input settles within its time bound. 10,000+ inputs per run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProjectError } from '../../../core/issues';
import { loadFile } from '../../../core/load';
import { runPipeline } from '../../../core/pipeline';
import type { ProjectInput } from '../../../core/project/schema';

/** Per input; a loader that loops or goes quadratic on a few KB blows far past it. */
const BOUND_MS = 1_000;
const RUNS = 2_500;
const fixtures = resolve(import.meta.dirname, '../../fixtures');
const EXTENSIONS = ['.csv', '.json', '.ndjson', '.txt', ''] as const;

/** Small real exports to mutate: the loader fixtures and the corpus's good files. */
const seeds: Uint8Array[] = [join(fixtures, 'load'), join(fixtures, 'bad/good'), join(fixtures, 'projects/tiny')].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => !name.endsWith('-expected.json') && name !== 'project.json')
    .map((name) => new Uint8Array(readFileSync(join(dir, name)))),
);

const project = (name: string): ProjectInput => ({
  name: 'fuzz',
  asOf: '2026-11-02',
  primary: 'hr',
  sources: [{ id: 'hr', system: 'hris', files: [name], externalId: 'coalesce(id, Id)', mapping: { email: 'coalesce(email, Email, profile.email)' } }],
});

let settled = 0;

/** Loads `bytes` both ways; throws (fails the property) on anything but issues and ProjectError. */
async function loadBothWays(bytes: Uint8Array, extension: string): Promise<void> {
  const name = `input${extension}`;
  const started = Date.now();
  const loaded = loadFile({ source: 'hr', name, bytes }, { format: 'auto' });
  for (const issue of loaded.issues) expect(issue.message).toContain(name);
  for (const record of loaded.records) expect(record.row).toBeGreaterThan(0);
  try {
    await runPipeline([{ source: 'hr', name, bytes }], project(name));
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
  }
  expect(Date.now() - started, `${name}: ${bytes.length} bytes`).toBeLessThan(BOUND_MS);
  settled++;
}

const extension = fc.constantFrom(...EXTENSIONS);
const text = (s: string) => new TextEncoder().encode(s);

/** Text built from the characters CSV parsing turns on. */
const csvish = fc
  .array(fc.oneof(fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', 'Id', 'Email', 'a@b.c', '\uFEFF', 'é', '\u0000'), fc.string({ maxLength: 6 })), { maxLength: 60 })
  .map((parts) => text(parts.join('')));

/** JSON documents: arrays and envelopes of random values, NDJSON lines, some cut short. */
const jsonish = fc
  .tuple(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.dictionary(fc.constantFrom('id', 'email', 'profile', 'value', 'members'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 5 })), fc.constantFrom('array', 'envelope', 'ndjson', 'cut'), fc.nat())
  .map(([value, shape, cut]) => {
    const doc = shape === 'envelope' ? JSON.stringify({ value, '@odata.nextLink': 'x' }) : shape === 'ndjson' && Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(value) ?? 'null';
    return text(shape === 'cut' ? doc.slice(0, cut % (doc.length + 1)) : doc);
  });

/** A real export with bytes flipped, inserted, deleted or cut off. */
const mutated = fc
  .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.constantFrom('flip', 'insert', 'delete', 'truncate'), fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }))
  .map(([seed, edits]) => {
    let bytes = [...seed];
    for (const [kind, at, byte] of edits) {
      const i = at % (bytes.length + 1);
      if (kind === 'flip' && i < bytes.length) bytes[i] = byte;
      else if (kind === 'insert') bytes.splice(i, 0, byte);
      else if (kind === 'delete') bytes.splice(i, 1);
      else if (kind === 'truncate') bytes = bytes.slice(0, i);
    }
    return Uint8Array.from(bytes);
  });

describe('fuzzing the loaders', () => {
  const targets = [
    { description: 'random bytes', inputs: fc.uint8Array({ maxLength: 300 }) },
    { description: 'CSV-ish text', inputs: csvish },
    { description: 'JSON values, envelopes and NDJSON', inputs: jsonish },
    { description: 'mutated real exports', inputs: mutated },
  ];
  it.each(targets)(`$description: ${RUNS} inputs, no exception, each under ${BOUND_MS} ms`, async ({ inputs }) => {
    const before = settled;
    await fc.assert(fc.asyncProperty(inputs, extension, loadBothWays), { numRuns: RUNS });
    expect(settled - before).toBeGreaterThanOrEqual(RUNS);
  }, 120_000);
});
