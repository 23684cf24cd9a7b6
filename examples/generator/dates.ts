/** Date arithmetic in UTC on `YYYY-MM-DD` days and epoch seconds: no local time zone, no clock. */

const DAY = 86_400;

/** A generation touches a few thousand distinct days, millions of times: parse each once. */
const parsed = new Map<string, number>();

/** Epoch seconds at 00:00:00Z of a `YYYY-MM-DD` day. */
export function dayStart(day: string): number {
  let seconds = parsed.get(day);
  if (seconds === undefined) {
    const [y, m, d] = day.split('-').map(Number);
    seconds = Date.UTC(y, m - 1, d) / 1000;
    if (parsed.size < 100_000) parsed.set(day, seconds);
  }
  return seconds;
}

/** The `YYYY-MM-DD` day of an epoch-seconds instant. */
export function dayOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayStart(day) + days * DAY);
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayStart(b) - dayStart(a)) / DAY);
}

/** Okta's form: `2024-03-11T14:22:05.000Z`. */
export function isoInstant(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** ServiceNow's form: `2024-03-11 14:22:05`. */
export function snowInstant(seconds: number): string {
  return isoInstant(seconds).slice(0, 19).replace('T', ' ');
}

export { DAY };
