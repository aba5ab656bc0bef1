import type { AudioDevice } from '../domain/audio-devices';

/**
 * The port to the computer's audio devices, apart from calls themselves
 * (the telephony engine owns call media, the Ringer component its own
 * audio elements). The browser implementation is ./browser-audio-hardware.ts;
 * tests use a fake.
 */
export interface AudioHardware {
  /** Microphones and speakers as the system lists them now; [] when there is no media support. */
  listDevices(): Promise<AudioDevice[]>;
  /** Devices were plugged in or out; returns the unsubscribe. */
  onDevicesChanged(listener: () => void): () => void;
  /**
   * Opens the microphone (null: the system default) for a level meter.
   * Rejects with getUserMedia's error (its `name` says why, e.g. NotAllowedError).
   */
  openMicrophone(deviceId: string | null): Promise<MicrophoneLevel>;
  /** Plays the short test sound on an output (null: the system default); rejects when it cannot. */
  playTestSound(deviceId: string | null): Promise<void>;
}

/** A microphone open for metering; close it when the meter goes. */
export interface MicrophoneLevel {
  /** Loudness right now, 0 (silence) to 1. */
  level(): number;
  /** Stops the microphone and frees the audio graph. Safe to call twice. */
  close(): void;
}

/** The name of an error as getUserMedia and setSinkId give it (a DOMException's name). */
export function errorName(error: unknown): string {
  return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : 'Error';
}
