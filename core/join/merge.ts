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
