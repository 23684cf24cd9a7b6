/**
 * mapRecord: one raw record -> attributes and external id. Called for every record of every source,
 * so it only runs the readers compileMapping prepared and coerces; problems are counted, not thrown.
 */
import type { LoadedRecord, Scalar } from '../types';
import type { EvalSink } from '../expr';
import { coerce, coerceExternalId, UNCOERCIBLE } from './coerce';
import type { CompiledMapping } from './compile';
import { uncoercible } from './messages';

/** The mapped attributes (coerced to their types, empty -> null) and the source's id for the record. */
export interface MappedRecord {
  attributes: Record<string, Scalar>;
  externalId: string | null;
}

/** Maps one record. Never throws: a value that cannot be read is null and counted in the mapping's tally. */
export function mapRecord(mapping: CompiledMapping, record: LoadedRecord): MappedRecord {
  const sink: EvalSink = { tally: mapping.tally, at: record };
  const attributes: Record<string, Scalar> = {};
  for (const attribute of mapping.attributes) {
    const raw = attribute.read(record, sink);
    const value = coerce(raw, attribute.type);
    if (value === UNCOERCIBLE) {
      mapping.tally.add(`${attribute.at.key}|map.uncoercible`, uncoercible(attribute.at, attribute.name, attribute.type), record, raw);
      attributes[attribute.name] = null;
    } else {
      attributes[attribute.name] = value;
    }
  }
  const rawId = mapping.externalId.read(record, sink);
  const id = coerceExternalId(rawId);
  if (id === UNCOERCIBLE) {
    mapping.tally.add(`${mapping.externalId.at.key}|map.uncoercible`, uncoercible(mapping.externalId.at, 'externalId', 'string'), record, rawId);
  }
  return { attributes, externalId: id === UNCOERCIBLE ? null : id };
}
