import { useEffect, useRef, type RefObject } from 'react';
import callWaitingUrl from '../../../assets/sounds/call-waiting.wav?url';
import ringtoneUrl from '../../../assets/sounds/ringtone.wav?url';
import { routeAudio } from '../../audio/route-audio';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDeviceId, selectPreferences, selectRingMode } from '../../store/selectors';

const selectRingerId = selectDeviceId('ringer');
const selectSpeakerId = selectDeviceId('speaker');
const selectRingOnSpeakerToo = (s: Parameters<typeof selectRingMode>[0]) => selectPreferences(s).audio.ringOnSpeakerToo;

/** Call waiting is quieter: it plays into the agent's ear during a conversation. */
const CALL_WAITING_VOLUME = 0.5;

/**
 * Rings while any call is ringing in, and stops the moment none is:
 *
 * - `ringtone` plays on the chosen ringer device;
 * - `ringtone-speaker` plays the same on the system default as well, when
 *   the agent asked to "Also ring on the computer speaker" (and the ringer
 *   is a different device), for an agent whose headset is off;
 * - while the agent is already on a call, neither rings: `call-waiting-tone`
 *   (two soft beeps every 3 s) plays on the call's speaker instead, where
 *   the agent is listening, rather than a full ring in their ear.
 *
 * The elements are always there (a constant count: nothing to leak); a
 * device that cannot be used falls back to the default and keeps ringing.
 * Main lets the window play sound without a user gesture, so a call rings
 * even in a window that was never clicked or is hidden.
 */
export function Ringer() {
  const mode = useRingdesk(selectRingMode);
  const ringerId = useRingdesk(selectRingerId);
  const speakerId = useRingdesk(selectSpeakerId);
  const alsoOnSpeaker = useRingdesk(selectRingOnSpeakerToo);
  const ringer = useRef<HTMLAudioElement>(null);
  const speaker = useRef<HTMLAudioElement>(null);
  const waiting = useRef<HTMLAudioElement>(null);

  useLoop(ringer, mode === 'ring', ringerId, 1);
  useLoop(speaker, mode === 'ring' && alsoOnSpeaker && ringerId !== null, null, 1);
  useLoop(waiting, mode === 'call-waiting', speakerId, CALL_WAITING_VOLUME);

  return (
    <div className="ringer" hidden>
      <audio ref={ringer} src={ringtoneUrl} loop preload="auto" data-testid="ringtone" />
      <audio ref={speaker} src={ringtoneUrl} loop preload="auto" data-testid="ringtone-speaker" />
      <audio ref={waiting} src={callWaitingUrl} loop preload="auto" data-testid="call-waiting-tone" />
    </div>
  );
}

/** Plays `element` in a loop on `deviceId` while `playing`; pauses and rewinds at once when not. */
function useLoop(element: RefObject<HTMLAudioElement | null>, playing: boolean, deviceId: string | null, volume: number) {
  useEffect(() => {
    const audio = element.current;
    if (!audio || !playing) return;
    return startLoop(audio, deviceId, volume);
  }, [element, playing, deviceId, volume]);
}

/** Starts the loop (after routing it to the device); returns the stop, which takes effect at once. */
function startLoop(audio: HTMLAudioElement, deviceId: string | null, volume: number): () => void {
  let stopped = false;
  audio.volume = volume;
  void routeAudio(audio, deviceId).then(async () => {
    if (stopped) return;
    try {
      await audio.play();
    } catch (error) {
      // Refused (no output at all, or stopped meanwhile): nothing the agent can fix here; the notification still shows.
      if (!stopped) console.warn(`Ringdesk: the ringtone could not play (${error instanceof Error ? error.name : 'unknown error'})`);
    }
  });
  return () => {
    stopped = true;
    audio.pause();
    audio.currentTime = 0;
  };
}
