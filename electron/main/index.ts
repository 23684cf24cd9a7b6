/**
 * Main process entry: one locked-down window, the application menu, the IPC handlers (each behind the
 * sender and payload checks of dispatch.ts) and the run broker.
 */
import { join } from 'node:path';
import { app, BrowserWindow, Menu, session } from 'electron';
import workerPath from '../worker/pipeline-worker?modulePath';
import type { Events, MenuCommandName } from '../ipc/contract';
import type { MainContext } from './context';
import { exportHandlers } from './export';
import { filesHandlers } from './files';
import { registerHandlers } from './ipc-main';
import { menuTemplate } from './menu';
import { bundledSampleDir } from './paths';
import { projectHandlers } from './project';
import { ProjectRegistry } from './registry';
import { runHandlers } from './run';
import { RunBroker } from './runs';
import type { AppOrigin } from './security';
import { sourceHandlers } from './source';
import { createMainWindow, hardenContents, hardenSession } from './window';

// End-to-end tests run the unpackaged app with a throwaway profile (test/e2e/electron.spec.ts).
if (!app.isPackaged && process.env.ROSTER_AUDIT_USER_DATA) app.setPath('userData', process.env.ROSTER_AUDIT_USER_DATA);

// Every renderer is sandboxed, whatever a window's options say (Electron security checklist).
app.enableSandbox();

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const origin: AppOrigin = { rendererDir: join(import.meta.dirname, '../renderer'), ...(devServerUrl ? { devServerUrl } : {}) };
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;
const runs = new RunBroker(workerPath);

function sendEvent<E extends keyof Events>(channel: E, payload: Events[E]): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
}

function openWindow(): void {
  const win = createMainWindow(preloadPath, devServerUrl ? { url: devServerUrl } : { file: join(origin.rendererDir, 'index.html') });
  const contentsId = win.webContents.id;
  win.on('closed', () => {
    runs.stopAll(contentsId);
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function start(): void {
  hardenSession(session.defaultSession, origin);
  const ctx: MainContext = {
    registry: new ProjectRegistry(),
    runs,
    window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
    sampleDir: bundledSampleDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
    userData: app.getPath('userData'),
    documents: app.getPath('documents'),
  };
  registerHandlers(
    { ...projectHandlers(ctx), ...filesHandlers(ctx), ...sourceHandlers(ctx), ...runHandlers(ctx), ...exportHandlers(ctx) },
    {
      windows: () => new Set(mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents.id] : []),
      origin,
    },
  );
  const template = menuTemplate(
    process.platform,
    {
      command: (command: MenuCommandName) => sendEvent('menu:command', { command }),
      reload: () => mainWindow?.webContents.reload(),
      toggleDevTools: () => mainWindow?.webContents.toggleDevTools(),
    },
    { devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, origin));
  app.on('window-all-closed', () => {
    runs.stopAll();
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  void app.whenReady().then(start);
}
