/** What every screen can reach: the backend, the run recorder and the open project session. */
import { createContext } from 'react';
import type { ProjectInput } from '../../core/project/schema';
import type { Backend, OpenedProject, SourceFileInfo } from '../backend/backend';
import type { ProjectEntity } from '../db/entities';
import type { RunRecorder } from './run-recorder';
import type { ScreenId } from './screens';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

export interface AppContextValue {
  backend: Backend;
  recorder: RunRecorder;
  /** The open project (null while the app starts). */
  project: ProjectEntity | null;
  /** True when the project has edits that are not saved. */
  dirty: boolean;
  /** Applies an edit to the open project (kept in memory until `saveProject`). */
  editProject(update: (project: ProjectInput) => ProjectInput): void;
  saveProject(): Promise<void>;
  /** Makes an opened project the current one and remembers it. */
  openProject(opened: OpenedProject): Promise<void>;
  /** Opens a project file (picker or dialog), the bundled sample (one of its exports: `sampleExport`, see
   * Backend.sampleExports), or a new project; errors become notices. */
  openVia(kind: 'file' | 'sample' | 'new', sampleExport?: string): Promise<void>;
  /** Records files the backend now holds for the project. */
  addFiles(files: SourceFileInfo[]): void;
  /** Starts a run of the open project and shows the run screen; `asOf` overrides the export date. */
  startRun(options?: { asOf?: string }): Promise<void>;
  /** The run the overview and roster show: null = the newest complete run. */
  selectedRunId: string | null;
  selectRun(runId: string | null): void;
  navigate(screen: ScreenId): void;
  notices: Notice[];
  notify(kind: Notice['kind'], message: string): void;
  dismiss(id: number): void;
}

export const AppContext = createContext<AppContextValue | null>(null);
