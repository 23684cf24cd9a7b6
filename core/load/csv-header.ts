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
  const fresh = (base: string, first: number): string => {
    let n = first;
    while (taken.has(`${base}_${n}`)) n++;
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
    renamed.set(name, [...(renamed.get(name) ?? []), copy]);
    return copy;
  });

  const issues: Issue[] = [];
  for (const [name, copies] of renamed) issues.push(csvDuplicateHeader(at, name, copies));
  if (unnamed.length > 0) issues.push(csvEmptyHeader(at, unnamed));
  return { names, issues };
}
