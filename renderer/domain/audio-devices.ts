import type { DeviceChoice, Preferences } from '../../common/schemas/preferences';

/**
 * The agent's audio devices: which one each saved choice means today.
 *
 * Device ids change across sessions and OS updates (and per origin), labels
 * rarely do, so a saved choice `{id, label}` is found again by id, else by
 * label, else the system default is used and the agent is told:
 *
 * ```
 *  saved choice ──id present──► found (by id)
 *       │ └─────label present─► found (by label)
 *       │ └─────neither───────► missing → system default + notice ─┐
 *       │                        (device returns) ──────────────────┘► found again
 *  no choice ──────────────────► default
 *  list unknown / no permission ► unverified (trust the saved id)
 * ```
 */

export type AudioDeviceKind = 'audioinput' | 'audiooutput';

/** One device as enumerateDevices() lists it, reduced to what we use. */
export interface AudioDevice {
  id: string;
  label: string;
  kind: AudioDeviceKind;
}

export type DeviceRole = 'microphone' | 'speaker' | 'ringer';

export const ROLE_KIND: Record<DeviceRole, AudioDeviceKind> = {
  microphone: 'audioinput',
  speaker: 'audiooutput',
  ringer: 'audiooutput',
};

export type DeviceResolution =
  /** Nothing chosen: the system default. */
  | { status: 'default'; deviceId: null }
  | { status: 'found'; deviceId: string; device: AudioDevice; by: 'id' | 'label' }
  /** Chosen but not connected now: the system default stands in. */
  | { status: 'missing'; deviceId: null; choice: DeviceChoice }
  /** The device list cannot tell yet (not listed, or no permission to see ids): use the saved id. */
  | { status: 'unverified'; deviceId: string };

/** Chromium's stand-ins for "whatever the system uses"; our "System default" (null) covers them. */
const PSEUDO_IDS = new Set(['default', 'communications']);

/** The real devices of one kind, without the system's "default" stand-ins. */
export function devicesOfKind(devices: readonly AudioDevice[], kind: AudioDeviceKind): AudioDevice[] {
  return devices.filter((d) => d.kind === kind && d.id !== '' && !PSEUDO_IDS.has(d.id));
}

const normalise = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Finds a saved choice among today's devices: by id, else by label, else
 * missing. `devices` is null while the list is not known yet.
 */
export function resolveDeviceChoice(
  choice: DeviceChoice | null,
  devices: readonly AudioDevice[] | null,
  kind: AudioDeviceKind,
): DeviceResolution {
  if (!choice || choice.id === '' || PSEUDO_IDS.has(choice.id)) return { status: 'default', deviceId: null };
  if (devices === null) return { status: 'unverified', deviceId: choice.id };
  const candidates = devicesOfKind(devices, kind);
  // Without permission, browsers list devices with empty ids and labels.
  if (candidates.length === 0 && devices.some((d) => d.kind === kind && d.id === '')) {
    return { status: 'unverified', deviceId: choice.id };
  }
  const byId = candidates.find((d) => d.id === choice.id);
  if (byId) return { status: 'found', deviceId: byId.id, device: byId, by: 'id' };
  const label = normalise(choice.label);
  const byLabel = label ? candidates.find((d) => normalise(d.label) === label) : undefined;
  if (byLabel) return { status: 'found', deviceId: byLabel.id, device: byLabel, by: 'label' };
  return { status: 'missing', deviceId: null, choice };
}

export interface ResolvedAudio {
  microphone: DeviceResolution;
  speaker: DeviceResolution;
  ringer: DeviceResolution;
}

/** All three saved choices resolved against today's devices. */
export function resolveAudio(audio: Preferences['audio'], devices: readonly AudioDevice[] | null): ResolvedAudio {
  return {
    microphone: resolveDeviceChoice(audio.microphone, devices, 'audioinput'),
    speaker: resolveDeviceChoice(audio.speaker, devices, 'audiooutput'),
    ringer: resolveDeviceChoice(audio.ringer, devices, 'audiooutput'),
  };
}

const FALLBACK_TEXT: Record<DeviceRole, string> = {
  microphone: "using the computer's microphone",
  speaker: "calls play on the computer's speaker",
  ringer: "calls ring on the computer's speaker",
};

/**
 * "Jabra Evolve2 65 was disconnected — using the computer's microphone":
 * what to tell the agent while a chosen device is missing, or null.
 */
export function deviceFallbackText(role: DeviceRole, resolution: DeviceResolution): string | null {
  if (resolution.status !== 'missing') return null;
  const name = resolution.choice.label.trim() || 'Your headset';
  return `${name} was disconnected — ${FALLBACK_TEXT[role]}`;
}

/** What the agent must do when the microphone is refused. */
export const MICROPHONE_DENIED_TEXT =
  'Ringdesk needs the microphone for calls. Allow it in System Settings → Privacy → Microphone, then restart Ringdesk.';

/** getUserMedia's error (by DOMException name) in words the agent can act on. */
export function microphoneErrorText(errorName: string): string {
  switch (errorName) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return MICROPHONE_DENIED_TEXT;
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Plug one in and choose it here.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'The microphone could not be started — another app may be using it. Close that app and try again.';
    default:
      return 'The microphone could not be opened. Try another one, or restart Ringdesk.';
  }
}

/** A device's name for a list: its label, or "Microphone 2" when the system gives none. */
export function deviceLabel(device: AudioDevice, index: number): string {
  if (device.label.trim()) return device.label;
  return `${device.kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${index + 1}`;
}
