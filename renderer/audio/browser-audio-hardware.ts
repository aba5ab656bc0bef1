import testToneUrl from '../../assets/sounds/test-tone.wav?url';
import type { AudioDevice } from '../domain/audio-devices';
import type { AudioHardware, MicrophoneLevel } from './audio-hardware';
import { routeAudio } from './route-audio';

/**
 * AudioHardware over the browser's media APIs. Every call copes with their
 * absence (a test DOM, a stripped-down engine): no devices, no meter.
 */
export function createBrowserAudioHardware(media: MediaDevices | undefined = globalThis.navigator?.mediaDevices): AudioHardware {
  return {
    async listDevices() {
      if (!media?.enumerateDevices) return [];
      const all = await media.enumerateDevices();
      return all
        .filter((d): d is MediaDeviceInfo & { kind: AudioDevice['kind'] } => d.kind === 'audioinput' || d.kind === 'audiooutput')
        .map((d) => ({ id: d.deviceId, label: d.label, kind: d.kind }));
    },
    onDevicesChanged(listener) {
      if (!media?.addEventListener) return () => {};
      media.addEventListener('devicechange', listener);
      return () => media.removeEventListener('devicechange', listener);
    },
    async openMicrophone(deviceId) {
      if (!media?.getUserMedia) throw Object.assign(new Error('No media devices'), { name: 'NotFoundError' });
      const stream = await media.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true, video: false });
      return meterFor(stream);
    },
    async playTestSound(deviceId) {
      const audio = new Audio(testToneUrl);
      await routeAudio(audio, deviceId);
      await audio.play();
    },
  };
}

/** An AnalyserNode on the stream; loudness as RMS mapped from -60…0 dBFS onto 0…1. */
function meterFor(stream: MediaStream): MicrophoneLevel {
  const stopTracks = () => stream.getTracks().forEach((t) => t.stop());
  let context: AudioContext;
  try {
    context = new AudioContext();
  } catch {
    // No WebAudio: the microphone works, the meter just stays at zero.
    return { level: () => 0, close: stopTracks };
  }
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  const source = context.createMediaStreamSource(stream);
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let closed = false;
  return {
    level() {
      if (closed) return 0;
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      const db = 20 * Math.log10(Math.max(rms, 1e-8));
      return Math.min(1, Math.max(0, (db + 60) / 60));
    },
    close() {
      if (closed) return;
      closed = true;
      source.disconnect();
      stopTracks();
      void context.close().catch(() => {});
    },
  };
}
