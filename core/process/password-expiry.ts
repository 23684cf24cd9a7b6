/**
 * password-expiry: `password_last_set` + `maxAgeDays` -> `password_expires_on` (YYYY-MM-DD) and
 * `password_days_left` counted from the run's asOf date (negative once expired; 0 on the day).
 * No last-set date gives nulls; a value that is not a date gives nulls and is counted.
 */
import { addDays, daysBetween, parseDate } from '../expr';
import { applyByUpdate, textOf, type Processor } from './types';

export const passwordExpiryProcessor: Processor<'password-expiry'> = {
  type: 'password-expiry',
  inputs: (o) => [o.from],
  outputs: () => ['password_expires_on', 'password_days_left'],
  update(attrs, out, options, ctx) {
    out.password_expires_on = null;
    out.password_days_left = null;
    const value = attrs[options.from];
    if (textOf(value) === null) return;
    const lastSet = parseDate(value);
    if (lastSet === null) {
      ctx.warn?.('bad-date', value);
      return;
    }
    const expires = addDays(lastSet, options.maxAgeDays);
    out.password_expires_on = expires;
    out.password_days_left = daysBetween(ctx.asOf, expires);
  },
  // It clears its outputs before reading `from`: in place only when `from` is not one of them.
  inPlace: (o) => o.from !== 'password_expires_on' && o.from !== 'password_days_left',
  apply: applyByUpdate<'password-expiry'>((attrs, out, options, ctx) => passwordExpiryProcessor.update(attrs, out, options, ctx)),
};
