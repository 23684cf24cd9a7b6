/** The overview reads the stored run: counters and one chart per question. */
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { completenessRows, coverageRows, recordsBySource, statesPresent } from '../../../../renderer/components/overview/chart-data';
import { makeRun } from '../support/make-run';
import { renderApp, resetDb } from '../support/render-app';
import { storeRun } from '../support/store-run';

beforeEach(resetDb);

describe('OverviewScreen', () => {
  it('asks for a run when the project has none', async () => {
    renderApp('overview');
    expect(await screen.findByTestId('no-run')).toBeTruthy();
  });

  it('shows the counters and charts of the newest complete run', async () => {
    await storeRun('sample:test', makeRun(40));
    renderApp('overview');
    const counter = (id: string) => screen.findByTestId(`counter-${id}`).then((e) => e.textContent);
    expect(await counter('imported')).toBe('40');
    expect(await counter('enabled')).toBe('30');
    expect(await counter('chat')).toBe('20');
    expect(await counter('itsm')).toBe('0');
    expect(await counter('idam')).toBe('0');
    for (const chart of ['records', 'coverage', 'filters', 'conflicts', 'completeness']) expect(screen.getByTestId(`chart-${chart}`)).toBeTruthy();
  });
});

describe('chart data', () => {
  const { stats } = makeRun(10);
  it('stacks records per source by the states that occur', () => {
    expect(statesPresent(stats)).toEqual(['primary', 'filtered']);
    expect(recordsBySource(stats)[0]).toMatchObject({ source: 'hr', primary: 10, filtered: 1 });
  });
  it('gives coverage as a share of roster users', () => {
    expect(coverageRows(stats).find((r) => r.kind === 'chat')).toEqual({ kind: 'chat', users: 5, share: 0.5 });
  });
  it('orders completeness fullest first', () => {
    expect(completenessRows(stats).map((r) => r.percent)).toEqual([100, 100, 100, 0]);
  });
});
