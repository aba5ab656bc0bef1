import fs from 'node:fs';

/**
 * Builds a Playwright init script that runs the *built* preload
 * (out/preload/index.cjs) in the page with a stand-in `electron` module:
 * contextBridge puts the API on window, ipcRenderer goes through a
 * Playwright binding into the real main handlers of the test process.
 * So the e2e page gets exactly the API the app's preload exposes.
 */
export function preloadInitScript(preloadFile: string): string {
  if (!fs.existsSync(preloadFile)) throw new Error(`No built preload at ${preloadFile}: run "npm run build" first.`);
  const preloadCode = fs.readFileSync(preloadFile, 'utf8');
  return `(() => {
  const listeners = new Map();
  // Main's events arrive in batches ([channel, payload] pairs, in order) but are
  // handed to the listeners one task each, as webContents.send delivers them:
  // whatever a listener schedules (promises, React's work) runs before the next
  // event, as in Electron. Resolves once the last one has been delivered.
  window.${EMIT_FUNCTION} = (events) =>
    new Promise((resolve) => {
      const tasks = new MessageChannel();
      let next = 0;
      tasks.port1.onmessage = () => {
        const [channel, payload] = events[next++];
        try {
          for (const listener of listeners.get(channel) ?? []) listener({}, payload);
        } finally {
          // A listener that throws is a page error (logged by the harness); the next events still arrive.
          if (next < events.length) tasks.port2.postMessage(null);
          else {
            tasks.port1.close();
            resolve();
          }
        }
      };
      tasks.port2.postMessage(null);
    });
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value: Object.freeze(value), writable: false }),
    },
    ipcRenderer: {
      invoke: (channel, payload) => window.${INVOKE_BINDING}(channel, payload),
      on: (channel, listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    },
  };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('A sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  (function (module, exports, require) {
${preloadCode}
  })(module, module.exports, require);
})();`;
}

export const INVOKE_BINDING = '__ringdeskHarnessInvoke';
export const EMIT_FUNCTION = '__ringdeskHarnessEmit';
