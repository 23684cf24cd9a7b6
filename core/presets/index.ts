/**
 * Presets: recognize real exports (Okta, Microsoft Entra ID, Slack, ServiceNow, Google Workspace, SCIM,
 * Workday, Jira) and propose their source configuration; guess one for anything else.
 *
 *   LoadedFile ──sampleFromLoaded──▶ PresetSample ──detectSource──▶ SourceDetection (preset or guess,
 *                                                                   mapping, filters, alternatives)
 *   detected files ──proposeProject──▶ a runnable project (primary, join key, unique source ids)
 *
 * Each format is one module `{ id, label, system, detect, source }` listed in registry.ts.
 */
export { detectSource, proposeWith, scorePresets, sourceIdFromFileName, GUESS } from './detect';
export { guessSource } from './guess';
export { proposeProject, type DetectedFile, type ProposedProject } from './project';
export { PRESETS, PRESET_THRESHOLD, presetById } from './registry';
export { sampleFromLoaded, SAMPLE_SIZE } from './sample';
export { describeSource, PREVIEW_ROWS, type SourcePreview } from './preview';
export type {
  AttributeProposal,
  DetectResult,
  Preset,
  PresetSample,
  PresetScore,
  ProposedSource,
  SourceDetection,
  SourceProposal,
} from './types';
