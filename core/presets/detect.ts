/**
 * detectSource: the function the app and the CLI call for each export file. Every preset scores the
 * sample; the best one at PRESET_THRESHOLD or above proposes the source, otherwise the guesser does.
 * The answer always says which (the preset id, or `guess`) and lists the other candidates' scores.
 */
import { guessSource } from './guess';
import { PRESETS, PRESET_THRESHOLD, presetById } from './registry';
import type { PresetSample, PresetScore, SourceDetection } from './types';

/** The id of a guessed source. */
export const GUESS = 'guess';

/** Every preset's score for the sample, best first (registry order breaks ties). */
export function scorePresets(sample: PresetSample): PresetScore[] {
  return PRESETS.map((p) => ({ preset: p.id, label: p.label, ...p.detect(sample) })).sort(
    (a, b) => b.confidence - a.confidence,
  );
}

/** A source id from a file name: `Okta Users (2).json` -> `okta-users-2`. */
export function sourceIdFromFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 40);
  return slug || 'source';
}

/** The proposal of one named preset (or `guess`) for the sample, e.g. when the user picks another preset. */
export function proposeWith(presetId: string, sample: PresetSample): SourceDetection {
  const scores = scorePresets(sample);
  const others = (id: string) => scores.filter((s) => s.preset !== id && s.confidence > 0);
  const preset = presetById(presetId);
  if (!preset) {
    const guess = guessSource(sample);
    const best = scores[0];
    return {
      ...guess,
      preset: GUESS,
      label: 'Guessed from names and values',
      confidence: guess.confidence,
      reasons: [
        best && best.confidence > 0
          ? `no preset reached ${PRESET_THRESHOLD} (best: ${best.label}, ${best.confidence})`
          : 'no preset recognized this export',
        `${guess.attributes.length - 1} attributes guessed from column names and values`,
      ],
      alternatives: others(GUESS),
      sourceId: sourceIdFromFileName(sample.fileName),
    };
  }
  const score = scores.find((s) => s.preset === preset.id);
  return {
    ...preset.source(sample),
    preset: preset.id,
    label: preset.label,
    system: preset.system,
    confidence: score?.confidence ?? 0,
    reasons: score?.reasons ?? [],
    alternatives: others(preset.id),
    sourceId: preset.sourceId,
  };
}

/** Recognizes an export and proposes its source configuration (a preset's, or a guess). */
export function detectSource(sample: PresetSample): SourceDetection {
  const best = scorePresets(sample)[0];
  return proposeWith(best && best.confidence >= PRESET_THRESHOLD ? best.preset : GUESS, sample);
}
