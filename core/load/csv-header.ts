/**
 * Makes a CSV header usable as record keys: every column gets a distinct, non-empty name, and each
 * renaming is reported so the user knows what to map.
 */
import type { Issue } from '../issues';
import type { FileAt } from './message-parts';
import { csvDuplicateHeader, csvEmptyHeader } from './messages';

/** The header's names, made unique, and the issues that explain the renamings. */
export interface UniqueHeader {
  names: string[];
  issues: Issue[];
}

/**
 * Names empty headers `column_<n>` (n = 1-based position) and later copies of a repeated name
 * `<name>_2`, `<name>_3`, ... skipping any name the header already uses, so `Email, Email, Email_2` becomes
 * `Email, Email_3, Email_2`: a column that has a name keeps it. A leading BOM is removed from the first name.
 */
export function uniqueHeader(raw: readonly string[], at: FileAt): UniqueHeader {
  const fields = raw.map((name, i) => (i === 0 && name.charCodeAt(0) === 0xfeff ? name.slice(1) : name));
  const taken = new Set(fields.filter((name) => name.trim() !== ''));
  const seen = new Set<string>();
  const renamed = new Map<string, string[]>();
  const unnamed: string[] = [];
  // Where the search for a free `<base>_<n>` resumes: a line of a million copies of one name (a file
  // without line breaks read as a header, issue 8) stays linear instead of trying 2..k for every copy.
  const nextFree = new Map<string, number>();
  const fresh = (base: string, first: number): string => {
    let n = Math.max(first, nextFree.get(base) ?? first);
    while (taken.has(`${base}_${n}`)) n++;
    nextFree.set(base, n + 1);
    const name = `${base}_${n}`;
    taken.add(name);
    return name;
  };

  const names = fields.map((name, i) => {
    if (name.trim() === '') {
      const generated = taken.has(`column_${i + 1}`) ? fresh(`column_${i + 1}`, 2) : `column_${i + 1}`;
      taken.add(generated);
      unnamed.push(generated);
      return generated;
    }
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    const copy = fresh(name, 2);
    const copies = renamed.get(name);
    if (copies) copies.push(copy);
    else renamed.set(name, [copy]);
    return copy;
  });

  const issues: Issue[] = [];
  for (const [name, copies] of renamed) issues.push(csvDuplicateHeader(at, name, copies));
  if (unnamed.length > 0) issues.push(csvEmptyHeader(at, unnamed));
  return { names, issues };
}
