import { describe, expect, it } from 'vitest';
import { contract } from '../../../../preload/contract';
import { createRingdeskStore } from '../../../../renderer/store/ringdesk-store';
import { selectDeviceFallbackNotices } from '../../../../renderer/store/selectors';
import { aSnapshot, somePreferences } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';
import { createFakeAudioHardware, mic, out } from '../fake-audio-hardware';
import { withRelay } from '../with-relay';

const JABRA_MIC = mic('mic-jabra', 'Jabra Evolve2 65');
const JABRA_OUT = out('out-jabra', 'Jabra Evolve2 65');
const LAPTOP_MIC = mic('mic-laptop', 'Built-in Microphone');

const chosen = somePreferences({
  dtmfMode: 'info',
  audio: { microphone: { id: 'mic-jabra', label: 'Jabra Evolve2 65' }, speaker: { id: 'old-id', label: 'Jabra Evolve2 65' } },
});

async function storeWithDevices(devices = [JABRA_MIC, JABRA_OUT, LAPTOP_MIC]) {
  const desktop = createFakeRingdeskApi();
  const telephony = createFakeTelephony();
  const audio = createFakeAudioHardware(devices);
  desktop.answerOk(contract.app.getSnapshot, aSnapshot({ preferences: chosen }));
  const store = createRingdeskStore({ desktop: desktop.api, ...withRelay(desktop.api, telephony), audio });
  await store.getState().load();
  store.getState().followDevices();
  await store.getState().refreshDevices();
  return { desktop, telephony, audio, store, state: () => store.getState() };
}

describe('audio devices', () => {
  it('gives the engine the chosen microphone and speaker (found by label when the id changed) and the DTMF mode', async () => {
    const { telephony } = await storeWithDevices();
    expect(telephony.media.at(-1)).toEqual({ microphoneId: 'mic-jabra', speakerId: 'out-jabra', dtmfMode: 'info' });
  });

  it('falls back to the default when the headset is unplugged, says so, and switches back when it returns', async () => {
    const { telephony, audio, state } = await storeWithDevices();
    audio.plug([LAPTOP_MIC]);
    await state().refreshDevices();
    expect(telephony.media.at(-1)).toEqual({ microphoneId: null, speakerId: null, dtmfMode: 'info' });
    expect(selectDeviceFallbackNotices(state())).toEqual([
      "Jabra Evolve2 65 was disconnected — using the computer's microphone",
      "Jabra Evolve2 65 was disconnected — calls play on the computer's speaker",
    ]);

    audio.plug([JABRA_MIC, JABRA_OUT, LAPTOP_MIC]);
    await state().refreshDevices();
    expect(telephony.media.at(-1)).toEqual({ microphoneId: 'mic-jabra', speakerId: 'out-jabra', dtmfMode: 'info' });
    expect(selectDeviceFallbackNotices(state())).toEqual([]);
  });

  it('tells the engine only when something changed', async () => {
    const { telephony, state } = await storeWithDevices();
    const before = telephony.media.length;
    await state().refreshDevices();
    state().reportProblem('unrelated');
    expect(telephony.media.length).toBe(before);
  });

  it('remembers a chosen device by id and label in main’s preferences', async () => {
    const { desktop, state } = await storeWithDevices();
    desktop.answerOk(contract.preferences.update, aSnapshot());
    await state().chooseDevice('ringer', JABRA_OUT);
    expect(desktop.callsTo(contract.preferences.update)).toEqual([{ audio: { ...chosen.audio, ringer: { id: 'out-jabra', label: 'Jabra Evolve2 65' } } }]);
  });

  it('explains a refused microphone in words the agent can act on', async () => {
    const { audio, state } = await storeWithDevices();
    audio.refuseMicrophone('NotAllowedError');
    expect(await state().openMicrophone()).toEqual({
      ok: false,
      message: 'Ringdesk needs the microphone for calls. Allow it in System Settings → Privacy → Microphone, then restart Ringdesk.',
    });
  });
});
