/**
 * Merge: builds each roster user's attributes, lineage and external identities. An attribute comes from
 * the primary source unless `attributes` names an ordered list of sources for it (first non-empty wins).
 */
import type { Project, SourceConfig } from '../project/schema';
import { isEmpty } from '../map/standard';
import type { ExternalIdentity, Lineage, RosterUser, Scalar, SystemKind } from '../types';
import type { JoinedUser, Link } from './types';
import { codedAt, type CodedColumn } from './store';

/** Attributes a processor writes, for lineage when the mapping doesn't name them. */
const PROCESSOR_OUTPUTS: Record<string, string> = {
  country_code: 'processor:geocode',
  region: 'processor:geocode',
  subregion: 'processor:geocode',
  password_expires_on: 'processor:password-expiry',
  password_days_left: 'processor:password-expiry',
};

export type MergedUser = Pick<RosterUser, 'userId' | 'key' | 'attributes' | 'lineage' | 'identities' | 'coverage'>;

export class Merger {
  private readonly sources: Map<string, SourceConfig>;
  constructor(private readonly project: Project) {
    this.sources = new Map(project.sources.map((s) => [s.id, s]));
  }

  /** The project's per-attribute source precedence (`attributes`). */
  get precedence(): Project['attributes'] {
    return this.project.attributes;
  }

  /** The mapping entry (or processor) an attribute of a source comes from. */
  fieldOf(source: string, attribute: string): string {
    const mapping = this.sources.get(source)?.mapping;
    return mapping?.[attribute] ?? PROCESSOR_OUTPUTS[attribute] ?? 'processor';
  }

  kindOf(source: string): SystemKind {
    return this.sources.get(source)?.system ?? 'other';
  }

  merge(user: JoinedUser): MergedUser {
    const { primary: primaryId, attributes: precedence, join } = this.project;
    const attributes: Record<string, Scalar> = {};
    const lineage: Record<string, Lineage> = {};
    for (const [name, value] of Object.entries(user.primary.attributes)) {
      if (name in precedence) continue;
      attributes[name] = value;
      if (!isEmpty(value)) lineage[name] = { source: primaryId, field: this.fieldOf(primaryId, name) };
    }
    for (const [name, order] of Object.entries(precedence)) {
      attributes[name] = null;
      for (const source of order) {
        const record = source === primaryId ? user.primary : user.links.get(source)?.record;
        const value = record?.attributes[name];
        if (record && !isEmpty(value)) {
          attributes[name] = value ?? null;
          lineage[name] = { source, field: this.fieldOf(source, name) };
          break;
        }
      }
    }
    const identities: Record<string, ExternalIdentity> = {
      [primaryId]: { id: user.primary.externalId, key: user.key, matchedBy: join.key, file: user.primary.file, row: user.primary.row },
    };
    const kinds = new Set<SystemKind>([this.kindOf(primaryId)]);
    for (const [source, link] of user.links as Map<string, Link>) {
      identities[source] = { id: link.record.externalId, key: link.key, matchedBy: link.matchedBy, file: link.record.file, row: link.record.row };
      kinds.add(this.kindOf(source));
    }
    const coverage = [...kinds].sort();
    return { userId: user.userId, key: user.key, attributes, lineage, identities, coverage };
  }
}

/** The linked record of one source for a user, as the store merge reads it: its attributes as an object,
 * or as the store's columns and its row in them. */
export interface StoreLink {
  source: string;
  attributes: Readonly<Record<string, Scalar>> | null;
  columns: Readonly<Record<string, CodedColumn>> | null;
  row: number;
  identity: ExternalIdentity;
}

/** What merging needs to know about one order of primary attribute names (usually every record's). */
interface Plan {
  /** The primary record's attribute names, in its order. */
  keys: string[];
  /** Those not given to precedence: copied from the primary record, in order. */
  copy: string[];
  copyLeaves: Lineage[];
  /** Every merged name with null: the merged object is a copy of it, so all users share one compact shape. */
  template: Record<string, Scalar>;
  /** Shared lineage objects by which values were non-empty and which source won each precedence name. */
  lineages: Map<string, Record<string, Lineage>>;
}

/**
 * Merge over compact stores (issue 6): the same attributes, lineage, identities and coverage as
 * `Merger.merge`, with everything that does not depend on the user worked out once per order of
 * attribute names. `shareLineage` gives users with the same lineage one shared (read-only) lineage
 * object: a lean run's million users hold a few hundred of them instead of a million.
 */
