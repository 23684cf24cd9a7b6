/** What the handlers share: the project registry, the run broker, the window and the app's folders. */
import type { BrowserWindow } from 'electron';
import type { ProjectRegistry } from './registry';
import type { RunBroker } from './runs';

export interface MainContext {
  registry: ProjectRegistry;
  runs: RunBroker;
  /** The app window (dialogs are modal to it), or null while none is open. */
  window: () => BrowserWindow | null;
  /** The bundled sample project's folder (examples/acme). */
  sampleDir: string;
  /** Electron's userData folder: the editable copy of the sample lives there. */
  userData: string;
  /** Where save dialogs start. */
  documents: string;
}
