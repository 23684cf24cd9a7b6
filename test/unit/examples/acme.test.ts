/** The committed sample equals a fresh generation with the documented seed and size, and its project
 * files validate: the sample cannot drift from the generator or the schema. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectSchema } from '../../../core/project/schema';
import { ACME, ACME_DIR, writeAcme } from '../../../examples/generator/acme';
import { cleanTemps, tempDir } from './exports';

afterAll(cleanTemps);

async function tree(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await tree(root, path)));
    else out.push(relative(root, path));
  }
  return out.sort();
}

describe('examples/acme', () => {
  it('equals a fresh generation (regenerate with `npm run gen -- --acme`)', async () => {
    const fresh = await tempDir();
    await writeAcme(fresh);
    const files = await tree(fresh);
    expect(await tree(ACME_DIR)).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(ACME_DIR, file)), readFile(join(fresh, file))]);
      expect(a.equals(b), `${file} differs from a fresh generation`).toBe(true);
    }
  });

  it.each([
    ['project.json', ACME.asOf],
    ['project-week2.json', '2026-11-09'],
  ])('%s validates against projectSchema', async (file, asOf) => {
    const project = projectSchema.parse(JSON.parse(await readFile(join(ACME_DIR, file), 'utf8')));
    expect(project.name).toBe('Acme Corp');
    expect(project.asOf).toBe(asOf);
    expect(project.sources.map((s) => [s.id, s.system])).toEqual([
      ['workday', 'hris'],
      ['okta', 'idam'],
      ['servicenow', 'itsm'],
      ['slack', 'chat'],
    ]);
    expect(project.sources.every((s) => s.files.every((f) => f.startsWith(`${asOf}/`)))).toBe(true);
    expect(project.join).toMatchObject({ key: 'email', duplicatePolicy: 'prefer-active' });
    expect(project.deletion.windowDays).toBe(7);
  });

  it('has identical config in both weeks apart from asOf and the folder', async () => {
    const [a, b] = await Promise.all(
      ['project.json', 'project-week2.json'].map(async (f) => readFile(join(ACME_DIR, f), 'utf8')),
    );
    expect(b.replaceAll('2026-11-09', '2026-11-02')).toBe(a);
  });
});
