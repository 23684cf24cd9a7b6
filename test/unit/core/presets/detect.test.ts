/**
 * Detection (issue 7): every fixture is scored by every preset; the preset named by the fixture's folder
 * must reach the threshold and every other preset must stay below it, so detection picks the right
 * preset and no other. Fixtures in `guess/` must be recognized by none.
 */
import { describe, expect, it } from 'vitest';
import {
  PRESETS,
  PRESET_THRESHOLD,
  detectSource,
  presetById,
  proposeWith,
  scorePresets,
} from '../../../../core/presets';
import { sourceSchema } from '../../../../core/project/schema';
import { fixture, fixtures, load } from './fixtures';

const all = fixtures();

describe('preset registry', () => {
  it('has one fixture folder per preset, and the presets the issue lists', () => {
    const folders = new Set(all.map((f) => f.expected));
    for (const p of PRESETS) expect(folders, `fixtures for ${p.id}`).toContain(p.id);
    expect(PRESETS.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'okta-users-api',
        'okta-users-csv',
        'msgraph-users',
        'entra-users-csv',
        'slack-users-list',
        'servicenow-sys-user',
        'servicenow-sys-user-csv',
        'google-directory-users',
        'google-admin-users-csv',
        'scim-list-response',
        'workday-worker-report',
        'jira-users',
      ]),
    );
  });

  it('gives every preset a unique id, a valid source id, formats and documentation', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(sourceSchema.shape.id.safeParse(p.sourceId).success, p.id).toBe(true);
      expect(p.formats.length).toBeGreaterThan(0);
      expect(p.docs).toMatch(/^https:\/\//);
      expect(presetById(p.id)).toBe(p);
    }
  });
});

describe.each(all)('$name', (f) => {
  const { sample } = load(f);

  it(`is recognized as ${f.expected} by that preset only`, () => {
    const scores = scorePresets(sample);
    const above = scores.filter((s) => s.confidence >= PRESET_THRESHOLD).map((s) => s.preset);
    expect(above).toEqual(f.expected === 'guess' ? [] : [f.expected]);
    for (const s of scores) {
      expect(s.confidence).toBeGreaterThanOrEqual(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      if (s.confidence > 0) expect(s.reasons.length, `${s.preset} says why`).toBeGreaterThan(0);
    }
  });

  it('detectSource names the preset (or guess), its reasons and the alternatives', () => {
    const d = detectSource(sample);
    expect(d.preset).toBe(f.expected);
    expect(d.source.preset).toBe(f.expected);
    expect(d.reasons.length).toBeGreaterThan(0);
    expect(d.alternatives.every((a) => a.preset !== d.preset && a.confidence > 0)).toBe(true);
    expect(d.alternatives.map((a) => a.confidence)).toEqual(
      [...d.alternatives.map((a) => a.confidence)].sort((a, b) => b - a),
    );
    // The proposal is a valid source once the project gives it an id and its files.
    const parsed = sourceSchema.safeParse({ id: d.sourceId, files: [f.file], ...d.source });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // Every mapped attribute and the external id come with a confidence and a reason.
    expect(d.attributes.map((a) => a.attribute).sort()).toEqual(
      ['externalId', ...Object.keys(d.source.mapping)].sort(),
    );
    for (const a of d.attributes) {
      expect(a.confidence).toBeGreaterThan(0);
      expect(a.reason).toBeTruthy();
    }
  });
});

describe('choosing another preset', () => {
  it("proposeWith gives the named preset's proposal with the detected one among the alternatives", () => {
    const { sample } = load(fixture('okta-users-api/users.json'));
    const other = proposeWith('scim-list-response', sample);
    expect(other.preset).toBe('scim-list-response');
    expect(other.confidence).toBeLessThan(PRESET_THRESHOLD);
    expect(other.alternatives[0]).toMatchObject({ preset: 'okta-users-api', confidence: 1 });
    expect(proposeWith('guess', sample).preset).toBe('guess');
  });
});
