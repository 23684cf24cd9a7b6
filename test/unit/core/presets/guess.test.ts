/**
 * Unknown formats (issue 7): a mapping guessed from names and values, each attribute with a confidence
 * and a reason, marked `guess` so nothing is applied silently.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../core/pipeline';
import { detectSource, guessSource } from '../../../../core/presets';
import { fixture, load } from './fixtures';

const csv = (text: string) => load({ file: 'export.csv', bytes: new TextEncoder().encode(text) }).sample;

describe('guessSource', () => {
  it('maps an HR export from its names and values, with a confidence and a reason per attribute', () => {
    const d = detectSource(load(fixture('guess/people-export.csv')).sample);
    expect(d.preset).toBe('guess');
    expect(d.source.preset).toBe('guess');
    expect(d.system).toBe('hris');
    expect(d.sourceId).toBe('people-export');
    expect(d.source.mapping).toMatchObject({
      employee_id: 'Personnel No.',
      email: 'E-mail',
      first_name: 'Given name',
      last_name: 'Family name',
      start_date: 'Start date',
      active: 'lower(trim(field("Employment status"))) == "active"',
    });
    const email = d.attributes.find((a) => a.attribute === 'email');
    expect(email).toMatchObject({ confidence: 0.9 });
    expect(email?.reason).toMatch(/email addresses/);
    expect(d.reasons[0]).toMatch(/no preset reached 0.5 \(best: Workday/);
    expect(d.alternatives[0]).toMatchObject({ preset: 'workday-worker-report' });
  });

  it('the guessed HR source runs: the terminated row is filtered, leading zeros are kept', async () => {
    const f = fixture('guess/people-export.csv');
    const { sample, input } = load(f);
    const { source } = detectSource(sample);
    const result = await runPipeline([input], {
      name: 't',
      primary: 's',
      sources: [{ id: 's', files: [f.file], ...source }],
    });
    expect(result.stats.perSource.s).toMatchObject({ primary: 3, filtered: 1 });
    expect(result.roster[0].attributes).toMatchObject({ employee_id: '00123', start_date: '2019-03-04' });
  });

  it('finds email-looking values under any name in a JSON export', () => {
    const d = detectSource(load(fixture('guess/badge-system.json')).sample);
    expect(d.preset).toBe('guess');
    expect(d.source.mapping).toMatchObject({
      email: 'holder.contact',
      display_name: 'holder.fullName',
      active: 'enabled',
    });
    expect(d.attributes.find((a) => a.attribute === 'email')?.reason).toBe(
      'values of "holder.contact" look like email addresses',
    );
    expect(d.source.json).toEqual({ recordsPath: 'badges' });
  });

  it("the tiny project's HR file is guessed, and the guess maps what the hand-written project maps", () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../../fixtures/projects/tiny/hr.csv')));
    const d = detectSource(load({ file: 'hr.csv', bytes }).sample);
    expect(d.preset).toBe('guess');
    expect(d.source.mapping).toMatchObject({
      employee_id: 'Employee_ID',
      email: 'Work_Email',
      department: 'Department',
    });
  });

  it('a name alone is a weak guess; values alone are stronger; both together strongest', () => {
    const g = guessSource(csv('mail,contact,status\nnot given,a@x.io,yes\nunknown,b@x.io,no\n'));
    const email = g.attributes.find((a) => a.attribute === 'email');
    expect(email).toMatchObject({ entry: 'contact', confidence: 0.6 });
    expect(g.source.mapping.active).toBe('status');
    const both = guessSource(csv('Email,status\na@x.io,yes\n'));
    expect(both.attributes.find((a) => a.attribute === 'email')?.confidence).toBe(0.9);
  });

  it('says when nothing can join', () => {
    const g = guessSource(csv('colour,size\nred,9\n'));
    expect(g.notes.join(' ')).toMatch(/No email or employee id found/);
    expect(g.attributes[0]).toMatchObject({ attribute: 'externalId', confidence: 0.3 });
  });
});
