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
    expect(stages.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'running', 'pending', 'pending']);
    expect(markAllDone(stages).every((s) => s.status === 'done')).toBe(true);
  });
});
