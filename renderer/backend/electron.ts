/**
 * The desktop app's backend: every call goes through `window.api` (the preload's contextBridge API) to
 * the main process; runs stream from the worker process over a MessagePort main only brokered. Main
 * answers `{ ok, data } | { ok: false, issue }`; an issue becomes an Error whose message the UI shows.
 */
import type { IpcIssue, MenuCommandName, Result } from '../../electron/ipc/contract';
import type { RosterAuditApi } from '../../electron/ipc/api';
import type { Backend, MenuCommand, RunHandle } from './backend';

/** An issue main reported, as an Error (message and fix in one sentence pair, as errorText shows it). */
export class DesktopError extends Error {
  readonly fix: string | undefined;
  constructor(issue: IpcIssue) {
    super(issue.fix ? `${issue.message} ${issue.fix}` : issue.message);
    this.name = 'DesktopError';
    this.fix = issue.fix;
  }
}

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new DesktopError(result.issue);
  return result.data;
}

// The menu command names of the IPC contract and of the Backend interface are one list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameCommands: Same<MenuCommandName, MenuCommand> = true;
void sameCommands;

/** True in the desktop app (the preload exposed its API). */
export function hasDesktopApi(): boolean {
  return typeof window !== 'undefined' && window.api !== undefined;
}

export function createElectronBackend(api: RosterAuditApi | undefined = window.api): Backend {
  if (!api) throw new Error('The desktop API is missing: this page was not loaded by the Roster Audit app.');
  return {
    kind: 'electron',
    openSample: async () => unwrap(await api.project.openSample()),
    openProject: async () => unwrap(await api.project.open()),
    createProject: async (project) => unwrap(await api.project.create(project)),
    addSourceFiles: async (projectId, dropped) => {
      const files = dropped
        ? await Promise.all(dropped.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })))
        : undefined;
      return unwrap(await api.files.add(projectId, files));
    },
    previewSource: async (projectId, project, sourceId) => unwrap(await api.source.preview(projectId, project, sourceId)),
    saveProject: async (projectId, project) => {
      unwrap(await api.project.save(projectId, project));
    },
    startRun: (request, onMessage): RunHandle => {
      const { cancel, ack } = api.run.start({ projectId: request.projectId, project: request.project, ...(request.asOf ? { asOf: request.asOf } : {}) }, onMessage);
      return { cancel, ack };
    },
    saveText: async (suggestedName, content) => unwrap(await api.export.saveText(suggestedName, content)).saved,
    onMenuCommand: (listener) => api.menu.on(listener),
  };
}
