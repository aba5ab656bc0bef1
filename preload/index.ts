import { contextBridge, ipcRenderer } from 'electron';
import { createRingdeskApi } from './create-api';

// The only file that touches contextBridge. It exposes the contract's named
// functions, never ipcRenderer itself (why — do not change without a
// security review: a raw invoke/send would let any script in the page reach
// any channel).
contextBridge.exposeInMainWorld(
  'ringdesk',
  createRingdeskApi({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    on: (channel, listener) => {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  }),
);
