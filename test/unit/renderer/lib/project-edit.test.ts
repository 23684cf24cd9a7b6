/** Project edits are immutable and never lose a mapping entry. */
import { describe, expect, it } from 'vitest';
import { addSourceFiles, setMappingEntry } from '../../../../renderer/lib/project-edit';
import { PROJECT } from '../support/make-run';

describe('project edits', () => {
  it('adds file names once, in order', () => {
    const next = addSourceFiles(PROJECT, 'hr', ['hr-2.csv', 'hr.csv']);
    expect(next.sources[0].files).toEqual(['hr.csv', 'hr-2.csv']);
    expect(PROJECT.sources[0].files).toEqual(['hr.csv']);
  });

  it('renames a mapping entry in place but never onto another entry', () => {
    const source = PROJECT.sources[0];
    expect(Object.keys(setMappingEntry(source, 'email', { name: 'mail', value: 'Email' }).mapping)).toEqual(['mail', 'display_name']);
    expect(setMappingEntry(source, 'email', { name: 'display_name', value: 'Email' })).toBe(source);
    expect(Object.keys(setMappingEntry(source, 'email', null).mapping)).toEqual(['display_name']);
  });
});
