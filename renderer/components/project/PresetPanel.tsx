import { useEffect, useState } from 'react';
import { GUESS, proposeWith } from '../../../core/presets';
import type { SourcePreview } from '../../backend/backend';
import { applyProposal, type SourceInput } from '../../lib/project-edit';

/**
 * Which export the files are: the detected preset (or a guess) with its confidence and reasons, the
 * alternatives, and a button to apply a proposal. A new source (no mapping yet) is pre-filled once from
 * the detection, and the panel says so: nothing is applied silently.
 */
export function PresetPanel({ source, preview, onChange }: { source: SourceInput; preview: SourcePreview; onChange: (next: SourceInput) => void }) {
  const detection = preview.detection;
  const [choice, setChoice] = useState(detection?.preset ?? GUESS);
  const empty = Object.keys(source.mapping).length === 0 && !source.preset;
  useEffect(() => {
    if (detection && empty) onChange(applyProposal(source, detection));
  }, [detection, empty, source, onChange]);
  const sample = preview.presetSample;
  if (!detection || !sample) return null;
  const current = source.preset ? (source.preset === detection.preset ? detection.label : source.preset === GUESS ? 'a guess from names and values' : source.preset) : null;
  const options = [{ preset: detection.preset, label: detection.label, confidence: detection.confidence }, ...detection.alternatives, ...(detection.preset === GUESS ? [] : [{ preset: GUESS, label: 'Guess from names and values', confidence: 0 }])];
  const apply = () => onChange(applyProposal(source, proposeWith(choice, sample)));
  return (
    <section className="preset-panel" data-testid="preset-panel" aria-label="Recognized export">
      <p>
        <strong>Recognized as {detection.label}</strong> <span className="muted">(confidence {detection.confidence.toFixed(2)})</span>
        {current && <span className="muted"> · this source's settings come from {current}</span>}
      </p>
      <ul className="muted">
        {detection.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
        {detection.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {detection.attributes.length > 0 && (
        <details open={detection.preset === GUESS} data-testid="proposal-attributes">
          <summary>
            {detection.preset === GUESS ? 'Guessed' : 'Proposed'} mapping: {detection.attributes.length} entries, with how sure {detection.preset === GUESS ? 'the guess' : 'the preset'} is of each
          </summary>
          <table className="mapping-table">
            <thead>
              <tr>
                <th>Attribute</th>
                <th>From</th>
                <th className="num">Confidence</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {detection.attributes.map((a) => (
                <tr key={a.attribute}>
                  <td>{a.attribute}</td>
                  <td>
                    <code>{a.entry}</code>
                  </td>
                  <td className={`num${a.confidence < 0.5 ? ' error-text' : ''}`}>{a.confidence.toFixed(2)}</td>
                  <td className="muted">{a.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <label>
        Preset{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          {options.map((o) => (
            <option key={o.preset} value={o.preset}>
              {o.label}
              {o.confidence > 0 ? ` (${o.confidence.toFixed(2)})` : ''}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={apply}>
        Use its mapping and filters
      </button>
    </section>
  );
}
