/** History shows the runs by export date with deletion candidates and days left; a run that trips the
 * mass-deletion safeguard says so first on its pages (issue 5). */
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../renderer/db/db';
import { renderApp, resetDb } from '../support/render-app';
import { range, recordTracked, runOf } from './history-runs';

beforeEach(resetDb);

// The screens read IndexedDB (fake-indexeddb) and, for Compare, diff in a session: allow for a busy machine.
configure({ asyncUtilTimeout: 8000 });

const P = 'sample:test';

describe('HistoryScreen', { timeout: 30_000 }, () => {
  it('asks for a run when the project has none', async () => {
    renderApp('history');
    expect(await screen.findByTestId('no-run')).toBeTruthy();
  });

  it('lists the runs by asOf and the deletion candidates of the newest with days left', async () => {
    await recordTracked(db, P, runOf('2025-01-01', range(0, 10)));
    await recordTracked(db, P, runOf('2025-01-03', range(2, 12)));
    renderApp('history');
    await waitFor(() => expect(screen.getAllByTestId('history-run')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('history-run');
    expect(first.textContent).toContain('2025-01-01');
    expect(first.textContent).toContain('first run of the history');
    expect(second.textContent).toContain('2025-01-03');
    expect(second.getAttribute('aria-pressed')).toBe('true');
    expect(within(second).getByTestId('history-run-deletions').textContent).toMatch(/−2 missing · 2 pending · 0 deleted · 0 restored/);
    const candidates = await screen.findAllByTestId('deletion-candidates-row');
    expect(candidates.map((row) => [row.querySelector('[data-col="Email"]')?.textContent, row.querySelector('[data-col="Days left"]')?.textContent])).toEqual([
      ['user0@example.com', '7'],
      ['user1@example.com', '7'],
    ]);
    expect(screen.getByTestId('history-chart')).toBeTruthy();

    // The first run has no candidates.
    fireEvent.click(first);
    await waitFor(() => expect(screen.getByTestId('history-selected').textContent).toContain('2025-01-01'));
    await waitFor(() => expect(screen.queryAllByTestId('deletion-candidates-row')).toHaveLength(0));
  });

  it('lists restored users', async () => {
    await recordTracked(db, P, runOf('2025-01-01', range(0, 10)));
    await recordTracked(db, P, runOf('2025-01-03', range(1, 10)));
    await recordTracked(db, P, runOf('2025-01-05', range(0, 10)));
    renderApp('history');
    const restored = await screen.findAllByTestId('restored-users-row');
    expect(restored.map((r) => r.querySelector('[data-col="Email"]')?.textContent)).toEqual(['user0@example.com']);
  });

  it('shows a tripped safeguard first on the overview, roster and history, with the numbers', async () => {
    await recordTracked(db, P, runOf('2025-01-01', range(0, 20)));
    await recordTracked(db, P, runOf('2025-01-02', range(0, 8)));
    for (const id of ['overview', 'roster', 'history'] as const) {
      const view = renderApp(id);
      const banner = await screen.findByTestId('safeguard-banner');
      expect(banner.textContent).toMatch(/12 users of the previous run \(60% of 20\)/);
      expect(banner.textContent).toContain('more than 20% of the previous roster');
      // Before anything else: the first thing in the screen's section.
      expect(banner.parentElement?.firstElementChild).toBe(banner);
      view.unmount();
    }
  });
});
