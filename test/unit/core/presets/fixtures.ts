/** Preset fixtures: test/fixtures/presets/<preset-id>/<file>, each written from the vendor's docs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFile, type LoadedFile } from '../../../../core/load';
import { sampleFromLoaded, type PresetSample } from '../../../../core/presets';
import type { InputFile } from '../../../../core/types';

export const FIXTURES_DIR = join(__dirname, '../../../fixtures/presets');

export interface Fixture {
  /** `okta-users-api/users.json` */
  name: string;
  /** The folder: the preset the file must be recognized as (`guess` for none). */
  expected: string;
  file: string;
  bytes: Uint8Array;
}

export function fixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .sort()
    .flatMap((dir) =>
      readdirSync(join(FIXTURES_DIR, dir))
        .sort()
        .map((file) => ({
          name: `${dir}/${file}`,
          expected: dir,
          file,
          bytes: new Uint8Array(readFileSync(join(FIXTURES_DIR, dir, file))),
        })),
    );
}

export function fixture(name: string): Fixture {
  const found = fixtures().find((f) => f.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

/** The fixture loaded as the app and the CLI load a dropped file, and its sample. */
export function load(
  f: Pick<Fixture, 'file' | 'bytes'>,
  source = 's',
): { loaded: LoadedFile; sample: PresetSample; input: InputFile } {
  const input = { source, name: f.file, bytes: f.bytes };
  const loaded = loadFile(input, { format: 'auto' });
  return { loaded, sample: sampleFromLoaded(loaded), input };
}
