/**
 * Notices a WebSocket whose server went silent without closing it (a dead
 * network path, a frozen server): the socket stays "open" for many minutes
 * until TCP gives up. sip.js sends CRLF keep-alive pings but ignores missing
 * answers, so we watch the socket ourselves.
 *
 * The watch arms only after the server has answered one ping (a bare CRLF
 * message), so a server that never answers pings is never taken for dead.
 * From then on, any message — pong or SIP — restarts the clock; `silenceMs`
 * without one calls `onSilent` once.
 *
 * @returns a function that stops watching (idempotent)
 */
export function watchForSilence(socket: EventTarget, silenceMs: number, onSilent: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armed = false;
  let stopped = false;

  const stop = (): void => {
    stopped = true;
    clearTimeout(timer);
    timer = undefined;
    socket.removeEventListener('message', onMessage);
    socket.removeEventListener('close', stop);
  };

  function onMessage(event: Event): void {
    if (stopped) return;
    const data = (event as MessageEvent).data;
    if (!armed && typeof data === 'string' && /^(\r\n)+$/.test(data)) armed = true;
    if (!armed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      stop();
      onSilent();
    }, silenceMs);
  }

  socket.addEventListener('message', onMessage);
  socket.addEventListener('close', stop);
  return stop;
}
