/**
 * `parse_date`: the date forms user exports actually contain, to `YYYY-MM-DD`.
 *
 * A date-time keeps the date as written (`2024-03-05T23:30:00-05:00` -> `2024-03-05`): core has no time
 * zone of its own and an export's local date is what the people reading the roster expect.
 * Slashes are read US-style (M/D/YYYY) unless the first part cannot be a month (13/02/2024 -> D/M);
 * dots are read D.M.YYYY. Numbers are epoch seconds, epoch milliseconds or Windows FILETIME (AD's
 * `pwdLastSet`, `lastLogonTimestamp`) by magnitude; 0 (AD's "never") and anything else -> null.
 */
const MONTHS = new Map(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]));
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[t ]\d)/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[t ]\d)/;
const MDY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?:$|[t ,]+\d)/;
const DMY_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|[t ,]+\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([a-z]{3,9})\.?[ ,-]+(\d{4})(?:$|[t ,]+\d)/;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:$|[t ,]+\d)/;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? +/;
const DOTNET = /^\/date\((-?\d+)(?:[+-]\d{4})?\)\/$/;
const DIGITS = /^\d{9,18}$/;

/** Days from 1601-01-01 (FILETIME epoch) to 1970-01-01, in milliseconds. */
const FILETIME_OFFSET_MS = 11_644_473_600_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function ymd(year: number, month: number, day: number): string | null {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fromEpochMs(ms: number): string | null {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < 1900 || year > 9999) return null;
  return date.toISOString().slice(0, 10);
}

function fromNumber(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  if (Number.isInteger(n) && n >= 10_000_101 && n <= 99_991_231) {
    const compact = ymd(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
    if (compact) return compact;
  }
  if (n >= 1e16) return fromEpochMs(n / 10_000 - FILETIME_OFFSET_MS);
  if (n >= 1e11) return fromEpochMs(n);
  if (n >= 1e8) return fromEpochMs(n * 1000);
  return null;
}

function twoDigitYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function fromText(raw: string): string | null {
  const text = raw.trim().toLowerCase().replace(WEEKDAY, '');
  if (text === '') return null;
  let m = ISO.exec(text) ?? YMD_SLASH.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = MDY.exec(text))) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), twoDigitYear(m[3])];
    return a > 12 ? ymd(year, b, a) : ymd(year, a, b);
  }
  if ((m = DMY_DOT.exec(text))) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  if ((m = COMPACT.exec(text))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = DAY_MONTH_YEAR.exec(text))) return monthName(m[2], Number(m[1]), Number(m[3]));
  if ((m = MONTH_DAY_YEAR.exec(text))) return monthName(m[1], Number(m[2]), Number(m[3]));
  if ((m = DOTNET.exec(text))) return fromEpochMs(Number(m[1]));
  if (DIGITS.test(text)) return fromNumber(Number(text));
  return null;
}

function monthName(name: string, day: number, year: number): string | null {
  const month = MONTHS.get(name.slice(0, 3));
  return month === undefined ? null : ymd(year, month, day);
}

// Exports repeat the same few thousand dates, so text results are memoized (a pure function's
// cache, bounded so a column of unique date-times cannot grow it without limit).
const MEMO_LIMIT = 20_000;
const memo = new Map<string, string | null>();

function fromTextMemo(text: string): string | null {
  let hit = memo.get(text);
  if (hit === undefined) {
    hit = fromText(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, hit);
  }
  return hit;
}

/** Any supported date form -> `YYYY-MM-DD`; null when the value is empty or not a date. */
export function parseDate(value: unknown): string | null {
  if (typeof value === 'string') return fromTextMemo(value);
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'bigint') return fromNumber(Number(value));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return null;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus `days` days, as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
