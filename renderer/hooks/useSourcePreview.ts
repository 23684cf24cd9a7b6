import { useEffect, useState } from 'react';
import type { ProjectInput } from '../../core/project/schema';
import type { SourcePreview } from '../backend/backend';
import { errorText } from '../lib/errors';
import { useApp } from './useApp';

export interface PreviewState {
  preview: SourcePreview | null;
  error: string | null;
  loading: boolean;
}

/**
 * Loads a source's files through the backend and reports what they look like. Reloads only when what
 * is read changes (files, format, CSV and JSON options), not on every mapping edit.
 */
export function useSourcePreview(project: ProjectInput, sourceId: string): PreviewState {
  const { backend, project: entity } = useApp();
  const [state, setState] = useState<PreviewState>({ preview: null, error: null, loading: true });
  const source = project.sources.find((s) => s.id === sourceId);
  const projectId = entity?.id ?? '';
  const sizes = entity?.files.map((f) => `${f.name}:${f.size}`).join('|') ?? '';
  const readKey = JSON.stringify([sourceId, source?.files, source?.format, source?.csv, source?.json, sizes]);

  useEffect(() => {
    let stale = false;
    setState((s) => ({ ...s, loading: true }));
    backend
      .previewSource(projectId, project, sourceId)
      .then((preview) => !stale && setState({ preview, error: null, loading: false }))
      .catch((error: unknown) => !stale && setState({ preview: null, error: errorText(error), loading: false }));
    return () => {
      stale = true;
    };
    // `project` is deliberately left out: readKey says when the part the preview reads has changed.
  }, [backend, projectId, readKey]);

  return state;
}
