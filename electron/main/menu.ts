/**
 * The application menu as a plain template (tested without Electron). Items the renderer carries out
 * send a `menu:command` event; Reload is done by main itself, so it works even when the page is stuck.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommandName } from '../ipc/contract';

export interface MenuActions {
  command: (command: MenuCommandName) => void;
  reload: () => void;
  toggleDevTools: () => void;
}

function item(label: string, accelerator: string, onClick: () => void): MenuItemConstructorOptions {
  return { label, accelerator, click: () => onClick() };
}

export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions, options: { devTools: boolean }): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const send = (command: MenuCommandName) => () => actions.command(command);
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        item('New Project…', 'CmdOrCtrl+N', send('project:new')),
        item('Open Project…', 'CmdOrCtrl+O', send('project:open')),
        { type: 'separator' },
        item('Add Source Files…', 'CmdOrCtrl+Shift+A', send('files:add')),
        { type: 'separator' },
        item('Export Roster CSV…', 'CmdOrCtrl+E', send('export:roster')),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Run',
      submenu: [item('Run', 'CmdOrCtrl+Enter', send('run:start'))],
    },
    {
      label: '&View',
      submenu: [
        item('Reload', 'CmdOrCtrl+R', actions.reload),
        ...(options.devTools ? [item('Toggle Developer Tools', mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I', actions.toggleDevTools)] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  );
  return template;
}
