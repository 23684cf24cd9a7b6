import { useMemo } from 'react';
import type { Issue } from '../../core/issues';
import { compileMapping, mapRecord } from '../../core/map';
import type { SourceConfig } from '../../core/project/schema';
import type { Scalar } from '../../core/types';
import type { SourcePreview } from '../backend/backend';
import type { SourceInput } from '../lib/project-edit';

/** Sample records the mapping preview evaluates. */
export const MAPPING_SAMPLE = 3;

export interface MappingPreview {
  /** Issues per attribute name (`externalId` for the id), from compiling the mapping. */
  issues: Record<string, Issue[]>;
  /** Mapped values per sample record; an attribute with an error has no value. */
  rows: { attributes: Record<string, Scalar>; externalId: string | null }[];
}

function issuesByEntry(issues: Issue[], sourceIndex: number): Record<string, Issue[]> {
  const prefix = `sources[${sourceIndex}].`;
  const out: Record<string, Issue[]> = {};
  for (const issue of issues) {
    const key = issue.key?.startsWith(prefix) ? issue.key.slice(prefix.length).replace(/^mapping\./, '') : '';
    (out[key] ??= []).push(issue);
  }
  return out;
}

/**
 * Compiles the source's mapping against the previewed columns and maps the first sample records with
 * core's own mapper, so the editor shows exactly what a run will produce. Entries with an error are left
 * out of a second compile, so one bad entry does not blank the preview of the others.
 */
export function useMappingPreview(source: SourceInput, sourceIndex: number, preview: SourcePreview | null): MappingPreview {
  return useMemo(() => {
    if (!preview) return { issues: {}, rows: [] };
    const config = { ...source, format: source.format ?? 'auto', processors: [], filters: [] } as SourceConfig;
    const strict = preview.files.length > 0 && preview.files.every((f) => f.format === 'csv');
    const first = compileMapping(config, sourceIndex, preview.columns, strict);
    const issues = issuesByEntry(first.issues, sourceIndex);
    const broken = new Set(Object.entries(issues).filter(([, list]) => list.some((i) => i.severity === 'error')).map(([k]) => k));
    const idBroken = broken.has('externalId');
    const usable = {
      ...config,
      mapping: Object.fromEntries(Object.entries(config.mapping).filter(([name]) => !broken.has(name))),
      externalId: idBroken ? (preview.columns[0] ?? 'id') : config.externalId,
    };
    const { mapping } = broken.size === 0 ? first : compileMapping(usable, sourceIndex, preview.columns, false);
    const file = preview.files[0]?.name ?? '';
    const rows = mapping
      ? preview.sample.slice(0, MAPPING_SAMPLE).map((raw, i) => {
          const mapped = mapRecord(mapping, { source: source.id, file, row: i + 1, raw });
          return idBroken ? { ...mapped, externalId: null } : mapped;
        })
      : [];
    return { issues, rows };
  }, [source, sourceIndex, preview]);
}
