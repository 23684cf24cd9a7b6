import { useState, type DragEvent } from 'react';
import { useApp } from '../../hooks/useApp';
import { errorText } from '../../lib/errors';
import { isBlankProject, proposeFromExports, type MergedProposal } from '../../lib/exports-proposal';

type Outcome = Pick<MergedProposal, 'notes' | 'added'> & { unreadable: string[]; replaced: boolean };

/**
 * The project-level drop zone (issue 7): drop every export at once (HR, identity provider, ticketing,
 * chat); each file is recognized, pages of one export become one source, and a new project gets its
 * primary source and joining key proposed too. What was recognized, and why, stays on screen.
 */
export function ExportsDrop({ onAdded }: { onAdded: (sourceId: string) => void }) {
  const { backend, project: entity, editProject, addFiles, notify } = useApp();
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!entity) return null;
  const blank = isBlankProject(entity.project);

  const add = async (dropped?: File[]) => {
    try {
      const infos = await backend.addSourceFiles(entity.id, dropped);
      if (infos.length === 0) return;
      addFiles(infos);
      setBusy(`Recognizing ${infos.length} file${infos.length === 1 ? '' : 's'}…`);
      const merged = await proposeFromExports(backend, entity.id, entity.project, infos);
      if (merged.added.length > 0) editProject(() => merged.project);
      setOutcome({ notes: merged.notes, added: merged.added, unreadable: merged.unreadable, replaced: blank });
      if (merged.added[0]) onAdded(merged.added[0].id);
    } catch (error) {
      notify('error', `The exports could not be added: ${errorText(error)}`);
    } finally {
      setBusy(null);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void add(files);
  };

  return (
    <section className="exports-drop" aria-label="Add exports">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="exports-drop"
      >
        <p className="drop-hint">
          {blank ? 'Start here: drop' : 'Drop'} all your user exports at once (HR, identity provider, ticketing, chat: CSV, JSON or NDJSON). Each file is
          recognized and becomes a source; pages of one export become one source
          {blank ? ', and the primary source and joining key are proposed' : ''}.{' '}
          <button type="button" onClick={() => void add()} disabled={busy !== null}>
            Add exports…
          </button>
          {busy && <span className="muted"> {busy}</span>}
        </p>
      </div>
      {outcome && (
        <div className="preset-panel" data-testid="exports-outcome" role="status">
          <p>
            <strong>
              {outcome.added.length === 0
                ? 'No source was added.'
                : `${outcome.added.length} source${outcome.added.length === 1 ? '' : 's'} ${outcome.replaced ? 'proposed for this project' : 'added'}:`}
            </strong>{' '}
            <button type="button" className="link" onClick={() => setOutcome(null)}>
              Dismiss
            </button>
          </p>
          <ul>
            {outcome.added.map((s) => (
              <li key={s.id}>
                <strong>{s.id}</strong> ← {s.files.join(', ')}:{' '}
                {s.detection.preset === 'guess' ? `guessed from names and values (confidence ${s.detection.confidence.toFixed(2)}): check its mapping` : `${s.detection.label} (confidence ${s.detection.confidence.toFixed(2)})`}
              </li>
            ))}
            {outcome.notes.map((n) => (
              <li key={n} className="muted">
                {n}
              </li>
            ))}
            {outcome.unreadable.map((u) => (
              <li key={u} className="error-text">
                Not added: {u}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
