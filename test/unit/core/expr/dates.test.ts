import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, parseDate } from '../../../../core/expr';

const cases: Array<{ description: string; input: unknown; expected: string | null }> = [
  { description: 'ISO date', input: '2024-03-05', expected: '2024-03-05' },
  { description: 'ISO date without padding', input: '2024-3-5', expected: '2024-03-05' },
  { description: 'ISO date-time keeps the written date', input: '2024-03-05T23:30:00-05:00', expected: '2024-03-05' },
  { description: 'ISO date-time with Z', input: '2024-03-05T10:00:00.000Z', expected: '2024-03-05' },
  { description: 'date and time with a space', input: '2024-03-05 10:00:00', expected: '2024-03-05' },
  { description: 'Y/M/D', input: '2024/03/05', expected: '2024-03-05' },
  { description: 'US M/D/YYYY', input: '3/5/2024', expected: '2024-03-05' },
  { description: 'US with time', input: '03/05/2024 14:22', expected: '2024-03-05' },
  { description: 'D/M when the first part cannot be a month', input: '13/02/2024', expected: '2024-02-13' },
  { description: 'two-digit year', input: '3/5/24', expected: '2024-03-05' },
  { description: 'D.M.YYYY', input: '5.3.2024', expected: '2024-03-05' },
  { description: 'YYYYMMDD text', input: '20240305', expected: '2024-03-05' },
  { description: 'YYYYMMDD number', input: 20240305, expected: '2024-03-05' },
  { description: 'day month-name year', input: '5 Mar 2024', expected: '2024-03-05' },
  { description: 'dd-Mon-yyyy', input: '05-Mar-2024', expected: '2024-03-05' },
  { description: 'month-name day, year', input: 'March 5, 2024', expected: '2024-03-05' },
  { description: 'RFC 2822 with weekday', input: 'Tue, 05 Mar 2024 10:00:00 GMT', expected: '2024-03-05' },
  { description: 'epoch seconds', input: 1709596800, expected: '2024-03-05' },
  { description: 'epoch milliseconds', input: 1709596800000, expected: '2024-03-05' },
  { description: 'epoch milliseconds as text', input: '1709596800000', expected: '2024-03-05' },
  { description: 'AD FILETIME', input: 133540704000000000, expected: '2024-03-05' },
  { description: 'AD FILETIME 0 means never', input: 0, expected: null },
  { description: '.NET JSON date', input: '/Date(1709596800000)/', expected: '2024-03-05' },
  { description: 'Date object', input: new Date(Date.UTC(2024, 2, 5)), expected: '2024-03-05' },
  { description: 'February 30 is no date', input: '2024-02-30', expected: null },
  { description: 'leap day', input: '2/29/2024', expected: '2024-02-29' },
  { description: 'not a leap year', input: '2/29/2023', expected: null },
  { description: 'month 13 both ways', input: '13/13/2024', expected: null },
  { description: 'words', input: 'yesterday', expected: null },
  { description: 'empty', input: '  ', expected: null },
  { description: 'null', input: null, expected: null },
  { description: 'boolean', input: true, expected: null },
  { description: 'small number', input: 42, expected: null },
  { description: 'NaN', input: Number.NaN, expected: null },
  { description: 'month name that is no month', input: '5 Foo 2024', expected: null },
];

describe('parseDate', () => {
  it.each(cases)('$description', ({ input, expected }) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('date arithmetic', () => {
  it.each([
    { description: 'adds across a month end', input: ['2024-01-31', 1], expected: '2024-02-01' },
    { description: 'adds across a leap day', input: ['2024-02-28', 2], expected: '2024-03-01' },
    { description: 'adds across a year end', input: ['2023-12-31', 90], expected: '2024-03-30' },
  ] as const)('$description', ({ input, expected }) => {
    expect(addDays(input[0], input[1])).toBe(expected);
  });

  it.each([
    { description: 'forward', input: ['2024-03-01', '2024-03-05'], expected: 4 },
    { description: 'backward is negative', input: ['2024-03-05', '2024-03-01'], expected: -4 },
    { description: 'same day', input: ['2024-03-05', '2024-03-05'], expected: 0 },
  ] as const)('daysBetween $description', ({ input, expected }) => {
    expect(daysBetween(input[0], input[1])).toBe(expected);
  });
});
