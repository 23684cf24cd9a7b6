/**
 * The audit views on a small stored run (issue 4): the join matrix and a cell's records with raw beside
 * mapped, conflicts with the kept record and why plus the CSV export, orphans with suggested links, filter
 * hits with what-if, and the key advice. The audit tasks run in-process here (jsdom has no Worker).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keyAdvice } from '../../../../core/advice/key-advice';
import { conflictsCsv } from '../../../../core/export/tables';
import type { RunResult } from '../../../../core/types';
import { renderApp, resetDb } from '../support/render-app';
import { storeRun } from '../support/store-run';
import { smallRun } from './small-run';

// jsdom lays nothing out: give scrollers a viewport so the virtualized lists render rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 }));
afterAll(() => clientHeight && Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight));

let result: RunResult;
beforeAll(async () => {
  result = await smallRun();
});
beforeEach(async () => {
  await resetDb();
  await storeRun('sample:test', result);
});

async function openView(id: 'joins' | 'orphans' | 'conflicts' | 'filters' | 'keys') {
  const view = renderApp('audit');
  fireEvent.click(await screen.findByTestId(`audit-view-${id}`));
  return view;
}

describe('AuditScreen', () => {
  it('shows records per source and state, and a record raw beside mapped', async () => {
    await openView('joins');
    const matrix = screen.getByTestId('join-matrix');
    expect(within(matrix).getByTestId('join-cell-okta-duplicate').textContent).toBe('1');
    expect(within(matrix).getByTestId('join-cell-hr-primary').textContent).toBe('4');
    expect((within(matrix).getByTestId('join-cell-hr-orphan') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(matrix).getByTestId('join-cell-okta-duplicate'));
    fireEvent.click(await screen.findByTestId('cell-record'));
    const detail = await screen.findByTestId('record-detail');
    expect(detail.textContent).toContain('policy "prefer-active": kept the first active record (id "o2"');
    expect(within(detail).getByTestId('record-raw').textContent).toContain('"login": "admin.bob.roy@example.com"');
    expect(within(detail).getByTestId('record-mapped').textContent).toContain('user_nameprofile.loginadmin.bob.roy@example.com');
  });

  it('lists duplicate-key groups with the record kept and why, and exports them as CSV', async () => {
    const { backend } = await openView('conflicts');
    const row = await screen.findByTestId('conflict-row');
    expect(row.textContent).toMatch(/okta · key bob\.roy@example\.com · 2 records · policy prefer-active/);
    expect(row.textContent).toMatch(/kept okta\.json row 2 "o2"/);
    expect(row.textContent).toMatch(/dropped okta\.json row 3 "o3"/);
    fireEvent.click(screen.getByTestId('export-conflicts'));
    await waitFor(() => expect(backend.saveText).toHaveBeenCalled());
    const duplicates = result.conflicts.filter((c) => c.kind === 'duplicate-key');
    expect(backend.saveText).toHaveBeenCalledWith('conflicts-duplicate-key.csv', [...conflictsCsv(duplicates)].join(''));

    fireEvent.click(screen.getByTestId('conflict-kind-ambiguous-link'));
    await waitFor(() => expect(screen.getByTestId('conflict-row').textContent).toMatch(/2 records for 1 user · none linked/));
    fireEvent.click(screen.getByTestId('conflict-kind-missing-key'));
    await waitFor(() => expect(screen.getByTestId('conflict-row').textContent).toContain('okta.json row 7 "o8" · no value for email, employee_id'));
  });

  it('suggests roster users for orphans with a score and why', async () => {
    await openView('orphans');
    const rows = await screen.findAllByTestId('orphan-row');
    expect(screen.getByTestId('orphan-summary').textContent).toMatch(/^2 orphan records; 1 with a suggested roster user/);
    const annie = rows.find((r) => r.textContent?.includes('annie.lee@gmail.com'));
    const suggestion = within(annie as HTMLElement).getByTestId('suggestion');
    expect(suggestion.textContent).toMatch(/^\d+(\.\d)?%Ann Lee ann\.lee@example\.com/);
    expect(suggestion.textContent).toContain('first and last name are equal');
    fireEvent.click(screen.getByRole('checkbox', { name: /only with a suggestion/ }));
    await waitFor(() => expect(screen.getAllByTestId('orphan-row')).toHaveLength(1));
  });

  it('counts filter hits per rule, lists the records, and shows what switching a rule off would change', async () => {
    await openView('filters');
    const rules = screen.getAllByTestId('filter-rule');
    expect(rules.map((r) => r.textContent?.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^hrterminatedactive == false11/),
      expect.stringMatching(/^oktaservice accounts.*11/),
      expect.stringMatching(/^oktadeprovisioned \(off in the project\).*00/),
      expect.stringMatching(/^chatbots.*11/),
    ]);
    fireEvent.click(screen.getByRole('button', { name: '1 records hit by okta rule service accounts' }));
    // The list is a live query on IndexedDB: on a loaded machine it takes longer than findBy's default second.
    fireEvent.click(await screen.findByTestId('rule-record', {}, { timeout: 10_000 }));
    expect((await screen.findByTestId('record-raw', {}, { timeout: 10_000 })).textContent).toContain('svc-backup@example.com');

    fireEvent.click(screen.getByTestId('whatif-hr-terminated'));
    await waitFor(() => expect(screen.getByTestId('what-if-summary').textContent).toBe('4 → 5 roster users: 1 added, 0 removed.'));
    expect(screen.getByTestId('what-if-users').textContent).toBe('Roster users45+1');
    expect(screen.getByTestId('what-if-coverage-hris').textContent).toBe('Users with HR record linked45+1');
    expect(screen.getByTestId('what-if-hr-filtered').textContent).toBe('1 → 0 (−1)');
    expect(screen.getByTestId('what-if-hr-linked').textContent).toBe('4 → 5 (+1)');
    expect(screen.getByText(/Added: Eve Ng/)).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('what-if')).getByRole('button', { name: 'Reset' }));
    expect(screen.queryByTestId('what-if')).toBeNull();
  });

  it('gives the key advice with its numbers per source and candidate', async () => {
    await openView('keys');
    const advice = keyAdvice(result);
    expect((await screen.findByTestId('key-recommendation')).textContent).toBe(advice.summary);
    if (advice.callout) expect(screen.getByTestId('key-callout').textContent).toBe(advice.callout);
    const email = screen.getByTestId('candidate-chat-email');
    expect(email.textContent).toMatch(/^chatemailcurrent/);
    const okta = advice.candidates.find((c) => c.source === 'okta' && c.attribute === 'employee_id');
    expect(okta).toMatchObject({ matched: 3, matchedShare: 0.75 });
    expect(screen.getByTestId('candidate-okta-employee_id').textContent).toMatch(/^oktaemployee_id.*3 \(75%\)100%80%1 values, 2 records/);
  });
});