export class StoreMerger {
  private readonly merger: Merger;
  private readonly precedence: { name: string; order: readonly string[]; leaves: Lineage[] }[];
  private readonly plans = new Map<string, Plan>();
  private last: Plan | null = null;
  private readonly primaryId: string;
  private readonly primaryKind: SystemKind;
  private readonly coverages = new Map<string, SystemKind[]>();

  constructor(
    project: Project,
    private readonly shareLineage: boolean,
  ) {
    this.merger = new Merger(project);
    this.primaryId = project.primary;
    this.primaryKind = this.merger.kindOf(project.primary);
    this.precedence = Object.entries(project.attributes).map(([name, order]) => ({ name, order, leaves: order.map((source) => this.leaf(source, name)) }));
  }

  private leaf(source: string, name: string): Lineage {
    return { source, field: this.merger.fieldOf(source, name) };
  }

  /** The plan for a primary record's attribute names (the last one when they are in the same order). */
  private planOf(attributes: Readonly<Record<string, Scalar>>): Plan {
    const last = this.last;
    if (last !== null) {
      let k = 0;
      let same = true;
      for (const name in attributes) {
        if (last.keys[k++] !== name) {
          same = false;
          break;
        }
      }
      if (same && k === last.keys.length) return last;
    }
    const keys = Object.keys(attributes);
    const id = keys.join('\u0000');
    let plan = this.plans.get(id);
    if (plan === undefined) {
      // `in`, as Merger.merge: a name that precedence lists (or an Object.prototype name) is not copied.
      const copy = keys.filter((name) => !(name in this.merger.precedence));
      const names = [...copy, ...this.precedence.map((p) => p.name)];
      const template = JSON.parse(JSON.stringify(Object.fromEntries(names.map((n) => [n, null])))) as Record<string, Scalar>;
      plan = { keys, copy, copyLeaves: copy.map((name) => this.leaf(this.primaryId, name)), template, lineages: new Map() };
      this.plans.set(id, plan);
    }
    this.last = plan;
    return plan;
  }

  /** Merges one user: its primary record's attributes and identity, and its links in source order. */
  merge(userId: string, key: string, primaryAttributes: Readonly<Record<string, Scalar>>, primaryIdentity: ExternalIdentity, links: readonly StoreLink[]): MergedUser {
    const plan = this.planOf(primaryAttributes);
    const { copy, copyLeaves } = plan;
    const attributes: Record<string, Scalar> = { ...plan.template };
    let filled = '';
    for (let j = 0; j < copy.length; j++) {
      const name = copy[j];
      const value = primaryAttributes[name];
      attributes[name] = value;
      filled += isEmpty(value) ? '0' : '1';
    }
    const winners: number[] = [];
    for (const p of this.precedence) {
      let won = -1;
      for (let o = 0; o < p.order.length && won < 0; o++) {
        const source = p.order[o];
        let value: Scalar | undefined;
        let found = false;
        if (source === this.primaryId) {
          value = primaryAttributes[p.name];
          found = true;
        } else {
          for (const link of links) {
            if (link.source === source) {
              const column = link.columns?.[p.name];
              value = column ? codedAt(column, link.row) : link.attributes?.[p.name];
              found = true;
              break;
            }
          }
        }
        if (found && !isEmpty(value)) {
          attributes[p.name] = value ?? null;
          won = o;
        }
      }
      winners.push(won);
    }
    const signature = `${filled}:${winners.join(',')}`;
    let lineage = this.shareLineage ? plan.lineages.get(signature) : undefined;
    if (lineage === undefined) {
      lineage = {};
      for (let j = 0; j < copy.length; j++) if (filled.charCodeAt(j) === 0x31) lineage[copy[j]] = copyLeaves[j];
      this.precedence.forEach((p, i) => {
        if (winners[i] >= 0) (lineage as Record<string, Lineage>)[p.name] = p.leaves[winners[i]];
      });
      if (this.shareLineage) plan.lineages.set(signature, lineage);
    }
    const identities: Record<string, ExternalIdentity> = { [this.primaryId]: primaryIdentity };
    let kinds = this.primaryKind as string;
    for (const link of links) {
      identities[link.source] = link.identity;
      kinds += `,${this.merger.kindOf(link.source)}`;
    }
    return { userId, key, attributes, lineage, identities, coverage: this.coverageOf(kinds) };
  }

  /** The sorted distinct kinds of a comma-separated list (a fresh array each time: callers own it). */
  private coverageOf(kinds: string): SystemKind[] {
    let known = this.coverages.get(kinds);
    if (known === undefined) {
      known = [...new Set(kinds.split(',') as SystemKind[])].sort();
      this.coverages.set(kinds, known);
    }
    return known.slice();
  }
}
