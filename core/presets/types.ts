/**
 * Shapes of preset detection: what a preset sees of an export (a sample), what it says about it (a
 * confidence with reasons) and what it proposes (a source configuration with a confidence per
 * attribute). Nothing here is applied silently: every proposal names its preset or `guess`.
 */
import type { EnvelopeInfo } from '../load';
import type { SourceConfig } from '../project/schema';
import type { FileFormat, RawRecord, SystemKind } from '../types';

/** What detection sees of one export file: its name, format, columns and first records. */
export interface PresetSample {
  fileName: string;
  format: FileFormat;
  /** CSV: the header. JSON/NDJSON: the dotted leaf paths of the records (`profile.email`). */
  columns: readonly string[];
  /** The first records, raw. */
  records: readonly RawRecord[];
  /** Records in the whole file (the sample may hold fewer). */
  total: number;
  /** JSON: the document around the records (envelope key, top-level values, next-page markers). */
  envelope?: EnvelopeInfo;
}

/** How sure a preset is that a sample is its export, and why. */
export interface DetectResult {
  /** 0..1; a preset is chosen at PRESET_THRESHOLD or above. */
  confidence: number;
  reasons: string[];
}

/** One proposed mapping entry, with how sure the proposal is of it. */
export interface AttributeProposal {
  /** The attribute, or `externalId` for the source's own id. */
  attribute: string;
  /** The mapping entry: a column, a path or an expression. */
  entry: string;
  confidence: number;
  reason: string;
}

/** A source configuration without the parts the project gives it (its id and files). */
export type ProposedSource = Omit<SourceConfig, 'id' | 'files'>;

/** What a preset (or the guesser) proposes for a sample. */
export interface SourceProposal {
  source: ProposedSource;
  attributes: AttributeProposal[];
  /** Things the user should know: a field the export lacks, a filter that could not be set. */
  notes: string[];
}

/** One export format: recognized by `detect`, turned into a source configuration by `source`. */
export interface Preset {
  /** Stable id, stored in the source's `preset`. */
  readonly id: string;
  readonly label: string;
  readonly system: SystemKind;
  /** The source id a new project gives a source made from this preset (`okta`). */
  readonly sourceId: string;
  /** File formats this preset reads; any other format scores 0. */
  readonly formats: readonly FileFormat[];
  /** Where the vendor documents the fields this preset relies on. */
  readonly docs: string;
  /** The export's next-page marker as the loader reports it (`@odata.nextLink`), null when it has none. */
  readonly nextPage: string | null;
  detect(sample: PresetSample): DetectResult;
  source(sample: PresetSample): SourceProposal;
}

/** A preset's score for a sample, as listed among the alternatives. */
export interface PresetScore {
  preset: string;
  label: string;
  confidence: number;
  reasons: string[];
}

/** The answer of detectSource: the preset chosen (or `guess`), its proposal and the alternatives. */
export interface SourceDetection extends SourceProposal {
  /** The preset id, or `guess` when no preset reached the threshold. */
  preset: string;
  label: string;
  system: SystemKind;
  /** The chosen preset's confidence; for a guess, the mean confidence of the attributes it mapped. */
  confidence: number;
  reasons: string[];
  /** Every other preset that scored above 0, best first. */
  alternatives: PresetScore[];
  /** The source id to suggest (`okta`, or one made from the file name for a guess). */
  sourceId: string;
}
