/**
 * Notices a WebSocket whose server went silent without closing it (a dead
 * network path, a frozen server): the socket stays "open" for many minutes
 * until TCP gives up. sip.js sends CRLF keep-alive pings but ignores missing
 * answers, so we watch the socket ourselves.
 *
 * The watch arms only after the server has answered one ping (a bare CRLF
 * message), so a server that never answers pings is never taken for dead.
 * From then on, any message — pong or SIP — restarts the clock.
 *
 * When `silenceMs` passes without a message the server is not declared dead
 * yet: the renderer may simply have been paused (GC, App Nap, a loaded
 * machine) for longer than the limit, and on waking our timer can run before
 * the pong to sip.js's own ping is delivered. So we send our own CRLF probe
 * and start a fresh `graceMs` timer — running time, counted from after the
 * probe went out. Any message cancels the probe; only when nothing at all
 * arrives within the grace period is `onSilent` called, once. A grace timer
 * that itself fires far too late (another pause) probes once more rather
 * than fail on a clock that did not run.
 */
export interface SilenceWatch {
  /** Silence after which the server is probed, ms. */
  silenceMs: number;
  /** How long the probe may go unanswered before the server counts as dead, ms. */
  graceMs: number;
  /** Sends a CRLF keep-alive ping ("\r\n\r\n") on the watched socket. May throw. */
  probe: () => void;
  /** The server is gone. Called at most once. */
  onSilent: () => void;
}

/** Re-probes allowed for grace timers that fired late because the process was paused again. */
const MAX_LATE_REPROBES = 2;

/** Watches `socket` (see above). @returns a function that stops watching (idempotent) */
export function watchForSilence(socket: EventTarget, watch: SilenceWatch): () => void {
  const { silenceMs, graceMs, probe, onSilent } = watch;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armed = false;
  let stopped = false;
  let lateReprobes = 0;

  const stop = (): void => {
    stopped = true;
    clearTimeout(timer);
    timer = undefined;
    socket.removeEventListener('message', onMessage);
    socket.removeEventListener('close', stop);
  };

  const sendProbe = (): void => {
    try {
      probe();
    } catch {
      // a socket that cannot send either closes (stopping us) or stays silent: the grace timer decides
    }
    if (stopped) return;
    const due = Date.now() + graceMs;
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped) return;
      // Fired more than a whole grace period late: the process was paused, the answer may be queued.
      if (Date.now() - due > graceMs && lateReprobes < MAX_LATE_REPROBES) {
        lateReprobes += 1;
        sendProbe();
        return;
      }
      stop();
      onSilent();
    }, graceMs);
  };

  function onMessage(event: Event): void {
    if (stopped) return;
    const data = (event as MessageEvent).data;
    if (!armed && typeof data === 'string' && /^(\r\n)+$/.test(data)) armed = true;
    if (!armed) return;
    lateReprobes = 0;
    clearTimeout(timer); // also cancels a probe in flight: the server is alive
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) sendProbe();
    }, silenceMs);
  }

  socket.addEventListener('message', onMessage);
  socket.addEventListener('close', stop);
  return stop;
}
