import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProjectInput } from '../../core/project/schema';
import type { Backend, OpenedProject, SourceFileInfo } from '../backend/backend';
import type { ProjectEntity } from '../db/entities';
import { repo } from '../db/repo';
import { auditClient } from '../worker/audit-client';
import type { AppContextValue, Notice } from '../lib/app-context';
import { errorText } from '../lib/errors';
import { newProjectTemplate } from '../lib/new-project';
import { liveRunIds } from '../lib/run-locks';
import type { RunRecorder } from '../lib/run-recorder';
import type { ScreenId } from '../lib/screens';

function mergeFiles(known: SourceFileInfo[], added: SourceFileInfo[]): SourceFileInfo[] {
  const names = new Set(added.map((f) => f.name));
  return [...known.filter((f) => !names.has(f.name)), ...added];
}

/**
 * The app's session: purges runs a closed page left half-written, reopens the last project (or, on the
 * first start, the bundled sample), and holds the project being edited.
 */
export function useProjectSession(backend: Backend, recorder: RunRecorder, navigate: (screen: ScreenId) => void): AppContextValue {
  const [project, setProject] = useState<ProjectEntity | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selectedRunId, selectRun] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextNotice = useRef(1);

  const notify = useCallback((kind: Notice['kind'], message: string) => {
    const id = nextNotice.current++;
    setNotices((list) => [...list.slice(-4), { id, kind, message }]);
    // Confirmations fade on their own; errors stay until the user dismisses them.
    if (kind === 'info') setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), 4000);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  const openProject = useCallback(async (opened: OpenedProject) => {
    const now = Date.now();
    const entity: ProjectEntity = { ...opened, name: opened.project.name, openedAt: now, savedAt: now };
    await repo.putProject(entity);
    setProject(entity);
    setDirty(false);
    selectRun(null);
  }, []);

  const openVia = useCallback(
    async (kind: 'file' | 'sample' | 'new', sampleExport?: string) => {
      try {
        const opened =
          kind === 'sample'
            ? await backend.openSample(sampleExport)
            : kind === 'file'
              ? await backend.openProject()
              : backend.createProject
                ? await backend.createProject(newProjectTemplate())
                : { id: `browser:${crypto.randomUUID()}`, project: newProjectTemplate(), files: [], location: 'New project (in this browser)' };
        if (!opened) return;
        await openProject(opened);
        navigate('project');
      } catch (error) {
        notify('error', `The project could not be opened: ${errorText(error)}`);
      }
    },
    [backend, openProject, navigate, notify],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const live = await liveRunIds();
      await repo.purgeWritingRuns((id) => live.has(id));
      const latest = await repo.latestProject();
      if (cancelled) return;
      if (latest) setProject(latest);
      else await openProject(await backend.openSample());
    })().catch((error: unknown) => notify('error', `The app could not start: ${errorText(error)}`));
    return () => {
      cancelled = true;
    };
  }, [backend, openProject, notify]);

  const editProject = useCallback((update: (p: ProjectInput) => ProjectInput) => {
    setProject((current) => {
      if (!current) return current;
      const next = update(current.project);
      return { ...current, project: next, name: next.name };
    });
    setDirty(true);
  }, []);

  const saveProject = useCallback(async () => {
    if (!project) return;
    try {
      await backend.saveProject(project.id, project.project);
      const saved = { ...project, savedAt: Date.now() };
      await repo.putProject(saved);
      setProject(saved);
      setDirty(false);
      notify('info', 'Project saved.');
    } catch (error) {
      notify('error', `The project could not be saved: ${errorText(error)}`);
    }
  }, [backend, project, notify]);

  const addFiles = useCallback((files: SourceFileInfo[]) => {
    setProject((current) => (current ? { ...current, files: mergeFiles(current.files, files) } : current));
    setDirty(true);
  }, []);

  const startRun = useCallback(async (options: { asOf?: string } = {}) => {
    if (!project) return;
    try {
      selectRun(null);
      // The audit worker's loaded run would share the page's heap with this run's workers.
      auditClient().release();
      await recorder.start(backend, { projectId: project.id, project: project.project, ...(options.asOf ? { asOf: options.asOf } : {}) });
      navigate('run');
    } catch (error) {
      notify('error', errorText(error));
    }
  }, [backend, recorder, project, navigate, notify]);

  // A run that finishes becomes the one the screens show.
  useEffect(
    () =>
      recorder.subscribe(() => {
        if (recorder.getSnapshot().phase === 'done') selectRun(null);
      }),
    [recorder],
  );

  return useMemo(
    () => ({ backend, recorder, project, dirty, editProject, saveProject, openProject, openVia, addFiles, startRun, selectedRunId, selectRun, navigate, notices, notify, dismiss }),
    [backend, recorder, project, dirty, editProject, saveProject, openProject, openVia, addFiles, startRun, selectedRunId, navigate, notices, notify, dismiss],
  );
}
