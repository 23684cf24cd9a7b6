/** The app's screens, in navigation order, addressed by the URL hash (`#/roster`) so a reload stays put. */
export const SCREENS = [
  { id: 'project', label: 'Project' },
  { id: 'run', label: 'Run' },
  { id: 'overview', label: 'Overview' },
  { id: 'roster', label: 'Roster' },
  { id: 'history', label: 'History' },
  { id: 'compare', label: 'Compare' },
  { id: 'audit', label: 'Audit' },
  { id: 'explain', label: 'Explain' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

/** The screen a hash names, or the project screen. */
export function screenFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '');
  return SCREENS.find((s) => s.id === id)?.id ?? 'project';
}
