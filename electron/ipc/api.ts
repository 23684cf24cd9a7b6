/**
 * The shape of `window.api`, the only thing the preload exposes to the renderer (through contextBridge).
 * A small domain API: no ipcRenderer, no IpcRendererEvent, no channel names. Types only.
 */
import type { ProjectInput } from '../../core/project/schema';
import type { RunMessage } from '../../core/run/stream';
import type { OpenedProject, SourceFileInfo, SourcePreview } from '../../renderer/backend/backend';
import type { MenuCommandName, Result } from './contract';

export interface DroppedFileData {
  name: string;
  bytes: Uint8Array;
}

export interface RunStartRequest {
  projectId: string;
  project: ProjectInput;
  asOf?: string;
}

export interface RosterAuditApi {
  project: {
    open(): Promise<Result<OpenedProject | null>>;
    openSample(): Promise<Result<OpenedProject>>;
    create(project: ProjectInput): Promise<Result<OpenedProject | null>>;
    save(projectId: string, project: ProjectInput): Promise<Result<null>>;
  };
  files: {
    /** Without `dropped`: a file dialog. With it: the dropped files are copied into the project folder. */
    add(projectId: string, dropped?: DroppedFileData[]): Promise<Result<SourceFileInfo[]>>;
  };
  source: {
    preview(projectId: string, project: ProjectInput, sourceId: string): Promise<Result<SourcePreview>>;
  };
  run: {
    /** Starts a run; `onMessage` receives the run stream (core/run/stream.ts) until a terminal message.
     * Returns the run's controls: `cancel`, and `ack`, called once per `rows` message after the page
     * stored it (the worker sends at most two chunks ahead; core/run/flow.ts). */
    start(request: RunStartRequest, onMessage: (message: RunMessage) => void): { cancel: () => void; ack: () => void };
  };
  export: {
    saveText(suggestedName: string, content: string): Promise<Result<{ saved: boolean }>>;
  };
  menu: {
    /** Subscribes to application-menu commands; returns the unsubscribe function. */
    on(listener: (command: MenuCommandName) => void): () => void;
  };
}
