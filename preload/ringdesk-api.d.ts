import type { RingdeskApi } from './contract';

declare global {
  interface Window {
    /** Exposed by preload/index.ts; see preload/contract.ts. */
    readonly ringdesk: RingdeskApi;
  }
}
export {};
