/**
 * CSV formula injection in the app's own exports (issue 8): a run whose names, departments, ids and
 * emails are crafted spreadsheet formulas is stored, then the roster and a conflict list are exported
 * from their screens. No cell may start the way a spreadsheet runs a formula (=, +, -, @, tab, CR), and
 * every crafted value is there, escaped with a leading '.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../core/pipeline';
import type { ProjectInput } from '../../../core/project/schema';
import type { RunResult } from '../../../core/types';
import { renderApp, resetDb } from './support/render-app';
import { storeRun } from './support/store-run';

const FORMULA = /^[=+\-@\t\r]/;
const CRAFTED = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"];

const PROJECT: ProjectInput = {
  name: 'Crafted',
  asOf: '2026-11-02',
  primary: 'hr',
  sources: [
    {
      id: 'hr',
      system: 'hris',
      files: ['hr.csv'],
      externalId: 'Id',
      mapping: { employee_id: 'Id', email: 'Email', first_name: 'First', last_name: 'Last', department: 'Dept' },
    },
  ],
  join: { key: 'email', duplicatePolicy: 'first' },
};

function hrCsv(): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const rows = CRAFTED.map((v, i) => [q(v), `user${i}@acme.com`, q(v), q(v), q(v)].join(','));
  // Two records sharing a key: a duplicate-key conflict whose cells are crafted too.
  rows.push([q('=dup1'), 'dup@acme.com', q('+dup'), q('-dup'), q('@dup')].join(','));
  rows.push([q('=dup2'), 'dup@acme.com', q('+dup'), q('-dup'), q('@dup')].join(','));
  return `Id,Email,First,Last,Dept\r\n${rows.join('\r\n')}\r\n`;
}

function cells(csv: string): string[] {
  const parsed = Papa.parse<string[]>(csv.trim(), { header: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data.flat();
}

/** The cells a spreadsheet would run, and the crafted values missing in their escaped form (the CSV
 * loader trims values, so a leading tab or CR arrives trimmed, still a formula, and must be escaped too). */
function check(csv: string, values: string[]): { formulas: string[]; missing: string[] } {
  const all = cells(csv);
  return { formulas: all.filter((c) => FORMULA.test(c)), missing: values.filter((v) => !all.some((c) => c.startsWith(`'${v.trim()}`))) };
}

const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 }));
afterAll(() => clientHeight && Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight));

let result: RunResult;
beforeAll(async () => {
  result = await runPipeline([{ source: 'hr', name: 'hr.csv', bytes: new TextEncoder().encode(hrCsv()) }], PROJECT, { today: '2026-11-02' });
});
beforeEach(async () => {
  await resetDb();
  await storeRun('sample:test', result);
});

describe("the app's CSV exports with crafted cells", () => {
  it('exports the roster with every formula neutralized', async () => {
    const { backend } = renderApp('roster');
    fireEvent.click(await screen.findByTestId('export-roster'));
    await waitFor(() => expect(backend.saveText).toHaveBeenCalled());
    const [, csv] = backend.saveText.mock.calls[0] as unknown as [string, string];
    expect(check(csv, CRAFTED)).toEqual({ formulas: [], missing: [] });
  });

  it('exports a conflict list with every formula neutralized', async () => {
    const { backend } = renderApp('audit');
    fireEvent.click(await screen.findByTestId('audit-view-conflicts'));
    await screen.findByTestId('conflict-row');
    fireEvent.click(screen.getByTestId('export-conflicts'));
    await waitFor(() => expect(backend.saveText).toHaveBeenCalled());
    const [name, csv] = backend.saveText.mock.calls[0] as unknown as [string, string];
    expect(name).toBe('conflicts-duplicate-key.csv');
    expect(check(csv, ['=dup1', '=dup2'])).toEqual({ formulas: [], missing: [] });
  });
});
