/**
 * The manifest: which seeded cases a generation holds, with the identifiers tests look them up by.
 * Counts are exact; each list keeps its first LIST_CAP entries in file order, so a million-user
 * manifest stays small.
 */
import {
  CASE_CATEGORIES,
  SOURCE_IDS,
  type Case,
  type CaseCategory,
  type CaseEntry,
  type SourceId,
} from './model';
import type { Plan } from './plan';

export const LIST_CAP = 1000;

/** Categories that only one snapshot has. */
const ONLY_IN: Partial<Record<CaseCategory, 1 | 2>> = {
  preHires: 1,
  joiners: 2,
  leavers: 2,
  departmentChanges: 2,
  emailChanges: 2,
};

export interface Manifest {
  generator: { users: number; seed: number; snapshot: 1 | 2; asOf: string; firstSnapshotAsOf: string };
  note: string;
  /** Export file of each source, relative to the manifest. */
  files: Record<SourceId, string>;
  /** Records written per source. */
  records: Record<SourceId, number>;
  counts: Partial<Record<CaseCategory, number>>;
  cases: Partial<Record<CaseCategory, CaseEntry[]>>;
}

export class ManifestBuilder {
  private readonly counts = new Map<CaseCategory, number>();
  private readonly lists = new Map<CaseCategory, CaseEntry[]>();

  constructor(private readonly plan: Plan) {
    for (const category of CASE_CATEGORIES) {
      const only = ONLY_IN[category];
      if (only !== undefined && only !== plan.opts.snapshot) continue;
      this.counts.set(category, 0);
      this.lists.set(category, []);
    }
  }

  add(c: Case): void {
    const n = this.counts.get(c.category);
    if (n === undefined)
      throw new Error(`case ${c.category} does not belong to snapshot ${this.plan.opts.snapshot}`);
    this.counts.set(c.category, n + 1);
    const list = this.lists.get(c.category);
    if (list && list.length < LIST_CAP) list.push(c.entry);
  }

  build(files: Record<SourceId, string>, records: Record<SourceId, number>): Manifest {
    const { users, seed, snapshot, asOf } = this.plan.opts;
    return {
      generator: { users, seed, snapshot, asOf: this.plan.asOf, firstSnapshotAsOf: asOf },
      note: `Seeded cases by category. Counts are exact; each list holds at most ${LIST_CAP} entries, in file order.`,
      files,
      records: Object.fromEntries(SOURCE_IDS.map((s) => [s, records[s]])) as Record<SourceId, number>,
      counts: Object.fromEntries(this.counts),
      cases: Object.fromEntries(this.lists),
    };
  }
}
