import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useApp } from '../../hooks/useApp';
import { onAddFilesRequest, takeAddFilesRequest } from '../../lib/commands';
import { errorText } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { addSourceFiles, removeSourceFile, type SourceInput } from '../../lib/project-edit';

/** The files of one source: add by dialog or by dropping them here; remove from the source. */
export function SourceFiles({ source }: { source: SourceInput }) {
  const { backend, project, editProject, addFiles, notify } = useApp();
  const [over, setOver] = useState(false);
  const known = new Map(project?.files.map((f) => [f.name, f]) ?? []);

  const add = async (dropped?: File[]) => {
    if (!project) return;
    try {
      const infos = await backend.addSourceFiles(project.id, dropped);
      if (infos.length === 0) return;
      addFiles(infos);
      editProject((p) => addSourceFiles(p, source.id, infos.map((f) => f.name)));
    } catch (error) {
      notify('error', `The files could not be added: ${errorText(error)}`);
    }
  };

  // The menu's "Add source files": handled by the source on screen, now or once it mounts.
  const addRef = useRef(add);
  useEffect(() => {
    addRef.current = add;
  });
  useEffect(() => {
    const handle = () => takeAddFilesRequest() && void addRef.current();
    handle();
    return onAddFilesRequest(handle);
  }, []);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) void add(files);
  };

  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <ul className="file-list" aria-label={`Files of ${source.id}`}>
        {source.files.map((name) => {
          const info = known.get(name);
          return (
            <li key={name}>
              <span className="file-name">{name}</span>
              <span className="muted">{info ? `${formatCount(Math.ceil(info.size / 1024))} KB` : 'not added yet'}</span>
              <button type="button" className="link" onClick={() => editProject((p) => removeSourceFile(p, source.id, name))} aria-label={`Remove ${name} from ${source.id}`}>
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <p className="drop-hint">
        Drop export files here (several files = pages of one export) or{' '}
        <button type="button" onClick={() => void add()}>
          Add files…
        </button>
      </p>
    </div>
  );
}
