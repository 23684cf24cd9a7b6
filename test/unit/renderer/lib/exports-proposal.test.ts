/**
 * Merging a proposal from dropped exports into the open project (issue 7): a new project takes the
 * proposed sources, primary and key; a project with files keeps its own and gets the new sources with
 * free ids, and the notes name the renamed ids.
 */
import { describe, expect, it } from 'vitest';
import { detectSource, proposeProject, type DetectedFile } from '../../../../core/presets';
import type { ProjectInput } from '../../../../core/project/schema';
import { isBlankProject, mergeProposal } from '../../../../renderer/lib/exports-proposal';
import { newProjectTemplate } from '../../../../renderer/lib/new-project';
import { fixture, load } from '../../core/presets/fixtures';

const detected = (...names: string[]): DetectedFile[] => names.map((name) => ({ path: fixture(name).file, detection: detectSource(load(fixture(name)).sample) }));

describe('mergeProposal', () => {
  it('gives a new project the proposed sources, primary and joining key, keeping its own settings', () => {
    const blank: ProjectInput = { ...newProjectTemplate(), name: 'Mine', enablement: { mode: 'rule', rule: 'department != "Sales"' } };
    expect(isBlankProject(blank)).toBe(true);
    const proposal = proposeProject(detected('slack-users-list/users.list.json', 'workday-worker-report/workers.csv'), { name: 'Mine' });
    const merged = mergeProposal(blank, proposal);
    expect(merged.project.sources.map((s) => s.id)).toEqual(['slack', 'workday']);
    expect(merged.project.primary).toBe('workday');
    expect(merged.project.join).toEqual(proposal.project.join);
    expect(merged.project.enablement).toEqual(blank.enablement);
    expect(merged.project.name).toBe('Mine');
    expect(merged.notes).toEqual(proposal.notes);
  });

  it('adds sources to a project that has files, with ids it does not use, and keeps its primary and key', () => {
    const existing: ProjectInput = {
      name: 'Acme',
      primary: 'slack',
      sources: [{ id: 'slack', system: 'chat', files: ['old.json'], externalId: 'id', mapping: { email: 'profile.email' } }],
      join: { key: 'email' },
    };
    expect(isBlankProject(existing)).toBe(false);
    const proposal = proposeProject(detected('slack-users-list/users.list.json', 'jira-users/users.json'), { name: 'x' });
    const merged = mergeProposal(existing, proposal);
    expect(merged.project.sources.map((s) => s.id)).toEqual(['slack', 'slack-2', 'jira']);
    expect(merged.project.primary).toBe('slack');
    expect(merged.project.join).toEqual(existing.join);
    expect(merged.added.map((s) => s.id)).toEqual(['slack-2', 'jira']);
    expect(merged.notes.some((n) => n.startsWith('primary:') || n.startsWith('join key:'))).toBe(false);
  });
});
