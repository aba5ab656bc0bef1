import { describe, expect, it, vi } from 'vitest';
import { SharedMicrophone } from '../../../../renderer/telephony/microphone-source';

/* No real devices: getUserMedia and tracks are small fakes that count what happens to them. */

class FakeTrack {
  readyState: 'live' | 'ended' = 'live';
  enabled = true;
  readonly clones: FakeTrack[] = [];
  constructor(readonly kind: 'audio' | 'video', readonly device: string) {}
  stop(): void {
    this.readyState = 'ended';
  }
  clone(): FakeTrack {
    const copy = new FakeTrack(this.kind, this.device);
    this.clones.push(copy);
    return copy;
  }
}

function fakeDevices(available = ['default', 'headset']) {
  const opened: FakeTrack[] = [];
  const getUserMedia = vi.fn(async (constraints: MediaStreamConstraints) => {
    const audio = constraints.audio;
    const exact = typeof audio === 'object' ? ((audio.deviceId as { exact: string } | undefined)?.exact ?? 'default') : 'default';
    if (!available.includes(exact)) throw Object.assign(new Error('gone'), { name: 'OverconstrainedError' });
    const track = new FakeTrack('audio', exact);
    opened.push(track);
    return { getAudioTracks: () => [track], getVideoTracks: () => [] } as unknown as MediaStream;
  });
  return { getUserMedia, opened };
}

describe('the shared microphone', () => {
  it('opens once when a call starts, gives each call its own clone, and closes when the last call ends', async () => {
    const devices = fakeDevices();
    const mic = new SharedMicrophone(devices.getUserMedia);
    mic.retain('a');
    mic.retain('b');
    const [first, second] = await Promise.all([mic.track(), mic.track()]);
    expect(devices.getUserMedia).toHaveBeenCalledTimes(1);
    expect(first).not.toBe(second);
    const source = devices.opened[0]!;

    mic.release('a');
    await Promise.resolve();
    expect(source.readyState).toBe('live');
    mic.release('b');
    await Promise.resolve();
    expect(source.readyState).toBe('ended');
  });

  it('is not opened by anything but a call', () => {
    const devices = fakeDevices();
    new SharedMicrophone(devices.getUserMedia);
    expect(devices.getUserMedia).not.toHaveBeenCalled();
  });

  it('asks for the chosen device, and falls back to the default one when it is gone', async () => {
    const devices = fakeDevices(['default']);
    const logs: string[] = [];
    const mic = new SharedMicrophone(devices.getUserMedia, (line) => logs.push(line));
    mic.setDevice('headset');
    const track = (await mic.track()) as unknown as FakeTrack;
    expect(devices.getUserMedia.mock.calls[0]![0]).toEqual({ audio: { deviceId: { exact: 'headset' } }, video: false });
    expect(track.device).toBe('default');
    expect(logs[0]).toContain('headset');
  });

  it('switching device while calls run opens the new one and closes the old source', async () => {
    const devices = fakeDevices();
    const mic = new SharedMicrophone(devices.getUserMedia);
    mic.retain('a');
    await mic.track();
    expect(mic.setDevice('headset')).toBe(true);
    expect(mic.setDevice('headset')).toBe(false);
    const next = (await mic.track()) as unknown as FakeTrack;
    expect(next.device).toBe('headset');
    expect(devices.opened[0]!.readyState).toBe('ended');
  });

  it('a refused microphone rejects the call’s track, and the next call asks again', async () => {
    const getUserMedia = vi.fn().mockRejectedValueOnce(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    const devices = fakeDevices();
    getUserMedia.mockImplementation(devices.getUserMedia);
    const mic = new SharedMicrophone(getUserMedia);
    mic.retain('a');
    await expect(mic.track()).rejects.toThrow('denied');
    await expect(mic.track()).resolves.toBeDefined();
  });
});
