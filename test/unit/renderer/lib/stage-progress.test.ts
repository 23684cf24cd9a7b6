/** Progress per stage folds the run stream's progress events: per-source counts add up, earlier stages end. */
import { describe, expect, it } from 'vitest';
import { applyProgress, initialStages, markAllDone } from '../../../../renderer/lib/stage-progress';

describe('stage progress', () => {
  it('sums per-source counts and marks earlier stages done', () => {
    let stages = initialStages();
    stages = applyProgress(stages, { stage: 'load', source: 'hr', done: 10, total: 10 });
    stages = applyProgress(stages, { stage: 'load', source: 'chat', done: 4 });
    expect(stages[0]).toMatchObject({ status: 'running', done: 14, total: null, sources: { hr: { done: 10, total: 10 }, chat: { done: 4, total: null } } });
    stages = applyProgress(stages, { stage: 'join', done: 3, total: 9 });
    expect(stages.map((s) => [s.stage, s.status])).toEqual([
      ['load', 'done'],
      ['join', 'running'],
      ['enable', 'pending'],
      ['report', 'pending'],
    ]);
    expect(markAllDone(stages).every((s) => s.status === 'done')).toBe(true);
  });

  it('shows map, process and filter of a source as the progress of reading it (one pass per source)', () => {
    let stages = initialStages();
    stages = applyProgress(stages, { stage: 'load', source: 'hr', done: 0 });
    stages = applyProgress(stages, { stage: 'load', source: 'chat', done: 0 });
    stages = applyProgress(stages, { stage: 'map', source: 'hr', done: 20_000 });
    stages = applyProgress(stages, { stage: 'filter', source: 'hr', done: 25_000, total: 25_000 });
    stages = applyProgress(stages, { stage: 'map', source: 'chat', done: 20_000 });
    expect(stages[0]).toMatchObject({ stage: 'load', status: 'running', done: 45_000, total: null, sources: { hr: { done: 25_000, total: 25_000 }, chat: { done: 20_000, total: null } } });
    expect(stages.slice(1).every((s) => s.status === 'pending')).toBe(true);
  });
});
