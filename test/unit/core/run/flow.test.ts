/** Flow control of the run stream (core/run/flow.ts): never more than the limit of chunks unacknowledged. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../../core/issues';
import { isRowsAck, postRun, RowCredits, ROWS_IN_FLIGHT } from '../../../../core/run/flow';
import type { RunMessage } from '../../../../core/run/stream';
import { makeRun } from '../../renderer/support/make-run';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RowCredits', () => {
  it('grants the limit at once, then one per ack, in order', async () => {
    const credits = new RowCredits(2);
    const granted: number[] = [];
    for (let i = 0; i < 5; i++) void credits.take().then(() => granted.push(i));
    await tick();
    expect(granted).toEqual([0, 1]);
    credits.ack();
    await tick();
    expect(granted).toEqual([0, 1, 2]);
    credits.ack();
    credits.ack();
    await tick();
    expect(granted).toEqual([0, 1, 2, 3, 4]);
    expect(credits.pending).toBe(2);
  });

  it('ignores an ack with nothing in flight', async () => {
    const credits = new RowCredits(1);
    credits.ack();
    await credits.take();
    let second = false;
    void credits.take().then(() => (second = true));
    await tick();
    expect(second).toBe(false);
  });

  it('rejects waiting and later takes once closed', async () => {
    const credits = new RowCredits(1);
    await credits.take();
    const waiting = credits.take();
    credits.close();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    await expect(credits.take()).rejects.toBeInstanceOf(CancelledError);
  });

  it('refuses a limit below one', () => {
    expect(() => new RowCredits(0)).toThrow(/positive integer/);
  });

  it('never has more in flight than its limit, whatever the order of takes and acks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { maxLength: 60 }),
        async (limit, steps) => {
          const credits = new RowCredits(limit);
          let granted = 0;
          let acked = 0;
          for (const take of steps) {
            if (take) void credits.take().then(() => granted++);
            else if (granted > acked) {
              credits.ack();
              acked++;
            }
            await Promise.resolve();
            await Promise.resolve();
            expect(granted - acked).toBeLessThanOrEqual(limit);
            expect(credits.pending).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('postRun', () => {
  it('posts the whole run stream in order when every chunk is acknowledged', async () => {
    const credits = new RowCredits();
    const posted: RunMessage[] = [];
    await postRun(
      makeRun(23),
      (m) => {
        posted.push(m);
        if (m.type === 'rows') queueMicrotask(() => credits.ack());
      },
      credits,
      10,
    );
    expect(posted.map((m) => (m.type === 'rows' ? `${m.table}:${m.rows.length}` : m.type))).toEqual([
      'roster:10',
      'roster:10',
      'roster:3',
      'records:10',
      'records:10',
      'records:4',
      'conflicts:1',
      'done',
    ]);
  });

  it(`stops after ${ROWS_IN_FLIGHT} chunks without acks, and ends with CancelledError when closed`, async () => {
    const credits = new RowCredits();
    const posted: RunMessage[] = [];
    const running = postRun(makeRun(23), (m) => posted.push(m), credits, 10);
    await tick();
    expect(posted).toHaveLength(ROWS_IN_FLIGHT);
    credits.close();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(posted.some((m) => m.type === 'done')).toBe(false);
  });
});

describe('postRun with settleBeforeDone', () => {
  it('posts done only after the last chunk was acknowledged, and never when the run is closed first', async () => {
    const credits = new RowCredits();
    const posted: RunMessage[] = [];
    const sending = postRun(makeRun(23), (m) => posted.push(m), credits, 10, true);
    // Acknowledge all but the last chunk as it comes: done must still wait for that one.
    for (let acked = 0; acked < 6; acked++) {
      await tick();
      credits.ack();
    }
    await tick();
    expect(posted.map((m) => m.type)).toEqual([...Array(7).fill('rows')]);
    expect(credits.pending).toBe(1);
    credits.ack();
    await sending;
    expect(posted.at(-1)?.type).toBe('done');

    const closed = new RowCredits();
    const stopped: RunMessage[] = [];
    const never = postRun(makeRun(3), (m) => stopped.push(m), closed, 10, true);
    await tick();
    closed.close();
    await expect(never).rejects.toBeInstanceOf(CancelledError);
    expect(stopped.some((m) => m.type === 'done')).toBe(false);
  });

  it('resolves settled() at once with nothing in flight', async () => {
    await expect(new RowCredits().settled()).resolves.toBeUndefined();
  });
});

describe('postRun over parts built as read', () => {
  it('builds no more rows than the chunks it may send, plus the one waiting for credit', async () => {
    const run = makeRun(95);
    let built = 0;
    function* users() {
      for (const user of run.roster) {
        built++;
        yield user;
      }
    }
    const { roster, records, conflicts, ...header } = run;
    const credits = new RowCredits();
    const posted: RunMessage[] = [];
    const sending = postRun(
      { header, roster: users(), records, conflicts },
      (m) => posted.push(m),
      credits,
      10,
    );
    await tick();
    expect(posted).toHaveLength(ROWS_IN_FLIGHT);
    expect(built).toBe(30);
    credits.ack();
    await tick();
    expect(built).toBe(40);
    credits.close();
    await expect(sending).rejects.toBeInstanceOf(CancelledError);
    expect(roster).toHaveLength(95);
  });
});

describe('isRowsAck', () => {
  it.each([
    [{ type: 'ack' }, true],
    [{ type: 'rows' }, false],
    [null, false],
    ['ack', false],
    [undefined, false],
  ])('%j -> %s', (message, expected) => {
    expect(isRowsAck(message)).toBe(expected);
  });
});
