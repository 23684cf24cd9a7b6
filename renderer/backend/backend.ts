/**
 * The renderer's only door to files and to the pipeline. Two implementations: `electron` (the preload
 * API, files read by the main process and the worker) and `browser` (files picked or dropped by the user,
 * the same core in a Web Worker). The UI never knows which one it runs on.
 */
import type { RunMessage } from '../../core/run/stream';
import type { ProjectInput } from '../../core/project/schema';
import type { SourcePreview } from '../../core/presets/preview';

/** A file the backend can hand to a run: identified by its name as the project file names it. */
export interface SourceFileInfo {
  name: string;
  size: number;
  modified?: string;
}

/** A project as the UI edits it: the config plus the files the backend can read for it. */
export interface OpenedProject {
  /** Stable id: an opaque id main derives from the project file's path in the desktop app (the renderer
   * never names a path there), a generated id in the browser. */
  id: string;
  project: ProjectInput;
  files: SourceFileInfo[];
  /** Where it came from, for display. */
  location: string;
}

/** What a source's files look like, for the project screen (core/presets/preview.ts). */
export type { SourcePreview } from '../../core/presets/preview';

export interface RunRequest {
  projectId: string;
  project: ProjectInput;
  asOf?: string;
}

/** A MessagePort, by shape: the main process's type check reads this file too, and has no DOM types. */
export interface RowsSink {
  postMessage(message: unknown): void;
  close(): void;
}

/** A running run: messages arrive through `onMessage` until a terminal one (done, failed, cancelled). */
export interface RunHandle {
  cancel(): void;
  /** The page stored one `rows` message: the worker may send another (core/run/flow.ts). Call it once per
   * `rows` message, after its write; the worker holds back further chunks until it does. */
  ack(): void;
}

/** Application-menu commands the UI carries out (desktop app only). */
export type MenuCommand = 'project:new' | 'project:open' | 'files:add' | 'run:start' | 'export:roster';

export interface Backend {
  readonly kind: 'electron' | 'browser';
  /** The bundled sample project, ready to run: its first export, or the one of `sampleExports` named
   * (the same project id, so the runs of every export share one history). */
  openSample(exportId?: string): Promise<OpenedProject>;
  /** The sample's exports when it has several (the browser edition: week 1 and week 2 of Acme). */
  readonly sampleExports?: readonly { id: string; label: string }[];
  /** Asks the user for a project file (dialog or picker); null when they cancel. */
  openProject(): Promise<OpenedProject | null>;
  /** Asks the user for export files to add (dialog), or takes dropped files (browser and desktop). */
  addSourceFiles(projectId: string, dropped?: File[]): Promise<SourceFileInfo[]>;
  /** Loads a source's files and reports what they look like. */
  previewSource(projectId: string, project: ProjectInput, sourceId: string): Promise<SourcePreview>;
  /** Writes the project file (desktop) or keeps it (browser). */
  saveProject(projectId: string, project: ProjectInput): Promise<void>;
  /**
   * Starts a run; `onMessage` receives the run stream of core/run/stream.ts. Given a `sink` (only when
   * `postsRowsToSink`), the run's `rows` go to that port instead, whose receiver acknowledges each one there,
   * and `done` comes once every chunk was acknowledged.
   */
  startRun(request: RunRequest, onMessage: (message: RunMessage) => void, sink?: RowsSink): RunHandle;
  /** True when the run's worker can post its rows straight to a storing worker's port (the browser edition;
   * the desktop app's rows come over IPC to the page). */
  readonly postsRowsToSink?: boolean;
  /** Desktop only: asks where to save a new project (save dialog), writes `project` there and opens it,
   * so files can be added next to it; null when the user cancels. */
  createProject?(project: ProjectInput): Promise<OpenedProject | null>;
  /** Desktop only: subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
  /** Saves text the user exports (a save dialog in the desktop app, a download in the browser). */
  saveText(suggestedName: string, content: string): Promise<boolean>;
}
