/**
 * The roster table's columns: fixed ones (state, enablement, coverage, key, user id), one per merged
 * attribute and one per source's external id, in the same order as roster.csv.
 */
import { attributeColumns } from '../../../core/export/tables';
import type { RosterUser, Scalar } from '../../../core/types';
import type { RunHeader } from '../../../core/run/stream';

export interface RosterColumn {
  id: string;
  label: string;
  width: number;
  value(user: RosterUser): string;
}

function text(value: Scalar | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
}

const WIDE = new Set(['email', 'display_name', 'enabled_reason', 'user_name', 'title', 'department']);

/** Every column a run's roster can show. */
export function rosterColumns(header: RunHeader): RosterColumn[] {
  const attributes = attributeColumns(Object.keys(header.stats.completeness));
  return [
    ...attributes.map((name) => ({ id: name, label: name, width: WIDE.has(name) ? 220 : 130, value: (u: RosterUser) => text(u.attributes[name]) })),
    { id: 'enabled', label: 'enabled', width: 90, value: (u) => (u.enabled ? 'yes' : 'no') },
    { id: 'enabled_reason', label: 'enabled_reason', width: 240, value: (u) => u.enabledReason },
    { id: 'coverage', label: 'coverage', width: 170, value: (u) => u.coverage.join(', ') },
    { id: 'state', label: 'state', width: 110, value: (u) => u.lifecycle },
    { id: 'join_key', label: 'join_key', width: 220, value: (u) => u.key },
    { id: 'user_id', label: 'user_id', width: 150, value: (u) => u.userId.slice(0, 16) },
    ...header.config.sources.map((s) => ({ id: `ext_${s.id}`, label: `ext_${s.id}`, width: 150, value: (u: RosterUser) => u.identities[s.id]?.id ?? '' })),
  ];
}

/** What the table shows before the user picks columns. */
export const DEFAULT_COLUMNS = ['display_name', 'email', 'department', 'title', 'country', 'enabled', 'coverage'];

/** The picked columns that exist in this run, in the run's column order (the first column if none do). */
export function visibleColumns(all: RosterColumn[], picked: string[]): RosterColumn[] {
  const set = new Set(picked);
  const shown = all.filter((c) => set.has(c.id));
  return shown.length > 0 ? shown : all.slice(0, 1);
}
