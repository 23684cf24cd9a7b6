/**
 * Names of the export files a project holds. Both editions add dropped or picked files under a name no
 * other file of the project has, so a second `users.json` (say Google's after Okta's) never replaces the
 * first one silently.
 */

/** `data.csv`, then `data-2.csv`, `data-3.csv`... : the first name not in `taken` (compared case-insensitively). */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
