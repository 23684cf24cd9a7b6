/** A project picked again in the browser edition continues its history (issue 5): its id follows its name. */
import { describe, expect, it } from 'vitest';
import type { ProjectInput } from '../../../../core/project/schema';
import { browserProjectId } from '../../../../renderer/backend/browser-files';

const project = (name?: unknown) => ({ name, sources: [], primary: 'hr' }) as unknown as ProjectInput;

describe('browserProjectId', () => {
  it('gives next week’s project file the id of this week’s when the name is the same', () => {
    expect(browserProjectId(project('Acme roster'), 'project.json')).toBe(browserProjectId(project(' Acme roster '), 'project-week2.json'));
  });
  it('keeps projects with different names apart', () => {
    expect(browserProjectId(project('Acme'), 'p.json')).not.toBe(browserProjectId(project('Globex'), 'p.json'));
  });
  it('falls back to the file name for a project without a name', () => {
    expect(browserProjectId(project(), 'a.json')).not.toBe(browserProjectId(project(''), 'b.json'));
    expect(browserProjectId(project(42), 'a.json')).toBe(browserProjectId(project(), 'a.json'));
  });
});
