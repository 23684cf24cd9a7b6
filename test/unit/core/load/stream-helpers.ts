/**
 * The streaming loader checked against the whole-file loader: same records (keys in the same order), rows,
 * columns, files and issues, whatever the chunk size. A file the streaming loader hands to the whole-file
 * loader (NeedsWholeFile) is reported as such, so tests can say which inputs must stream.
 */
import { expect } from 'vitest';
import { loadSource } from '../../../../core/load';
import { chunkedInput } from '../../../../core/load/stream/input';
import { OpenedSource } from '../../../../core/load/stream/open-source';
import { NeedsWholeFile } from '../../../../core/load/stream/types';
import type { SourceConfig } from '../../../../core/project/schema';
import type { InputFile, LoadedRecord } from '../../../../core/types';

export async function streamSource(source: SourceConfig, inputs: InputFile[], chunk: number) {
  const opened = await OpenedSource.open(
    source,
    inputs.map((f) => chunkedInput(f, chunk)),
  );
  const records: LoadedRecord[] = [];
  for await (const { file, batch } of opened.batches()) {
    batch.raws.forEach((raw, i) => records.push({ source: source.id, file, row: batch.rows[i], raw }));
  }
  return { ...opened.finish(source.id), records, allCsv: opened.allCsv };
}

/** Compares both loaders; returns whether the streaming one streamed or needed the whole file. */
export async function sameAsWholeFile(source: SourceConfig, inputs: InputFile[], chunk: number): Promise<'streamed' | 'whole'> {
  const legacy = loadSource(source, inputs);
  let streamed;
  try {
    streamed = await streamSource(source, inputs, chunk);
  } catch (error) {
    if (error instanceof NeedsWholeFile) return 'whole';
    throw error;
  }
  expect(streamed.records.map((r) => [r.file, r.row, JSON.stringify(r.raw)])).toEqual(legacy.records.map((r) => [r.file, r.row, JSON.stringify(r.raw)]));
  expect(streamed.records).toEqual(legacy.records);
  expect(streamed.columns).toEqual(legacy.columns);
  expect(streamed.issues).toEqual(legacy.issues);
  expect(streamed.files.map(({ count: _c, paging: _p, ...f }) => f)).toEqual(legacy.files.map(({ records: _r, ...f }) => f));
  expect(streamed.files.map((f) => f.count)).toEqual(legacy.files.map((f) => f.records.length));
  expect(streamed.allCsv).toBe(legacy.files.every((f) => f.format === 'csv'));
  return 'streamed';
}
