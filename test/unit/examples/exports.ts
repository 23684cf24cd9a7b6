/** Test helpers: generate into a temporary folder and read the four exports back as plain objects. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { generate } from '../../../examples/generator/generate';
import type { Manifest } from '../../../examples/generator/manifest';
import type { GenOptions } from '../../../examples/generator/plan';

export type Json = Record<string, unknown>;

export interface Exports {
  dir: string;
  manifest: Manifest;
  /** The CSV text as written (BOM included). */
  hrText: string;
  hrHeader: string[];
  hr: Record<string, string>[];
  okta: Json[];
  oktaTop: unknown;
  servicenowTop: Json;
  servicenow: Record<string, string>[];
  slackTop: Json;
  slack: Json[];
}

const temps: string[] = [];

/** A fresh temporary folder, removed by `cleanTemps`. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-gen-'));
  temps.push(dir);
  return dir;
}

export async function cleanTemps(): Promise<void> {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export async function generateInto(opts: GenOptions): Promise<string> {
  const dir = await tempDir();
  await generate({ ...opts, out: dir });
  return dir;
}

export async function readExports(dir: string): Promise<Exports> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const read = async (file: string) => JSON.parse(await readFile(join(dir, file), 'utf8')) as unknown;
  const hrText = await readFile(join(dir, manifest.files.workday), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(hrText.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const oktaTop = await read(manifest.files.okta);
  const servicenowTop = (await read(manifest.files.servicenow)) as Json;
  const slackTop = (await read(manifest.files.slack)) as Json;
  return {
    dir,
    manifest,
    hrText,
    hrHeader: parsed.meta.fields ?? [],
    hr: parsed.data,
    okta: oktaTop as Json[],
    oktaTop,
    servicenowTop,
    servicenow: servicenowTop.result as Record<string, string>[],
    slackTop,
    slack: slackTop.members as Json[],
  };
}

/** The join key as the pipeline normalizes it by default: trimmed, lower-case. */
export const norm = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');

export const profile = (record: Json) => record.profile as Json;
