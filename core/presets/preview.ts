/**
 * What a source's files look like, for the project screen, and which export they are: per file the
 * detected format, encoding, delimiter and record count, the columns, the first records, the load issues,
 * and the preset detection (or guess) for the first file. One function for both workers (desktop and
 * browser), so the two editions describe a source identically.
 */
import type { Issue } from '../issues';
import { loadSource } from '../load';
import { sourceSchema, type ProjectInput } from '../project/schema';
import type { InputFile, RawRecord } from '../types';
import { detectSource } from './detect';
import { sampleFromLoaded } from './sample';
import type { PresetSample, SourceDetection } from './types';

export const PREVIEW_ROWS = 20;

export interface SourcePreview {
  sourceId: string;
  files: { name: string; format: string; encoding?: string; delimiter?: string; records: number }[];
  columns: string[];
  /** The first raw records (up to PREVIEW_ROWS). */
  sample: RawRecord[];
  issues: { severity: string; message: string; fix?: string }[];
  /** Which export this is: the preset chosen (or a guess), its proposal and the alternatives. */
  detection?: SourceDetection;
  /** The sample detection used, so the UI can ask another preset for its proposal (proposeWith). */
  presetSample?: PresetSample;
}

type SourceInput = ProjectInput['sources'][number];

const plain = (i: Pick<Issue, 'severity' | 'message' | 'fix'>) => ({ severity: i.severity, message: i.message, ...(i.fix ? { fix: i.fix } : {}) });

/** Loads a source's files and describes them. A source still being edited (no mapping yet) is read with
 * its load options only, so the preview never waits for a valid mapping. */
export function describeSource(input: SourceInput, files: InputFile[]): SourcePreview {
  const parsed = sourceSchema.safeParse(input);
  const source = parsed.success
    ? parsed.data
    : sourceSchema.parse({ id: input.id, system: input.system, files: input.files.length ? input.files : ['?'], format: input.format, csv: input.csv, json: input.json, externalId: 'id', mapping: {} });
  const loaded = loadSource(source, files);
  const missing = input.files.filter((name) => !files.some((f) => f.name === name));
  const first = loaded.files.find((f) => f.records.length > 0) ?? loaded.files[0];
  const presetSample = first && first.format ? sampleFromLoaded(first) : undefined;
  return {
    sourceId: input.id,
    files: loaded.files.map((f) => ({
      name: f.file,
      format: f.format,
      records: f.records.length,
      ...(f.encoding ? { encoding: f.encoding } : {}),
      ...(f.delimiter ? { delimiter: f.delimiter } : {}),
    })),
    columns: loaded.columns,
    sample: loaded.records.slice(0, PREVIEW_ROWS).map((r) => r.raw),
    issues: [
      ...missing.map((name) => ({ severity: 'error', message: `${name} is listed in the source but has not been added.`, fix: 'Add the file (drop it here or use "Add files…").' })),
      ...loaded.issues.map(plain),
    ],
    ...(presetSample ? { presetSample, detection: detectSource(presetSample) } : {}),
  };
}
