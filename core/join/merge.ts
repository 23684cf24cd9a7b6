/**
 * Merge: builds each roster user's attributes, lineage and external identities. An attribute comes from
 * the primary source unless `attributes` names an ordered list of sources for it (first non-empty wins).
 */
import type { Project, SourceConfig } from '../project/schema';
import { isEmpty } from '../map/standard';
import type { ExternalIdentity, Lineage, RosterUser, Scalar, SystemKind } from '../types';
import type { JoinedUser, Link } from './types';

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

/** The linked record of one source for a user, as the store merge reads it. */
interface StoreLink {
  source: string;
  attributes: Readonly<Record<string, Scalar>> | null;
  identity: ExternalIdentity;
}

/**
 * Merge over compact stores (issue 6): the same attributes, lineage, identities and coverage as
 * `Merger.merge`, with everything that does not depend on the user worked out once. `shareLineage`
 * gives users with the same lineage one shared (read-only) lineage object: a lean run's roster of a
 * million users holds a few hundred of them instead of a million.
 */
export class StoreMerger {
  private readonly merger: Merger;
  private readonly precedence: [string, readonly string[]][];
  private readonly lineageLeaves = new Map<string, Lineage>();
  private readonly sharedLineage = new Map<string, Record<string, Lineage>>();
  private readonly primaryId: string;

  constructor(
    private readonly project: Project,
    private readonly shareLineage: boolean,
  ) {
    this.merger = new Merger(project);
    this.precedence = Object.entries(project.attributes);
    this.primaryId = project.primary;
  }

  private leaf(source: string, name: string): Lineage {
    const id = `${source}\u0000${name}`;
    let leaf = this.lineageLeaves.get(id);
    if (leaf === undefined) {
      leaf = { source, field: this.merger.fieldOf(source, name) };
      this.lineageLeaves.set(id, leaf);
    }
    return leaf;
  }

  /** Merges one user: its primary record's attributes and identity, and its links in source order. */
  merge(userId: string, key: string, primaryAttributes: Readonly<Record<string, Scalar>>, primaryIdentity: ExternalIdentity, links: readonly StoreLink[]): MergedUser {
    const { precedence, primaryId } = this;
    const attributes: Record<string, Scalar> = {};
    const lineage: Record<string, Lineage> = {};
    let signature = this.shareLineage ? '' : null;
    const precedenceNames = this.project.attributes;
    for (const name in primaryAttributes) {
      if (!Object.hasOwn(primaryAttributes, name) || name in precedenceNames) continue;
      const value = primaryAttributes[name];
      attributes[name] = value;
      if (!isEmpty(value)) {
        lineage[name] = this.leaf(primaryId, name);
        if (signature !== null) signature += `${name}\u0000`;
      }
    }
    for (let p = 0; p < precedence.length; p++) {
      const [name, order] = precedence[p];
      attributes[name] = null;
      for (const source of order) {
        let record: Readonly<Record<string, Scalar>> | null | undefined;
        let found = false;
        if (source === primaryId) {
          record = primaryAttributes;
          found = true;
        } else {
          for (const link of links) {
            if (link.source === source) {
              record = link.attributes;
              found = true;
              break;
            }
          }
        }
        const value = record?.[name];
        if (found && !isEmpty(value)) {
          attributes[name] = value ?? null;
          lineage[name] = this.leaf(source, name);
          if (signature !== null) signature += `${name}\u0001${source}\u0000`;
          break;
        }
      }
    }
    const identities: Record<string, ExternalIdentity> = { [primaryId]: primaryIdentity };
    const kinds = new Set<SystemKind>([this.merger.kindOf(primaryId)]);
    for (const link of links) {
      identities[link.source] = link.identity;
      kinds.add(this.merger.kindOf(link.source));
    }
    const coverage = [...kinds].sort();
    return { userId, key, attributes, lineage: signature === null ? lineage : this.shared(signature, lineage), identities, coverage };
  }

  private shared(signature: string, lineage: Record<string, Lineage>): Record<string, Lineage> {
    const known = this.sharedLineage.get(signature);
    if (known) return known;
    this.sharedLineage.set(signature, lineage);
    return lineage;
  }
}
