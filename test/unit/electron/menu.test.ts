import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../../../electron/ipc/contract';
import { menuTemplate } from '../../../electron/main/menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  const actions = () => ({ command: vi.fn(), reload: vi.fn(), toggleDevTools: vi.fn() });

  it('has File, Edit, Run, View and Window menus (plus the app menu on macOS)', () => {
    const labels = (platform: NodeJS.Platform) => menuTemplate(platform, actions(), { devTools: false }).map((i) => i.label ?? i.role);
    expect(labels('linux')).toEqual(['&File', 'editMenu', '&Run', '&View', 'windowMenu']);
    expect(labels('darwin')).toEqual(['appMenu', '&File', 'editMenu', '&Run', '&View', 'windowMenu']);
  });

  const items = [
    { label: 'New Project…', accelerator: 'CmdOrCtrl+N', command: 'project:new' },
    { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', command: 'project:open' },
    { label: 'Add Source Files…', accelerator: 'CmdOrCtrl+Shift+A', command: 'files:add' },
    { label: 'Run', accelerator: 'CmdOrCtrl+Enter', command: 'run:start' },
    { label: 'Export Roster CSV…', accelerator: 'CmdOrCtrl+E', command: 'export:roster' },
  ];
  it.each(items)('"$label" ($accelerator) sends $command to the renderer', ({ label, accelerator, command }) => {
    const a = actions();
    const item = flatten(menuTemplate('linux', a, { devTools: false })).find((i) => i.label === label);
    expect(item?.accelerator).toBe(accelerator);
    click(item);
    expect(a.command).toHaveBeenCalledWith(command);
  });

  it('covers every menu command of the contract, each once', () => {
    expect(items.map((i) => i.command).sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('reloads in main, and shows DevTools only in development', () => {
    const a = actions();
    const prod = flatten(menuTemplate('linux', a, { devTools: false }));
    click(prod.find((i) => i.label === 'Reload'));
    expect(a.reload).toHaveBeenCalledOnce();
    expect(a.command).not.toHaveBeenCalled();
    expect(prod.some((i) => i.label === 'Toggle Developer Tools')).toBe(false);
    expect(flatten(menuTemplate('linux', a, { devTools: true })).some((i) => i.label === 'Toggle Developer Tools')).toBe(true);
  });

  it('has no duplicate accelerators', () => {
    const accelerators = flatten(menuTemplate('linux', actions(), { devTools: true })).flatMap((i) => (i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});
