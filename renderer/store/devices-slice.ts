import type { StateCreator } from 'zustand/vanilla';
import { errorName } from '../audio/audio-hardware';
import { microphoneErrorText } from '../domain/audio-devices';
import { selectDeviceId, selectMediaOptions, selectPreferences } from './selectors';
import type { DevicesSlice, RingdeskDeps, RingdeskState } from './types';

/**
 * The audio devices present and the agent's choices among them. The
 * choices live in main's preferences; which device each means right now
 * (after a headset was unplugged, say) is derived, never stored, so
 * plugging it back in switches back by itself. The engine's media options
 * follow whatever that derivation gives.
 */
export function createDevicesSlice({ audio, telephony }: RingdeskDeps): StateCreator<RingdeskState, [], [], DevicesSlice> {
  return (set, get, store) => ({
    devices: { list: null },

    refreshDevices: async () => {
      try {
        const list = await audio.listDevices();
        set({ devices: { list } });
      } catch (error) {
        // Listing failed: keep what we had; saved ids are still tried as they are.
        console.warn(`Ringdesk: could not list audio devices (${errorName(error)})`);
      }
    },

    followDevices: () => {
      const stopPlug = audio.onDevicesChanged(() => void get().refreshDevices());
      void get().refreshDevices();

      let applied = '';
      const applyMedia = (state: RingdeskState) => {
        const options = selectMediaOptions(state);
        const key = JSON.stringify(options);
        if (!options || key === applied) return;
        applied = key;
        telephony.configureMedia(options);
      };
      applyMedia(get());
      const stopMedia = store.subscribe(applyMedia);
      return () => {
        stopPlug();
        stopMedia();
      };
    },

    chooseDevice: async (role, device) => {
      const current = selectPreferences(get()).audio;
      await get().updatePreferences({ audio: { ...current, [role]: device ? { id: device.id, label: device.label } : null } });
    },

    openMicrophone: async () => {
      try {
        const meter = await audio.openMicrophone(selectDeviceId('microphone')(get()));
        // With permission granted, the list now has labels (and real ids) to show.
        void get().refreshDevices();
        return { ok: true, meter };
      } catch (error) {
        return { ok: false, message: microphoneErrorText(errorName(error)) };
      }
    },

    playTestSound: async (role) => {
      try {
        await audio.playTestSound(selectDeviceId(role)(get()));
        return { ok: true };
      } catch (error) {
        console.warn(`Ringdesk: the test sound did not play (${errorName(error)})`);
        return { ok: false, message: 'The test sound could not be played on this device. Choose another one, or check that it is switched on.' };
      }
    },
  });
}
