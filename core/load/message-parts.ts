/**
 * Small pieces shared by the Load message catalogs (messages.ts, messages-csv.ts, messages-json.ts).
 */

/** Where a file-level issue is: the source id and the file's name as the project names it. */
export interface FileAt {
  source: string;
  file: string;
}

/** `4, 9, 17, 20, 31 and 12 more`: the first few items of a long list, for aggregated issues. */
export function listFirst(items: readonly (number | string)[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** `"a", "b"`: names quoted for a message. */
export function quoted(names: readonly string[], max = 8): string {
  return listFirst(
    names.map((n) => `"${n}"`),
    max,
  );
}
