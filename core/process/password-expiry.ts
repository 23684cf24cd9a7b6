/**
 * password-expiry: `password_last_set` + `maxAgeDays` -> `password_expires_on` (YYYY-MM-DD) and
 * `password_days_left` counted from the run's asOf date (negative once expired; 0 on the day).
 * No last-set date gives nulls; a value that is not a date gives nulls and is counted.
 */
import { addDays, daysBetween, parseDate } from '../expr';
import { copyAttributes, textOf, type Processor } from './types';

export const passwordExpiryProcessor: Processor<'password-expiry'> = {
  type: 'password-expiry',
  inputs: (o) => [o.from],
  outputs: () => ['password_expires_on', 'password_days_left'],
  apply(attrs, options, ctx) {
    const out = copyAttributes(attrs);
    out.password_expires_on = null;
    out.password_days_left = null;
    const value = attrs[options.from];
    if (textOf(value) === null) return out;
    const lastSet = parseDate(value);
    if (lastSet === null) {
      ctx.warn?.('bad-date', value);
      return out;
    }
    const expires = addDays(lastSet, options.maxAgeDays);
    out.password_expires_on = expires;
    out.password_days_left = daysBetween(ctx.asOf, expires);
    return out;
  },
};
