/** The roster pages rows from IndexedDB, searches any attribute, opens a user, and exports the CLI's CSV. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rosterCsv } from '../../../../core/export/tables';
import { makeRun } from '../support/make-run';
import { renderApp, resetDb } from '../support/render-app';
import { storeRun } from '../support/store-run';

// jsdom lays nothing out: give the table's scroller a viewport so the virtualizer renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 640 }));
afterAll(() => clientHeight && Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight));

const RESULT = makeRun(1200);
beforeEach(async () => {
  await resetDb();
  await storeRun('sample:test', RESULT);
});

describe('RosterScreen', () => {
  it('renders only the rows in view of a large roster', async () => {
    renderApp('roster');
    await waitFor(() => expect(screen.getAllByTestId('roster-row').length).toBeGreaterThan(10));
    expect(screen.getAllByTestId(/roster-row/).length).toBeLessThan(60);
    expect(screen.getByTestId('roster-count').textContent).toBe('1,200 users');
    expect(screen.getAllByTestId('roster-row')[0].textContent).toContain('user0@example.com');
  });

  it('searches by an external id and opens the user drawer', async () => {
    renderApp('roster');
    await screen.findAllByTestId('roster-row');
    fireEvent.change(screen.getByTestId('roster-search'), { target: { value: 'U9014' } });
    // fake-indexeddb scans the 1,200 rows for the any-attribute part of the search: give it time.
    await waitFor(() => expect(screen.getByTestId('roster-count').textContent).toBe('1 match'), { timeout: 8000 });
    fireEvent.keyDown(screen.getByTestId('roster-row'), { key: 'Enter' });
    const drawer = await screen.findByTestId('user-drawer');
    await waitFor(() => expect(within(drawer).getByRole('heading', { name: 'User 14' })).toBeTruthy());
    expect(within(drawer).getByTestId('drawer-enablement').textContent).toContain('everyone is enabled');
    expect(within(drawer).getByTestId('drawer-profile').textContent).toContain('hr · Email');
    expect(within(drawer).getByTestId('drawer-identities').textContent).toMatch(/U9014.*email.*chat\.json row 15/);
    fireEvent.click(within(drawer).getByRole('button', { name: 'Close user details' }));
    expect(screen.queryByTestId('user-drawer')).toBeNull();
  });

  it('shows the columns the user picks', async () => {
    renderApp('roster');
    await screen.findAllByTestId('roster-row');
    fireEvent.click(screen.getByTestId('column-picker'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'ext_chat' }));
    await waitFor(() => expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('ext_chat'));
  });

  it('exports the same CSV as the CLI writer', async () => {
    const { backend } = renderApp('roster');
    fireEvent.click(await screen.findByTestId('export-roster'));
    await waitFor(() => expect(backend.saveText).toHaveBeenCalled());
    const [name, content] = backend.saveText.mock.calls[0] as unknown as [string, string];
    expect(name).toBe('roster.csv');
    expect(content).toBe([...rosterCsv(RESULT.config, RESULT.roster)].join(''));
  });
});
