// Generates Ringdesk's sounds as PCM WAV files: `node assets/sounds/generate-sounds.mjs`.
//
// Plain Node and Buffers (no audio library, no compression): each sound is a
// list of tone bursts; every burst fades in and out over a few milliseconds so
// there are no clicks, and each file ends in silence at a zero sample so it
// loops seamlessly. The outputs are committed; re-run only when a sound changes.
// The renderer imports them with Vite's `?url`, so they ship inside the bundle.
//
//   ringtone.wav       2.0 s  the double ring ("ring-ring, pause"), looped while a call rings in
//   call-waiting.wav   3.0 s  two soft beeps, looped while a second call rings during a call
//   test-tone.wav      0.8 s  a short two-note chime for "Test speaker" / "Test ringer"

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** 16 kHz mono 16-bit: plenty for tones, and a 2 s ring stays at 64 KB. */
const SAMPLE_RATE = 16_000;
const FADE_SECONDS = 0.01;

/**
 * @typedef {{ at: number, duration: number, frequencies: number[], gain: number }} Burst
 * `at` and `duration` in seconds; the frequencies are mixed at equal level.
 */

/**
 * @param {number} seconds total length (the rest is silence)
 * @param {Burst[]} bursts
 * @returns {Int16Array}
 */
function render(seconds, bursts) {
  const samples = new Int16Array(Math.round(seconds * SAMPLE_RATE));
  for (const burst of bursts) {
    const start = Math.round(burst.at * SAMPLE_RATE);
    const length = Math.round(burst.duration * SAMPLE_RATE);
    const fade = Math.round(FADE_SECONDS * SAMPLE_RATE);
    for (let i = 0; i < length && start + i < samples.length; i++) {
      const t = i / SAMPLE_RATE;
      const envelope = Math.min(1, i / fade, (length - 1 - i) / fade);
      let mix = 0;
      for (const f of burst.frequencies) mix += Math.sin(2 * Math.PI * f * t);
      const value = (mix / burst.frequencies.length) * burst.gain * envelope;
      samples[start + i] = Math.max(-32767, Math.min(32767, Math.round(value * 32767)));
    }
  }
  return samples;
}

/**
 * RIFF/WAVE, PCM, mono, 16 bit little-endian.
 * @param {Int16Array} samples
 */
function wav(samples) {
  const dataBytes = samples.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16); // fmt chunk size
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(SAMPLE_RATE, 24);
  buffer.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  buffer.writeUInt16LE(2, 32); // block align
  buffer.writeUInt16LE(16, 34); // bits per sample
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) buffer.writeInt16LE(samples[i], 44 + i * 2);
  return buffer;
}

// The UK-style double ring (400 + 450 Hz): 0.4 on, 0.2 off, 0.4 on, 1.0 off.
// Distinct from the single US ringback an agent hears when *they* call out.
const RING = [400, 450];
const sounds = {
  'ringtone.wav': render(2.0, [
    { at: 0, duration: 0.4, frequencies: RING, gain: 0.7 },
    { at: 0.6, duration: 0.4, frequencies: RING, gain: 0.7 },
  ]),
  // Quiet, short and sparse: it plays into the agent's ear during a conversation.
  'call-waiting.wav': render(3.0, [
    { at: 0, duration: 0.2, frequencies: [440], gain: 0.35 },
    { at: 0.35, duration: 0.2, frequencies: [440], gain: 0.35 },
  ]),
  'test-tone.wav': render(0.8, [
    { at: 0, duration: 0.3, frequencies: [660], gain: 0.6 },
    { at: 0.35, duration: 0.4, frequencies: [880], gain: 0.6 },
  ]),
};

for (const [name, samples] of Object.entries(sounds)) {
  const file = path.join(HERE, name);
  const bytes = wav(samples);
  writeFileSync(file, bytes);
  console.log(`${path.relative(process.cwd(), file)}  ${(bytes.length / 1024).toFixed(1)} KB`);
}
