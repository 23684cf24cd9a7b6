/** The Run screen sets the export date a run is ordered by in the history (issue 5). */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp, resetDb } from '../support/render-app';

beforeEach(resetDb);

describe('Run screen asOf', { timeout: 30_000 }, () => {
  it('defaults to the pipeline default and passes only a date the user set', async () => {
    const { backend } = renderApp('run');
    const input = (await screen.findByTestId('run-as-of')) as HTMLInputElement;
    // The test project has no asOf and its files no dates: today.
    expect(input.value).toBe(new Date().toISOString().slice(0, 10));
    fireEvent.click(screen.getByRole('button', { name: 'Start run' }));
    await waitFor(() => expect(backend.startRun).toHaveBeenCalledTimes(1));
    expect(backend.startRun.mock.calls[0][0]).not.toHaveProperty('asOf');
    await screen.findByText(/Run complete/);

    fireEvent.change(input, { target: { value: '2025-03-04' } });
    expect(screen.getByText('set for this run; runs are ordered by it')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(backend.startRun).toHaveBeenCalledTimes(2));
    expect(backend.startRun.mock.calls[1][0]).toMatchObject({ asOf: '2025-03-04' });
  });
});
