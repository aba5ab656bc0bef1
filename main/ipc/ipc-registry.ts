/** Who sent an IPC message, as far as main can tell. */
export interface IpcSender {
  /** Id of the sending WebContents. */
  webContentsId: number;
  /** URL of the sending frame ('' when unknown, e.g. the frame is gone). */
  frameUrl: string;
  /** False for iframes: only our top-level page may call main. */
  isMainFrame: boolean;
}

/**
 * Where handlers are registered: ipcMain in the app, an in-process map in
 * the end-to-end harness. Handlers always resolve (never reject).
 */
export interface IpcRegistry {
  handle(channel: string, handler: (sender: IpcSender, payload: unknown) => Promise<unknown>): void;
}

/** Sends a main → renderer event to the phone window. */
export type RendererEmitter = (channel: string, payload: unknown) => void;
