/**
 * definePreset: the shape every preset module exports. A sample in a format the preset does not read
 * scores 0 before its own detection runs, so a JSON preset never claims a CSV and the other way round.
 */
import { Evidence } from './sample';
import type { Preset, PresetSample, SourceProposal } from './types';

export interface PresetSpec extends Omit<Preset, 'detect' | 'source'> {
  /** Adds the evidence for this format (called only for a format the preset reads). */
  detect(sample: PresetSample, evidence: Evidence): void;
  source(sample: PresetSample): SourceProposal;
}

/** A preset from its spec: format gating before detection, paging notes after the proposal. */
export function definePreset(spec: PresetSpec): Preset {
  return {
    id: spec.id,
    label: spec.label,
    system: spec.system,
    sourceId: spec.sourceId,
    formats: spec.formats,
    docs: spec.docs,
    nextPage: spec.nextPage,
    detect(sample) {
      if (!spec.formats.includes(sample.format)) {
        return {
          confidence: 0,
          reasons: [`reads ${spec.formats.join('/')} exports; this file is ${sample.format}`],
        };
      }
      const evidence = new Evidence();
      spec.detect(sample, evidence);
      return evidence.result();
    },
    source(sample) {
      const proposal = spec.source(sample);
      const markers = sample.envelope?.markers ?? [];
      if (markers.length === 0) return proposal;
      const note = `${sample.fileName} is one page of a paged export (${markers.join(', ')}): add the other pages to this source, or the run will miss users.`;
      return { ...proposal, notes: [...proposal.notes, note] };
    },
  };
}

/** A share as a percentage (`75%`), for reasons. */
export const share = (part: number): string => `${Math.round(part * 100)}%`;
