/**
 * Reading a sample: building it from a loaded file, reading values by path, normalizing column names
 * so tenant- and locale-specific headers match by name (`Email Address [Required]` -> `emailaddress`),
 * and the value tests detection and guessing share (email-looking, id-looking, boolean-looking).
 */
import type { LoadedFile } from '../load';
import { indexColumns } from '../map/columns';
import { pathGetter } from '../map/paths';
import type { RawRecord } from '../types';
import type { PresetSample } from './types';

/** Records a sample holds: enough to see every field and value pattern, cheap on a million rows. */
export const SAMPLE_SIZE = 200;

/** The sample detection reads from a loaded file. */
export function sampleFromLoaded(loaded: LoadedFile, size = SAMPLE_SIZE): PresetSample {
  return {
    fileName: loaded.file,
    format: loaded.format,
    columns: loaded.columns,
    records: loaded.records.slice(0, size).map((r) => r.raw),
    total: loaded.records.length,
    ...(loaded.envelope ? { envelope: loaded.envelope } : {}),
  };
}

/** True when the sample has the column or path (a JSON leaf, or an object above one). */
export function hasField(sample: PresetSample, path: string): boolean {
  return indexColumns(sample.columns).knows(path);
}

/** The non-empty values at `path` in the sampled records. */
export function valuesAt(sample: PresetSample, path: string): unknown[] {
  const get = pathGetter(path);
  return sample.records
    .map((r: RawRecord) => get(r))
    .filter((v) => v !== undefined && v !== null && v !== '');
}

/** Share (0..1) of the non-empty values at `path` that pass `test`; 0 when there are none. */
export function shareOf(sample: PresetSample, path: string, test: (value: unknown) => boolean): number {
  const values = valuesAt(sample, path);
  return values.length === 0 ? 0 : values.filter(test).length / values.length;
}

/** A header reduced to what identifies it: lower-case letters and digits, without a bracketed suffix
 * (`Email Address [Required]` -> `emailaddress`, `Work_Email` -> `workemail`). */
export function normalizeName(name: string): string {
  return name
    .replace(/\s*\[[^\]]*\]\s*/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The first column (in `candidates` order) whose normalized name is one of the candidates'. */
export function findColumn(sample: PresetSample, candidates: readonly string[]): string | null {
  const byName = new Map<string, string>();
  for (const column of sample.columns) {
    const key = normalizeName(column);
    if (!byName.has(key)) byName.set(key, column);
  }
  for (const candidate of candidates) {
    const hit = byName.get(normalizeName(candidate));
    if (hit !== undefined) return hit;
  }
  return null;
}

/** How many of the names the sample's columns have (compared normalized). */
export function countColumns(sample: PresetSample, names: readonly string[]): number {
  const have = new Set(sample.columns.map(normalizeName));
  return names.filter((n) => have.has(normalizeName(n))).length;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const looksLikeEmail = (v: unknown): boolean => typeof v === 'string' && EMAIL.test(v.trim());

const BOOL_WORDS = new Set([
  'true',
  'false',
  'yes',
  'no',
  'y',
  'n',
  '1',
  '0',
  'active',
  'inactive',
  'enabled',
  'disabled',
]);
export const looksBoolean = (v: unknown): boolean =>
  typeof v === 'boolean' || (typeof v === 'string' && BOOL_WORDS.has(v.trim().toLowerCase()));

const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([t ].*)?$/i;
export const looksLikeDate = (v: unknown): boolean => typeof v === 'string' && DATE.test(v.trim());

/** A short code without spaces or `@`: `1001`, `E-0042`, `00u1ero7vZFVEIYLWPBN`. */
export const looksLikeId = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isInteger(v)) ||
  (typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(v.trim()));

/** Two or more words of letters: `Ada Park`, `Park, Ada`. */
export const looksLikeFullName = (v: unknown): boolean =>
  typeof v === 'string' && /^\p{L}[\p{L}'.-]*,?(\s+\p{L}[\p{L}'.-]*)+$/u.test(v.trim());

/** One word of letters: `Ada`. */
export const looksLikeName = (v: unknown): boolean =>
  typeof v === 'string' && /^\p{L}[\p{L}' .-]{0,40}$/u.test(v.trim());

/** Share of distinct values among the non-empty values at `path` (1 = all different). */
export function uniqueness(sample: PresetSample, path: string): number {
  const values = valuesAt(sample, path).map((v) =>
    typeof v === 'string' ? v.trim().toLowerCase() : JSON.stringify(v),
  );
  return values.length === 0 ? 0 : new Set(values).size / values.length;
}

/** Accumulates detection evidence: a weight and a reason per signal that holds. */
export class Evidence {
  #score = 0;
  readonly reasons: string[] = [];

  /** Adds `weight` (negative to count against) with `reason` when `holds`; returns `holds`. */
  add(weight: number, holds: boolean, reason: string): boolean {
    if (holds) {
      this.#score += weight;
      this.reasons.push(reason);
    }
    return holds;
  }

  get score(): number {
    return this.#score;
  }

  result(): { confidence: number; reasons: string[] } {
    return {
      confidence: Math.round(Math.min(1, Math.max(0, this.#score)) * 100) / 100,
      reasons: [...this.reasons],
    };
  }
}
