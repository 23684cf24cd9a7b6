/** What a failed write of a run tells the user (issue 8): space needed against space free, and when the
 * browser refuses although its own estimate says the run fits. */
import { describe, expect, it } from 'vitest';
import { storeFailure } from '../../../../renderer/lib/errors';

const quota = () => Object.assign(new Error('wrapped'), { inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
const MB = 1024 * 1024;

describe('storeFailure', () => {
  it('says how much more space the run needs when it does not fit', async () => {
    const issue = await storeFailure(quota(), { bytesPerRow: 1000, rows: 10_000 }, async () => ({ quota: 10 * MB, usage: 5 * MB }));
    expect(issue.message).toBe(
      "The run could not be stored: the browser's storage for this app is full. The run needs about 9.5 MB (10,000 rows); 5.0 MB of the 10.0 MB the browser allows this app are free. Nothing of this run was kept; earlier runs and projects are untouched.",
    );
    expect(issue.fix).toBe("Free about 4.5 MB space (delete old runs, or free disk space: the browser's quota grows with it), then run again.");
  });

  it('says the limit is not the reported one when the run fits the estimate (a private window)', async () => {
    const issue = await storeFailure(quota(), { bytesPerRow: 1000, rows: 1000 }, async () => ({ quota: 100 * MB, usage: 0 }));
    expect(issue.message).toContain('the browser refused to store more for this app');
    expect(issue.message).toContain('so the limit it hit is not the one it reports');
    expect(issue.fix).toMatch(/^Use a normal \(not private or guest\) browser window, or the desktop app/);
  });

  it('passes any other error on with its text', async () => {
    expect((await storeFailure(new Error('disk I/O error'), null, undefined)).message).toBe('The run could not be stored: disk I/O error');
  });
});
