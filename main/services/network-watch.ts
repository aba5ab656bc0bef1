/**
 * Electron has no online/offline event in main: poll the cheap check
 * (`net.isOnline()` in the app).
 * Going offline is reported only after it lasts (a blip would otherwise
 * show "not reachable" and force a reconnect); coming back is reported at
 * once. The state at start is reported too, so an app started offline
 * reconnects the moment the network appears.
 */
export function watchNetwork(
  isOnline: () => boolean,
  onChange: (online: boolean) => void,
  options = { pollMs: 2_000, offlineAfterPolls: 2 },
): () => void {
  let reported = isOnline();
  let offlinePolls = 0;
  onChange(reported);
  const timer = setInterval(() => {
    const online = isOnline();
    offlinePolls = online ? 0 : offlinePolls + 1;
    const next = online ? true : offlinePolls >= options.offlineAfterPolls ? false : reported;
    if (next !== reported) onChange((reported = next));
  }, options.pollMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
