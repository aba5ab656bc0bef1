import { allInvokeSpecs, events, type RingdeskApi, type IpcResult } from './contract';

/**
 * How the generated API reaches main. In Electron this is ipcRenderer; in
 * the end-to-end harness it is a Playwright binding into the real main
 * handlers. Either way the same contract, schemas and checks are crossed.
 */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

const UNREACHABLE: IpcResult<never> = {
  ok: false,
  error: { code: 'failed', problem: 'unreachable' },
};

/** Builds `window.ringdesk` from the contract. */
export function createRingdeskApi(transport: Transport): RingdeskApi {
  const api: Record<string, unknown> = {};
  for (const { area, method, spec } of allInvokeSpecs()) {
    const target = (api[area] ??= {}) as Record<string, unknown>;
    target[method] = async (request?: unknown) => {
      try {
        return (await transport.invoke(spec.channel, request)) as IpcResult<unknown>;
      } catch {
        return UNREACHABLE;
      }
    };
  }
  for (const [name, spec] of Object.entries(events)) {
    api[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (listener: (payload: unknown) => void) =>
      transport.on(spec.channel, listener);
  }
  return Object.freeze(api) as RingdeskApi;
}
