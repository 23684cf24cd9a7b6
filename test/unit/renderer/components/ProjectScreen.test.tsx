/** First start opens the sample; sources show their preview; the mapping editor previews and flags errors. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { repo } from '../../../../renderer/db/repo';
import { renderApp, resetDb } from '../support/render-app';

beforeEach(resetDb);

describe('ProjectScreen', () => {
  it('opens the bundled sample on first start, ready to run', async () => {
    const { backend } = renderApp('project');
    expect(await screen.findByTestId('project-name')).toHaveProperty('textContent', 'Test project');
    expect(backend.openSample).toHaveBeenCalledTimes(1);
    expect((await repo.latestProject())?.id).toBe('sample:test');
    const sources = screen.getByRole('navigation', { name: 'Sources' });
    expect(within(sources).getAllByRole('button').map((b) => b.textContent)).toEqual(['hrhris · 1 file', 'chatchat · 1 file', '+ Add source']);
    expect(screen.getByTestId('run-project')).toHaveProperty('disabled', false);
  });

  it('reopens the last project instead of the sample on a later start', async () => {
    const first = renderApp('project');
    await screen.findByTestId('project-name');
    first.unmount();
    const second = renderApp('project');
    await screen.findByTestId('project-name');
    expect(second.backend.openSample).not.toHaveBeenCalled();
  });

  it('shows the detected format, record count and first rows of a source', async () => {
    renderApp('project');
    const preview = await screen.findByTestId('source-preview');
    expect(within(preview).getByTestId('detected-format').textContent).toBe('csv');
    expect(within(preview).getByTestId('record-count').textContent).toBe('3');
    expect(within(preview).getByText('Bob Roy')).toBeTruthy();
  });

  it('previews mapped values on sample records and flags an unknown column inline', async () => {
    renderApp('project');
    const editor = await screen.findByTestId('mapping-editor');
    await waitFor(() => expect(within(editor).getByText('Ann@Example.com')).toBeTruthy());
    const email = within(editor).getByLabelText('Mapping of email');
    fireEvent.change(email, { target: { value: 'Emial' } });
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(editor.textContent).toMatch(/unknown column "Emial".*Did you mean "Email"/);
    // The other attributes keep their preview while one entry is broken.
    expect(within(editor).getByText('Ann Lee')).toBeTruthy();
    expect(screen.getByTestId('project-name').textContent).toContain('•');
  });

  it('adds dropped files to the selected source', async () => {
    const { backend } = renderApp('project');
    const zone = await screen.findByTestId('drop-zone');
    const file = new File(['Id,Email\n'], 'hr-page2.csv', { type: 'text/csv' });
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(within(zone).getByText('hr-page2.csv')).toBeTruthy());
    expect(backend.addSourceFiles).toHaveBeenCalledWith('sample:test', [file]);
  });

  it('validates the enablement rule and saves the project', async () => {
    const { backend } = renderApp('project');
    const editor = await screen.findByTestId('enablement-editor');
    fireEvent.click(within(editor).getByLabelText('A rule'));
    fireEvent.change(within(editor).getByTestId('enablement-rule'), { target: { value: 'department ==' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Validate' }));
    expect(within(editor).getByRole('list', { name: 'Enablement issues' }).textContent).toMatch(/enablement\.rule/);
    fireEvent.change(within(editor).getByTestId('enablement-rule'), { target: { value: 'department != "Sales"' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Validate' }));
    expect(within(editor).getByText('Valid.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('deletion-window'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('save-project'));
    await waitFor(() => expect(backend.saveProject).toHaveBeenCalled());
    const saved = await repo.latestProject();
    expect(saved?.project.enablement).toEqual({ mode: 'rule', rule: 'department != "Sales"' });
    expect(saved?.project.deletion?.windowDays).toBe(3);
  });
});
