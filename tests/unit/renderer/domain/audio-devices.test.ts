import { describe, expect, it } from 'vitest';
import {
  deviceFallbackText,
  devicesOfKind,
  MICROPHONE_DENIED_TEXT,
  microphoneErrorText,
  resolveAudio,
  resolveDeviceChoice,
  type AudioDevice,
} from '../../../../renderer/domain/audio-devices';

const headsetMic: AudioDevice = { id: 'mic-jabra', label: 'Jabra Evolve2 65', kind: 'audioinput' };
const laptopMic: AudioDevice = { id: 'mic-builtin', label: 'Built-in Microphone', kind: 'audioinput' };
const headsetOut: AudioDevice = { id: 'out-jabra', label: 'Jabra Evolve2 65', kind: 'audiooutput' };
const devices = [headsetMic, laptopMic, headsetOut, { id: 'default', label: 'Default - Built-in', kind: 'audioinput' as const }];

describe('finding a saved device again', () => {
  it('finds it by id', () => {
    expect(resolveDeviceChoice({ id: 'mic-jabra', label: 'Jabra Evolve2 65' }, devices, 'audioinput')).toMatchObject({
      status: 'found',
      deviceId: 'mic-jabra',
      by: 'id',
    });
  });

  it('finds it by label when the id changed (new session, OS update)', () => {
    expect(resolveDeviceChoice({ id: 'old-id', label: 'jabra evolve2  65' }, devices, 'audioinput')).toMatchObject({
      status: 'found',
      deviceId: 'mic-jabra',
      by: 'label',
    });
  });

  it('looks only among devices of the right kind', () => {
    expect(resolveDeviceChoice({ id: 'out-jabra', label: 'Jabra Evolve2 65' }, devices, 'audioinput')).toMatchObject({ deviceId: 'mic-jabra', by: 'label' });
  });

  it('falls back to the system default when it is not connected', () => {
    expect(resolveDeviceChoice({ id: 'gone', label: 'USB Headset' }, devices, 'audioinput')).toEqual({
      status: 'missing',
      deviceId: null,
      choice: { id: 'gone', label: 'USB Headset' },
    });
  });

  it('uses the system default when nothing was chosen', () => {
    expect(resolveDeviceChoice(null, devices, 'audioinput')).toEqual({ status: 'default', deviceId: null });
    expect(resolveDeviceChoice({ id: 'default', label: 'Default' }, devices, 'audioinput')).toEqual({ status: 'default', deviceId: null });
  });

  it('trusts the saved id while the list is unknown, or hidden for lack of permission', () => {
    expect(resolveDeviceChoice({ id: 'mic-jabra', label: 'x' }, null, 'audioinput')).toEqual({ status: 'unverified', deviceId: 'mic-jabra' });
    const anonymous: AudioDevice[] = [{ id: '', label: '', kind: 'audioinput' }];
    expect(resolveDeviceChoice({ id: 'mic-jabra', label: 'x' }, anonymous, 'audioinput')).toEqual({ status: 'unverified', deviceId: 'mic-jabra' });
  });

  it('lists real devices without the system’s "default" stand-ins', () => {
    expect(devicesOfKind(devices, 'audioinput')).toEqual([headsetMic, laptopMic]);
  });
});

describe('telling the agent about a fallback', () => {
  it('names the disconnected device and what is used instead', () => {
    const audio = { microphone: { id: 'gone', label: 'Jabra Evolve2 65' }, speaker: null, ringer: { id: 'gone2', label: '' }, ringOnSpeakerToo: false };
    const resolved = resolveAudio(audio, [laptopMic]);
    expect(deviceFallbackText('microphone', resolved.microphone)).toBe("Jabra Evolve2 65 was disconnected — using the computer's microphone");
    expect(deviceFallbackText('ringer', resolved.ringer)).toBe("Your headset was disconnected — calls ring on the computer's speaker");
    expect(deviceFallbackText('speaker', resolved.speaker)).toBeNull();
  });

  it('explains a refused microphone with where to allow it', () => {
    expect(microphoneErrorText('NotAllowedError')).toBe(MICROPHONE_DENIED_TEXT);
    expect(MICROPHONE_DENIED_TEXT).toBe(
      'Ringdesk needs the microphone for calls. Allow it in System Settings → Privacy → Microphone, then restart Ringdesk.',
    );
    expect(microphoneErrorText('NotFoundError')).toMatch(/No microphone was found/);
    expect(microphoneErrorText('NotReadableError')).toMatch(/another app/);
  });
});
