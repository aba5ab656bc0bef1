/**
 * Sends an audio element's sound to a device, falling back to the system
 * default when the device cannot be used — a call must never stay silent
 * because of a device problem. Never throws.
 *
 * @param deviceId the output's deviceId, or null for the system default
 * @returns where the sound goes: the chosen device, the default (after a
 *   failure, or when asked), or wherever the platform puts it when it
 *   cannot choose (no setSinkId).
 */
export async function routeAudio(element: HTMLMediaElement, deviceId: string | null): Promise<'device' | 'default' | 'unsupported'> {
  // Older engines (and some test DOMs) have no setSinkId at all.
  const sink = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (typeof sink.setSinkId !== 'function') return 'unsupported';
  if (deviceId) {
    try {
      if (sink.sinkId !== deviceId) await sink.setSinkId(deviceId);
      return 'device';
    } catch (error) {
      console.warn(`Ringdesk: could not route sound to the chosen device (${describe(error)}); using the default`);
    }
  }
  try {
    if (sink.sinkId !== '') await sink.setSinkId('');
  } catch {
    // Already on (or stuck on) the default: nothing better to do.
  }
  return 'default';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}
