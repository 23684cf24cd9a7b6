/** The run screen shows progress per stage, completes into the overview, and cancels cleanly. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../renderer/db/db';
import { renderApp, resetDb } from '../support/render-app';

beforeEach(resetDb);

describe('RunScreen', () => {
  it('runs the project with progress per stage and links to the results', async () => {
    renderApp('project', { users: 12 });
    fireEvent.click(await screen.findByTestId('run-project'));
    await waitFor(() => expect(screen.getByTestId('run-phase').textContent).toContain('Run complete'));
    expect(window.location.hash).toBe('#/run');
    expect(screen.getByTestId('stage-load').textContent).toMatch(/done.*3 \/ 3/);
    expect(screen.getByTestId('stage-load').textContent).toContain('hr: 3 / 3');
    expect(screen.getByTestId('stage-store').textContent).toMatch(/done.*26 rows/);
    fireEvent.click(screen.getByRole('button', { name: 'Open the overview' }));
    expect(await screen.findByTestId('counter-imported')).toHaveProperty('textContent', '12');
  });

  it('cancels a run and stores nothing', async () => {
    const { recorder } = renderApp('project', { autoFinish: false });
    fireEvent.click(await screen.findByTestId('run-project'));
    const cancel = await screen.findByRole('button', { name: 'Cancel run' });
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.getByTestId('run-phase').textContent).toContain('cancelled'));
    await recorder.settled();
    expect(await db.runs.count()).toBe(0);
  });

  it('shows why a run failed', async () => {
    renderApp('project', { failWith: 'hr.csv row 3: unbalanced quotes' });
    fireEvent.click(await screen.findByTestId('run-project'));
    const errors = await screen.findByRole('list', { name: 'Run errors' });
    expect(errors.textContent).toContain('unbalanced quotes');
    expect(screen.getByTestId('run-phase').textContent).toContain('nothing was stored');
  });
});
