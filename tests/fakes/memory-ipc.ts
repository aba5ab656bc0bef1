import type { IpcRegistry, IpcSender } from '../../main/ipc/ipc-registry';

/** An in-process ipcMain: the harness and unit tests call real handlers through it. */
export class MemoryIpc implements IpcRegistry {
  private readonly handlers = new Map<string, (sender: IpcSender, payload: unknown) => Promise<unknown>>();

  handle(channel: string, handler: (sender: IpcSender, payload: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }

  invoke(sender: IpcSender, channel: string, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler(sender, payload);
  }

  get channels(): string[] {
    return [...this.handlers.keys()];
  }
}
