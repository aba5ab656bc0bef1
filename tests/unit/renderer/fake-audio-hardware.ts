import type { AudioHardware, MicrophoneLevel } from '../../../renderer/audio/audio-hardware';
import type { AudioDevice } from '../../../renderer/domain/audio-devices';

/** The computer's audio devices, as a test sets them up; plugging and unplugging is one call. */
export interface FakeAudioHardware extends AudioHardware {
  devices: AudioDevice[];
  /** Replaces the device list and fires "devicechange", as plugging a headset in or out does. */
  plug(devices: AudioDevice[]): void;
  /** The next openMicrophone fails with this DOMException name (e.g. NotAllowedError). */
  refuseMicrophone(name: string | null): void;
  /** The level the open microphone reports. */
  level: number;
  readonly microphonesOpened: Array<string | null>;
  readonly openMicrophones: number;
  readonly testSounds: Array<string | null>;
  /** The next playTestSound fails. */
  failTestSound(fail: boolean): void;
}

export function createFakeAudioHardware(devices: AudioDevice[] = []): FakeAudioHardware {
  const listeners = new Set<() => void>();
  let refusal: string | null = null;
  let failSound = false;
  let open = 0;
  const fake: FakeAudioHardware = {
    devices,
    level: 0.5,
    microphonesOpened: [],
    testSounds: [],
    get openMicrophones() {
      return open;
    },
    async listDevices() {
      return fake.devices;
    },
    onDevicesChanged(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async openMicrophone(deviceId) {
      fake.microphonesOpened.push(deviceId);
      if (refusal) throw Object.assign(new Error('refused'), { name: refusal });
      open++;
      let closed = false;
      const meter: MicrophoneLevel = {
        level: () => fake.level,
        close: () => {
          if (!closed) open--;
          closed = true;
        },
      };
      return meter;
    },
    async playTestSound(deviceId) {
      fake.testSounds.push(deviceId);
      if (failSound) throw Object.assign(new Error('no device'), { name: 'NotFoundError' });
    },
    plug(next) {
      fake.devices = next;
      for (const listener of [...listeners]) listener();
    },
    refuseMicrophone(name) {
      refusal = name;
    },
    failTestSound(fail) {
      failSound = fail;
    },
  };
  return fake;
}

export const mic = (id: string, label: string): AudioDevice => ({ id, label, kind: 'audioinput' });
export const out = (id: string, label: string): AudioDevice => ({ id, label, kind: 'audiooutput' });
