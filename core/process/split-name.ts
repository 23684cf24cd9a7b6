/**
 * split-name: a full name -> first_name and last_name, filling only the ones that are empty.
 *   "Jane Doe"             -> Jane / Doe
 *   "Ludwig van Beethoven" -> Ludwig / van Beethoven   (first token first, the rest is the last name)
 *   "Doe, Jane Mary"       -> Jane Mary / Doe          (a comma puts the last name first)
 *   "Cher"                 -> Cher / (empty)
 * A nickname in parentheses is dropped ("Robert (Bob) Smith"); a value that is an e-mail address is
 * not a name and is left alone.
 */
import { applyByUpdate, textOf, type Processor } from './types';

/** The two parts of a full name; either may be null. */
export function splitName(full: string): { first: string | null; last: string | null } {
  const clean = full.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean === '' || clean.includes('@')) return { first: null, last: null };
  const comma = clean.indexOf(',');
  if (comma >= 0) {
    const last = clean.slice(0, comma).trim();
    const first = clean.slice(comma + 1).replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
    return { first: first || null, last: last || null };
  }
  const space = clean.indexOf(' ');
  if (space < 0) return { first: clean, last: null };
  return { first: clean.slice(0, space), last: clean.slice(space + 1) };
}

export const splitNameProcessor: Processor<'split-name'> = {
  type: 'split-name',
  inputs: (o) => [o.from],
  outputs: () => ['first_name', 'last_name'],
  update(attrs, out, options) {
    const needFirst = textOf(attrs.first_name) === null;
    const needLast = textOf(attrs.last_name) === null;
    const full = textOf(attrs[options.from]);
    if ((!needFirst && !needLast) || full === null) return;
    const { first, last } = splitName(full);
    if (needFirst) out.first_name = first;
    if (needLast) out.last_name = last;
  },
  inPlace: () => true,
  apply: applyByUpdate<'split-name'>((attrs, out, options, ctx) => splitNameProcessor.update(attrs, out, options, ctx)),
};
