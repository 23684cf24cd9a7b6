import type { SourceConfig } from '../../../../core/project/schema';
import type { LoadedRecord, RawRecord } from '../../../../core/types';

/** A source config with defaults filled, for mapping tests. */
export function source(mapping: Record<string, string>, externalId = 'id', files = ['people.csv']): SourceConfig {
  return { id: 'hr', system: 'hris', files, format: 'auto', externalId, mapping, processors: [], filters: [] };
}

/** A loaded record of source hr. */
export function record(raw: RawRecord, row = 1, file = 'people.csv'): LoadedRecord {
  return { source: 'hr', file, row, raw };
}
