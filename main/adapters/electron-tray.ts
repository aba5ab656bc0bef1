import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { TrayMenuItem, TrayView } from '../domain/tray-view';
import type { TrayPort } from '../ports/tray';

/** Draws a TrayView with Electron's Tray; icons come from assets/tray/<icon>.png (+ @2x). */
export function createElectronTray(assetsDir: string, onClickIcon: () => void): TrayPort {
  let tray: Tray | null = null;
  let select: (item: TrayMenuItem) => void = () => undefined;
  const image = (name: string) => nativeImage.createFromPath(path.join(assetsDir, 'tray', `${name}.png`));

  return {
    render(view: TrayView) {
      if (!tray) {
        tray = new Tray(image(view.icon));
        tray.on('click', onClickIcon);
      } else {
        tray.setImage(image(view.icon));
      }
      tray.setToolTip(view.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(view.menu.map((item) => toMenuItem(item, select))));
    },
    onSelect(handler) {
      select = handler;
    },
  };
}

function toMenuItem(item: TrayMenuItem, select: (item: TrayMenuItem) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'info':
      return { label: item.label, enabled: false };
    case 'presence':
      return { label: item.label, type: 'radio', checked: item.checked, enabled: item.enabled, click: () => select(item) };
    case 'action':
      return { label: item.label, click: () => select(item) };
  }
}
