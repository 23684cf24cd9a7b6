import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bundledSampleDir, checkProjectFiles, planAddedFile, safeFileName, sampleCopyDir, uniqueName } from '../../../electron/main/paths';
import { ProjectRegistry, projectIdFor } from '../../../electron/main/registry';

const dir = '/home/me/audit';
const project = (files: string[]) => ({ sources: [{ id: 'hr', files: ['hr.csv'] }, { id: 'okta', files }] });

describe('project file containment', () => {
  const refused = [
    { description: 'a ../ escape', entry: '../../etc/passwd' },
    { description: 'an absolute path', entry: '/etc/passwd' },
    { description: 'an escape hidden in the middle', entry: 'exports/../../secret.csv' },
    { description: 'the parent folder itself', entry: '..' },
  ];
  it.each(refused)('refuses $description with a message naming the key and the fix', ({ entry }) => {
    const issue = checkProjectFiles(project([entry]), dir);
    expect(issue?.message).toContain(`sources[1].files[0] of source "okta" names "${entry}"`);
    expect(issue?.fix).toMatch(/project file's folder/);
  });
  const allowed = ['okta.json', 'exports/okta-page-2.json', './okta.json', 'exports/../okta.json'];
  it.each(allowed)('accepts %s', (entry) => {
    expect(checkProjectFiles(project([entry]), dir)).toBeNull();
  });
});

describe('file names main creates', () => {
  it.each([
    ['roster.csv', 'roster.csv'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\okta.json', 'okta.json'],
    ['a<b>:c|d?.csv', 'a_b__c_d_.csv'],
    ['tab\there.csv', 'tab_here.csv'],
    ['.bashrc', 'bashrc'],
    ['..', null],
    ['', null],
    ['CON.txt', null],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('picks a free name, case-insensitively', () => {
    expect(uniqueName('hr.csv', new Set(['okta.json']))).toBe('hr.csv');
    expect(uniqueName('hr.csv', new Set(['HR.csv', 'hr-2.csv']))).toBe('hr-3.csv');
    expect(uniqueName('README', new Set(['README']))).toBe('README-2');
  });
});

describe('adding files picked in a dialog', () => {
  it('references a file inside the project folder where it is', () => {
    expect(planAddedFile(dir, join(dir, 'exports', 'okta.json'), new Set())).toEqual({ kind: 'inside', name: 'exports/okta.json' });
  });
  it('copies a file from elsewhere into the folder under a free name', () => {
    expect(planAddedFile(dir, '/tmp/okta.json', new Set(['okta.json']))).toEqual({
      kind: 'copy',
      name: 'okta-2.json',
      from: '/tmp/okta.json',
      to: join(dir, 'okta-2.json'),
    });
  });
  it('refuses a relative path (dialogs return absolute ones)', () => {
    expect(planAddedFile(dir, 'okta.json', new Set()).kind).toBe('refused');
  });
});

describe('the bundled sample', () => {
  it('is in resources when packaged, in the repository otherwise, and edited in userData', () => {
    expect(bundledSampleDir({ isPackaged: true, resourcesPath: '/opt/Roster Audit/resources', appPath: '/x' })).toBe('/opt/Roster Audit/resources/examples/acme');
    expect(bundledSampleDir({ isPackaged: false, resourcesPath: '/x', appPath: '/work/main' })).toBe('/work/main/examples/acme');
    expect(sampleCopyDir('/home/me/.config/Roster Audit')).toBe('/home/me/.config/Roster Audit/examples/acme');
  });
});

describe('the project registry', () => {
  it('hands out opaque, stable ids and keeps the path to itself', () => {
    const registry = new ProjectRegistry();
    const entry = registry.register('/home/me/audit/project.json');
    expect(entry.id).toMatch(/^[0-9a-f]{32}$/);
    expect(entry.id).not.toContain('audit');
    expect(entry.id).toBe(projectIdFor('/home/me/audit/./project.json'));
    expect(entry.dir).toBe('/home/me/audit');
    expect(registry.get(entry.id)).toEqual(entry);
    expect(registry.get(projectIdFor('/etc/passwd'))).toBeUndefined();
  });
});
