/**
 * Messages between the Compare screen and its worker (compare.worker.ts). The worker keeps the whole
 * diff of two runs; the page asks for the overview, pages of a filtered list, one user's diff, or the
 * CSV, so two million-user runs never cross postMessage at once.
 */
import type { DiffOverview, DiffUser, UserChange } from '../../core/diff';
import type { RunStats } from '../../core/types';

/** The lists of a comparison. `changed` holds every matched user with a difference; the others are
 * views of it by kind of change (links, enablement, coverage). */
export const LIST_KINDS = ['added', 'removed', 'changed', 'links', 'enablement', 'coverage'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** A filter a list offers, with how many of its users it keeps. */
export interface ListFilter {
  value: string;
  label: string;
  count: number;
}

export interface RunSide {
  id: string;
  asOf: string;
  startedAt: number;
  stats: RunStats;
  joinKey: string;
}

export interface CompareOverview {
  a: RunSide;
  b: RunSide;
  diff: DiffOverview;
  /** Users per list, unfiltered. */
  sizes: Record<ListKind, number>;
  filters: Record<ListKind, ListFilter[]>;
}

export interface ListQuery {
  kind: ListKind;
  /** Case-insensitive text within the key, email, name, user id or external ids. */
  search: string;
  /** One of the list's filters' values, or '' for all. */
  filter: string;
  offset: number;
  limit: number;
}

/** One row of a list: enough to show it; `index` fetches the full diff. */
export interface ListItem {
  index: number;
  name: string;
  email: string;
  key: string;
  /** What changed, in a few words. */
  summary: string;
  matchedBy: 'user-id' | 'primary-id' | null;
}

export interface ListPage {
  total: number;
  offset: number;
  items: ListItem[];
}

/** One user's diff: a changed pair, or the one side of an added or removed user. */
export type UserDetail = { kind: 'changed'; change: UserChange } | { kind: 'added' | 'removed'; user: DiffUser };

export type CompareRequest =
  | { id: number; type: 'open'; a: string; b: string }
  | { id: number; type: 'list'; query: ListQuery }
  | { id: number; type: 'detail'; kind: ListKind; index: number }
  | { id: number; type: 'csv' };

export type CompareReply =
  | { id: number; ok: true; data: unknown }
  | { id: number; ok: false; message: string }
  | { id: -1; progress: string };
