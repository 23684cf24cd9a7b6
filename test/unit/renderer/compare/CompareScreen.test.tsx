/** Compare: counters of both runs with deltas, how users matched, the lists with search and filters, a
 * user's diff field by field, and the diff as CSV (issue 5). */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIFF_HEADER } from '../../../../core/diff';
import { db } from '../../../../renderer/db/db';
import { range, recordTracked, runOf } from '../history/history-runs';
import { renderApp, resetDb } from '../support/render-app';

// jsdom lays nothing out: give the list's scroller a viewport so the virtualizer renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 }));
afterAll(() => clientHeight && Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight));

// The screens read IndexedDB (fake-indexeddb) and, for Compare, diff in a session: allow for a busy machine.
configure({ asyncUtilTimeout: 8000 });

const P = 'sample:test';

beforeEach(async () => {
  await resetDb();
  await recordTracked(db, P, runOf('2025-01-01', range(0, 10)));
  await recordTracked(
    db,
    P,
    runOf('2025-01-08', range(2, 12), (run) => {
      // user 3 moves to Product; user 5 gets a new email (so a new key and user id, same HR id)
      const u3 = run.roster.find((u) => u.userId === 'id-000003');
      if (u3) u3.attributes = { ...u3.attributes, department: 'Product' };
      const u5 = run.roster.find((u) => u.userId === 'id-000005');
      if (u5) Object.assign(u5, { userId: 'id-new-5', key: 'five@example.com', attributes: { ...u5.attributes, email: 'five@example.com' } });
    }),
  );
});

const rowsText = () => screen.queryAllByTestId('diff-row').map((r) => r.textContent ?? '');

describe('CompareScreen', { timeout: 30_000 }, () => {
  it('says that comparing needs two runs', async () => {
    await resetDb();
    await recordTracked(db, P, runOf('2025-01-01', range(0, 3)));
    renderApp('compare');
    expect(await screen.findByTestId('compare-needs-two')).toBeTruthy();
  });

  it('compares the newest run with the one before: counters, matching, lists and a user diff', async () => {
    const { backend } = renderApp('compare');
    await screen.findByTestId('compare-matching');
    expect(screen.getByTestId('compare-counter-users').textContent).toMatch(/10→10/);
    expect(screen.getByTestId('compare-delta-users').textContent).toBe('±0');
    expect(screen.getByTestId('matched-user-id').textContent).toBe('7');
    expect(screen.getByTestId('matched-primary-id').textContent).toBe('1');
    expect(screen.getByTestId('matching-method').textContent).toContain('external id of "hr"');
    expect(screen.getByTestId('compare-chart')).toBeTruthy();

    // Changed: users 3 and 5, user 5 matched by the primary id.
    await waitFor(() => expect(rowsText()).toHaveLength(2));
    expect(rowsText()[0]).toContain('department Sales → Product');
    expect(rowsText()[1]).toMatch(/matched by primary id.*join_key user5@example.com → five@example.com/);

    fireEvent.change(screen.getByTestId('diff-filter'), { target: { value: 'attr:department' } });
    await waitFor(() => expect(screen.getByTestId('diff-count').textContent).toBe('1 user'));
    fireEvent.click(screen.getByTestId('diff-row'));
    const diff = await screen.findByTestId('user-diff');
    const department = await within(diff).findByText('department');
    expect(department.closest('tr')?.textContent).toBe('departmentSalesProduct');

    fireEvent.click(screen.getByTestId('diff-tab-added'));
    await waitFor(() => expect(rowsText().map((t) => t.match(/user\d+@example.com/)?.[0])).toEqual(['user10@example.com', 'user11@example.com']));
    fireEvent.change(screen.getByTestId('diff-search'), { target: { value: 'user11' } });
    await waitFor(() => expect(rowsText()).toHaveLength(1));

    // The search stays when the tab changes: user 11 is not removed.
    fireEvent.click(screen.getByTestId('diff-tab-removed'));
    await waitFor(() => expect(screen.getByTestId('diff-count').textContent).toBe('0 users'));
    fireEvent.change(screen.getByTestId('diff-search'), { target: { value: '' } });
    await waitFor(() => expect(rowsText().map((t) => t.match(/user\d+@example.com/)?.[0])).toEqual(['user0@example.com', 'user1@example.com']));

    fireEvent.click(screen.getByTestId('export-diff'));
    await waitFor(() => expect(backend.saveText).toHaveBeenCalled());
    const [name, csv] = backend.saveText.mock.calls[0] as unknown as [string, string];
    expect(name).toBe('diff.csv');
    expect(csv.split('\r\n')[0]).toBe(DIFF_HEADER.join(','));
    expect(csv.split('\r\n').filter((l) => l.startsWith('added,'))).toHaveLength(2);
  });

  it('swaps the runs: added and removed trade places', async () => {
    renderApp('compare');
    await screen.findByTestId('compare-matching');
    fireEvent.click(screen.getByRole('button', { name: 'Swap runs A and B' }));
    await waitFor(() => expect((screen.getByTestId('compare-run-a') as HTMLSelectElement).selectedOptions[0].textContent).toContain('2025-01-08'));
    await screen.findByTestId('compare-matching');
    fireEvent.click(screen.getByTestId('diff-tab-added'));
    await waitFor(() => expect(rowsText().map((t) => t.match(/user\d+@example.com/)?.[0])).toEqual(['user0@example.com', 'user1@example.com']));
  });
});
