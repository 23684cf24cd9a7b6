/**
 * The Explain screen on a small stored run (issue 4): one search box, core's diagnosis in its exact words,
 * the records with mapping and raw, the merged profile with lineage, and the JSON and HTML exports.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { explain } from '../../../../core/explain/explain';
import { traceHtml } from '../../../../core/explain/html';
import type { RunResult } from '../../../../core/types';
import { requestExplain } from '../../../../renderer/components/audit/explain-request';
import { renderApp, resetDb } from '../support/render-app';
import { storeRun } from '../support/store-run';
import { smallRun } from './small-run';

let result: RunResult;
beforeAll(async () => {
  result = await smallRun();
});
beforeEach(async () => {
  await resetDb();
  await storeRun('sample:test', result);
});

async function ask(query: string) {
  fireEvent.change(await screen.findByTestId('explain-query'), { target: { value: query } });
  fireEvent.click(screen.getByTestId('explain-submit'));
  await screen.findByTestId('trace');
  await waitFor(() => expect(screen.queryByTestId('audit-working')).toBeNull());
}

const diagnosis = () => screen.getAllByTestId('diagnosis-line').map((li) => li.textContent);

describe('ExplainScreen', () => {
  it.each([
    { description: 'a filtered service account', query: 'svc-backup@example.com' },
    { description: 'an admin duplicate', query: 'o3' },
    { description: 'an orphan chat user', query: 'annie.lee@gmail.com' },
    { description: 'a user the rule does not enable', query: 'Bob Roy' },
    { description: 'a user with no chat account', query: 'E5' },
  ])('shows the diagnosis of $description in core words', async ({ query }) => {
    renderApp('explain');
    await ask(query);
    expect(diagnosis()).toEqual(explain(result, query).diagnosis);
  });

  it('shows records with mapping and raw, and the merged profile with lineage and gaps', async () => {
    renderApp('explain');
    await ask('dee.wu@example.com');
    const record = screen.getByTestId('trace-record');
    expect(record.textContent).toMatch(/hr \(hris\) · hr\.csv row 4 · id E5primarymatched on its joining key/);
    expect(record.textContent).toContain('"Email": "dee.wu@example.com"');
    const user = screen.getByTestId('trace-user');
    expect(within(user).getByTestId('trace-enablement').textContent).toBe(result.roster.find((u) => u.key === 'dee.wu@example.com')?.enabledReason);
    expect(within(user).getByTestId('trace-coverage').textContent).toBe('Linked in hris · coverage gaps: idam, chat');
    expect(user.textContent).toMatch(/departmentSupporthr · Dept/);
  });

  it('exports the trace as JSON and as a self-contained HTML page', async () => {
    const { backend } = renderApp('explain');
    await ask('U4');
    const trace = explain(result, 'U4');
    fireEvent.click(screen.getByTestId('export-trace-json'));
    await waitFor(() => expect(backend.saveText).toHaveBeenCalledWith('why-u4.json', `${JSON.stringify(trace, null, 2)}\n`));
    fireEvent.click(screen.getByTestId('export-trace-html'));
    await waitFor(() => expect(backend.saveText).toHaveBeenCalledWith('why-u4.html', traceHtml(trace)));
  });

  it('opens with the query another view asked for', async () => {
    requestExplain('o9');
    renderApp('explain');
    await screen.findByTestId('trace');
    await waitFor(() => expect(diagnosis()).toEqual(explain(result, 'o9').diagnosis));
    expect((screen.getByTestId('explain-query') as HTMLInputElement).value).toBe('o9');
  });
});
