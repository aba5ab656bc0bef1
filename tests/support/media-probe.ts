import type { Page } from '@playwright/test';

/**
 * Test-only instrumentation injected into each app page before its scripts
 * run: it watches what a real agent cannot see but a leak or a silent call
 * would be made of — PeerConnections and their RTP counters, live timers,
 * audio elements, DTMF tones played into the media. Nothing in the app
 * knows about it.
 */
export const MEDIA_PROBE_SCRIPT = `(() => {
  const pcs = [];
  const NativePC = window.RTCPeerConnection;
  window.RTCPeerConnection = function (...args) {
    const pc = new NativePC(...args);
    pcs.push(pc);
    return pc;
  };
  window.RTCPeerConnection.prototype = NativePC.prototype;
  Object.setPrototypeOf(window.RTCPeerConnection, NativePC);

  const timers = new Map();
  const nativeSetTimeout = window.setTimeout.bind(window);
  const nativeClearTimeout = window.clearTimeout.bind(window);
  const nativeSetInterval = window.setInterval.bind(window);
  const nativeClearInterval = window.clearInterval.bind(window);
  window.setTimeout = (fn, ms, ...rest) => {
    const id = nativeSetTimeout((...a) => { timers.delete(id); if (typeof fn === 'function') fn(...a); }, ms, ...rest);
    timers.set(id, { ms, stack: new Error().stack });
    return id;
  };
  window.clearTimeout = (id) => { timers.delete(id); nativeClearTimeout(id); };
  window.setInterval = (fn, ms, ...rest) => { const id = nativeSetInterval(fn, ms, ...rest); timers.set(id, { ms, interval: true, stack: new Error().stack }); return id; };
  window.clearInterval = (id) => { timers.delete(id); nativeClearInterval(id); };

  const tones = [];
  const nativeInsert = window.RTCDTMFSender && window.RTCDTMFSender.prototype.insertDTMF;
  if (nativeInsert) {
    window.RTCDTMFSender.prototype.insertDTMF = function (t, ...rest) {
      if (!this.__rdProbed) {
        this.__rdProbed = true;
        this.addEventListener('tonechange', (e) => { if (e.tone) tones.push(e.tone); });
      }
      return nativeInsert.call(this, t, ...rest);
    };
  }

  const plays = [];
  const nativePlay = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) {
    const el = this;
    return nativePlay.apply(el, args).then((v) => { plays.push({ id: el.dataset.testid || '', at: Date.now() }); return v; });
  };

  window.__rdProbe = {
    plays: () => plays.slice(),
    openPeerConnections: () => pcs.filter((pc) => pc.signalingState !== 'closed').length,
    allPeerConnections: () => pcs.length,
    activeTimers: () => timers.size,
    /** Where each live timer was set (for a failing leak test's message). */
    timerOrigins: () => [...timers.values()].map((t) => \`\${t.interval ? 'interval' : 'timeout'} \${t.ms} ms\n\${t.stack}\`),
    audioElements: () => document.querySelectorAll('audio').length,
    dtmfTones: () => tones.join(''),
    async rtp() {
      const out = [];
      for (const pc of pcs) {
        if (pc.signalingState === 'closed') continue;
        let sent = 0, received = 0;
        (await pc.getStats()).forEach((s) => {
          if (s.type === 'outbound-rtp' && s.kind === 'audio') sent += s.packetsSent || 0;
          if (s.type === 'inbound-rtp' && s.kind === 'audio') received += s.packetsReceived || 0;
        });
        out.push({ sent, received });
      }
      return out;
    },
  };
})();`;

export interface MediaProbe {
  openPeerConnections(): Promise<number>;
  activeTimers(): Promise<number>;
  timerOrigins(): Promise<string[]>;
  audioElements(): Promise<number>;
  dtmfTones(): Promise<string>;
  /** Every media element that started playing: its data-testid and when (epoch ms). */
  plays(): Promise<Array<{ id: string; at: number }>>;
  /** RTP audio packet counters of each open PeerConnection. */
  rtp(): Promise<Array<{ sent: number; received: number }>>;
  heapBytes(): Promise<number>;
}

type Probe = Record<string, () => unknown>;
const call = <T>(page: Page, name: string): Promise<T> =>
  page.evaluate((n) => (window as unknown as { __rdProbe: Probe }).__rdProbe[n]!(), name) as Promise<T>;

export function mediaProbe(page: Page): MediaProbe {
  return {
    openPeerConnections: () => call<number>(page, 'openPeerConnections'),
    activeTimers: () => call<number>(page, 'activeTimers'),
    timerOrigins: () => call<string[]>(page, 'timerOrigins'),
    audioElements: () => call<number>(page, 'audioElements'),
    dtmfTones: () => call<string>(page, 'dtmfTones'),
    plays: () => call<Array<{ id: string; at: number }>>(page, 'plays'),
    rtp: () => call<Array<{ sent: number; received: number }>>(page, 'rtp'),
    heapBytes: async () => {
      const session = await page.context().newCDPSession(page);
      await session.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
      await session.detach();
      return usedSize;
    },
  };
}
