// @vitest-environment happy-dom
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Ringer } from '../../../../../renderer/features/ringing/Ringer';
import { aCall, answered, aSnapshot, ended, somePreferences } from '../../../../fakes/app-snapshots';
import { createFakeAudioHardware, out } from '../../fake-audio-hardware';
import { renderWithStore } from '../../render-with-store';

const ringtone = () => screen.getByTestId<HTMLAudioElement>('ringtone');
const onSpeaker = () => screen.getByTestId<HTMLAudioElement>('ringtone-speaker');
const callWaiting = () => screen.getByTestId<HTMLAudioElement>('call-waiting-tone');

const HEADSET = out('out-headset', 'USB Headset');
const withRinger = (ringOnSpeakerToo = false) =>
  aSnapshot({ preferences: somePreferences({ audio: { ringer: { id: HEADSET.id, label: HEADSET.label }, ringOnSpeakerToo } }) });

async function renderRinger(snapshot = aSnapshot()) {
  const rendered = await renderWithStore(<Ringer />, { snapshot, audio: createFakeAudioHardware([HEADSET]) });
  await waitFor(() => expect(rendered.store.getState().devices.list).not.toBeNull());
  return rendered;
}

describe('ringing', () => {
  it('rings while a call comes in, and stops at once when it is answered', async () => {
    const { telephony } = await renderRinger();
    expect(ringtone().paused).toBe(true);
    act(() => telephony.pushCall(aCall()));
    await waitFor(() => expect(ringtone().paused).toBe(false));
    expect(ringtone().loop).toBe(true);

    act(() => telephony.pushCall(answered(aCall())));
    expect(ringtone().paused).toBe(true);
  });

  it('stops when the caller hangs up before it is answered', async () => {
    const { telephony } = await renderRinger();
    act(() => telephony.pushCall(aCall()));
    await waitFor(() => expect(ringtone().paused).toBe(false));
    act(() => telephony.pushCall(ended(aCall(), 'cancelled')));
    expect(ringtone().paused).toBe(true);
  });

  it('rings on the chosen ringer device', async () => {
    const { telephony } = await renderRinger(withRinger());
    act(() => telephony.pushCall(aCall()));
    await waitFor(() => expect(ringtone().paused).toBe(false));
    expect(ringtone().sinkId).toBe('out-headset');
    expect(onSpeaker().paused).toBe(true);
  });

  it('falls back to the default device and keeps ringing when the device cannot be used', async () => {
    const original = HTMLMediaElement.prototype.setSinkId;
    vi.spyOn(HTMLMediaElement.prototype, 'setSinkId').mockImplementation(function (this: HTMLMediaElement, id: string) {
      if (id) return Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
      return original.call(this, id);
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { telephony } = await renderRinger(withRinger());
    act(() => telephony.pushCall(aCall()));
    await waitFor(() => expect(ringtone().paused).toBe(false));
    expect(ringtone().sinkId).toBe('');
  });

  it('still rings where the audio device cannot be chosen at all', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'setSinkId').mockImplementation(() => {
      throw new TypeError('setSinkId is not a function');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { telephony } = await renderRinger(withRinger());
    act(() => telephony.pushCall(aCall()));
    await waitFor(() => expect(ringtone().paused).toBe(false));
  });

  it('also rings on the computer speaker when asked, for an agent with the headset off', async () => {
    const { telephony } = await renderRinger(withRinger(true));
    act(() => telephony.pushCall(aCall()));
    await waitFor(() => expect(onSpeaker().paused).toBe(false));
    expect(onSpeaker().sinkId).toBe('');
    expect(ringtone().sinkId).toBe('out-headset');
  });

  it('plays a soft call-waiting tone instead of ringing while the agent is on a call', async () => {
    const { telephony } = await renderRinger();
    act(() => telephony.pushCalls([answered(aCall({ id: 'talking' })), aCall({ id: 'waiting' })]));
    await waitFor(() => expect(callWaiting().paused).toBe(false));
    expect(ringtone().paused).toBe(true);
    expect(callWaiting().volume).toBeLessThan(1);

    act(() => telephony.pushCalls([answered(aCall({ id: 'talking' })), ended(aCall({ id: 'waiting' }), 'declined', 'local')]));
    expect(callWaiting().paused).toBe(true);
  });

  it('keeps the same audio elements whatever happens (nothing to leak)', async () => {
    const { telephony } = await renderRinger(withRinger(true));
    const before = document.querySelectorAll('audio').length;
    act(() => telephony.pushCall(aCall()));
    act(() => telephony.pushCall(answered(aCall())));
    expect(document.querySelectorAll('audio').length).toBe(before);
  });
});
