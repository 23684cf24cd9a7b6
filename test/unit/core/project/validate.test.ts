import { describe, expect, it } from 'vitest';
import { parseProjectText, validateProject } from '../../../../core/project/validate';

const base = () => ({
  name: 'T',
  primary: 'hr',
  sources: [
    { id: 'hr', system: 'hris', files: ['hr.csv'], externalId: 'id', mapping: { email: 'Email' } },
    { id: 'chat', system: 'chat', files: ['chat.json'], externalId: 'id', mapping: { email: 'profile.email' } },
  ],
});

describe('validateProject', () => {
  it('accepts a minimal project and fills the defaults', () => {
    const { project, issues } = validateProject(base());
    expect(issues).toEqual([]);
    expect(project?.join).toEqual({ key: 'email', fallbackKeys: [], normalize: ['trim', 'lower'], duplicatePolicy: 'prefer-active' });
    expect(project?.enablement).toEqual({ mode: 'all' });
    expect(project?.deletion.windowDays).toBe(7);
  });

  const bad: { description: string; edit: (p: ReturnType<typeof base> & Record<string, unknown>) => unknown; message: RegExp }[] = [
    { description: 'an unknown key names its path', edit: (p) => ({ ...p, sources: [{ ...p.sources[0], colour: 1 }, p.sources[1]] }), message: /^sources\[0\]: unknown key "colour"/ },
    { description: 'a primary that does not exist lists the ids', edit: (p) => ({ ...p, primary: 'workday' }), message: /^primary: no source has the id "workday"; sources are "hr", "chat"/ },
    { description: 'a joining key the primary does not map', edit: (p) => ({ ...p, join: { key: 'employee_id' } }), message: /^sources\[0\]\.mapping: the joining key "employee_id" is not mapped in the primary source "hr"/ },
    { description: 'a wrong system kind lists the allowed ones', edit: (p) => ({ ...p, sources: [{ ...p.sources[0], system: 'hr' }, p.sources[1]] }), message: /^sources\[0\]\.system: invalid value; allowed: "hris", "idam", "itsm", "chat", "other"/ },
    { description: 'a deletion window below one day', edit: (p) => ({ ...p, deletion: { windowDays: 0 } }), message: /^deletion\.windowDays: / },
    { description: 'duplicate source ids', edit: (p) => ({ ...p, sources: [p.sources[0], { ...p.sources[1], id: 'hr' }] }), message: /^sources\[1\]\.id: source id "hr" is used twice/ },
    { description: 'a bad attribute name', edit: (p) => ({ ...p, sources: [{ ...p.sources[0], mapping: { 'Work Email': 'x' } }, p.sources[1]] }), message: /^sources\[0\]\.mapping\["Work Email"\]: invalid name: an attribute name is snake_case/ },
  ];
  for (const c of bad) {
    it(c.description, () => {
      const { project, issues } = validateProject(c.edit(base()));
      expect(project).toBeNull();
      expect(issues.map((i) => i.message)).toContainEqual(expect.stringMatching(c.message));
      expect(issues.every((i) => i.fix)).toBe(true);
    });
  }

  it('warns when a secondary source maps no joining key', () => {
    const p = base();
    p.sources[1].mapping = { first_name: 'x' } as never;
    const { project, issues } = validateProject(p);
    expect(project).not.toBeNull();
    expect(issues[0]).toMatchObject({ severity: 'warning', key: 'sources[1].mapping', code: 'project.source-unjoinable' });
  });

  it('names line and column of a JSON syntax error', () => {
    const { issues } = parseProjectText('{\n  "name": "x",\n  "primary" "hr"\n}', 'p.json');
    expect(issues[0].message).toMatch(/^p\.json is not valid JSON \(line 3, column \d+\)/);
  });
});
