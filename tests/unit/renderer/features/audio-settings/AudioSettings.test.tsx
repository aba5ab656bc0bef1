// @vitest-environment happy-dom
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { AudioSettings } from '../../../../../renderer/features/audio-settings/AudioSettings';
import { DeviceFallbackNotices } from '../../../../../renderer/features/audio-settings/DeviceFallbackNotices';
import { aSnapshot, somePreferences } from '../../../../fakes/app-snapshots';
import { createFakeAudioHardware, mic, out } from '../../fake-audio-hardware';
import { renderWithStore } from '../../render-with-store';

afterEach(() => {
  vi.useRealTimers();
});

const JABRA_MIC = mic('mic-jabra', 'Jabra Evolve2 65');
const LAPTOP_MIC = mic('mic-laptop', 'Built-in Microphone');
const JABRA_OUT = out('out-jabra', 'Jabra Evolve2 65');
const SPEAKERS = out('out-speakers', 'Built-in Speakers');
const ALL = [JABRA_MIC, LAPTOP_MIC, JABRA_OUT, SPEAKERS];

const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const optionTexts = (label: string) => [...select(label).options].map((o) => o.text);

describe('audio settings', () => {
  it('lists microphones, speakers and ringers from the system', async () => {
    await renderWithStore(<AudioSettings />, { snapshot: aSnapshot(), audio: createFakeAudioHardware(ALL) });
    await waitFor(() => expect(optionTexts('Microphone')).toEqual(['System default', 'Jabra Evolve2 65', 'Built-in Microphone']));
    expect(optionTexts('Speaker')).toEqual(['System default', 'Jabra Evolve2 65', 'Built-in Speakers']);
    expect(optionTexts('Ringer')).toEqual(['System default', 'Jabra Evolve2 65', 'Built-in Speakers']);
  });

  it('remembers a choice by id and label in the preferences', async () => {
    const { user, desktop } = await renderWithStore(<AudioSettings />, { snapshot: aSnapshot(), audio: createFakeAudioHardware(ALL) });
    const chosen = aSnapshot({ preferences: somePreferences({ audio: { ringer: { id: 'out-jabra', label: 'Jabra Evolve2 65' } } }) });
    desktop.answerOk(contract.preferences.update, chosen);
    await waitFor(() => expect(optionTexts('Ringer')).toContain('Jabra Evolve2 65'));
    await user.selectOptions(select('Ringer'), 'Jabra Evolve2 65');
    expect(desktop.callsTo(contract.preferences.update)).toEqual([
      { audio: { microphone: null, speaker: null, ringer: { id: 'out-jabra', label: 'Jabra Evolve2 65' }, ringOnSpeakerToo: false } },
    ]);
    expect(select('Ringer').value).toBe('out-jabra');
  });

  it('finds a saved device again by its label when its id changed', async () => {
    const saved = aSnapshot({ preferences: somePreferences({ audio: { microphone: { id: 'stale-id', label: 'Jabra Evolve2 65' } } }) });
    await renderWithStore(<AudioSettings />, { snapshot: saved, audio: createFakeAudioHardware(ALL) });
    await waitFor(() => expect(select('Microphone').value).toBe('mic-jabra'));
  });

  it('turns "Also ring on the computer speaker" on through main', async () => {
    const { user, desktop } = await renderWithStore(<AudioSettings />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.preferences.update, aSnapshot({ preferences: somePreferences({ audio: { ringOnSpeakerToo: true } }) }));
    await user.click(screen.getByLabelText('Also ring on the computer speaker'));
    expect(desktop.callsTo(contract.preferences.update)).toEqual([{ audio: { microphone: null, speaker: null, ringer: null, ringOnSpeakerToo: true } }]);
    expect(screen.getByLabelText<HTMLInputElement>('Also ring on the computer speaker').checked).toBe(true);
  });

  it('shows the microphone level while open, and closes the microphone when the settings close', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const audio = createFakeAudioHardware(ALL);
    audio.level = 0.25;
    const { unmount } = await renderWithStore(<AudioSettings />, { snapshot: aSnapshot(), audio });
    await waitFor(() => expect(audio.openMicrophones).toBe(1));
    act(() => vi.advanceTimersByTime(100));
    const meter = screen.getByRole('meter', { name: 'Microphone level' }) as HTMLMeterElement;
    expect(meter.value).toBe(0.25);
    audio.level = 0.75;
    act(() => vi.advanceTimersByTime(100));
    expect(meter.value).toBe(0.75);

    unmount();
    expect(audio.openMicrophones).toBe(0);
  });

  it('says how to allow the microphone when it is refused', async () => {
    const audio = createFakeAudioHardware(ALL);
    audio.refuseMicrophone('NotAllowedError');
    await renderWithStore(<AudioSettings />, { snapshot: aSnapshot(), audio });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Ringdesk needs the microphone for calls. Allow it in System Settings → Privacy → Microphone, then restart Ringdesk.',
    );
  });

  it('plays a test sound on the chosen speaker and ringer', async () => {
    const audio = createFakeAudioHardware(ALL);
    const saved = aSnapshot({ preferences: somePreferences({ audio: { ringer: { id: 'out-jabra', label: 'Jabra Evolve2 65' } } }) });
    const { user } = await renderWithStore(<AudioSettings />, { snapshot: saved, audio });
    await waitFor(() => expect(select('Ringer').value).toBe('out-jabra'));
    await user.click(screen.getByRole('button', { name: 'Test speaker' }));
    await user.click(screen.getByRole('button', { name: 'Test ringer' }));
    expect(audio.testSounds).toEqual([null, 'out-jabra']);
  });

  it('says when the test sound cannot play', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const audio = createFakeAudioHardware(ALL);
    audio.failTestSound(true);
    const { user } = await renderWithStore(<AudioSettings />, { snapshot: aSnapshot(), audio });
    await user.click(screen.getByRole('button', { name: 'Test speaker' }));
    expect((await screen.findByText(/The test sound could not be played/)).getAttribute('role')).toBe('alert');
  });
});

describe('unplugging a headset', () => {
  it('falls back to the computer’s microphone, says so, and switches back when it returns', async () => {
    const audio = createFakeAudioHardware(ALL);
    const saved = aSnapshot({ preferences: somePreferences({ audio: { microphone: { id: 'mic-jabra', label: 'Jabra Evolve2 65' } } }) });
    const { telephony } = await renderWithStore(
      <>
        <DeviceFallbackNotices />
        <AudioSettings />
      </>,
      { snapshot: saved, audio },
    );
    await waitFor(() => expect(telephony.media.at(-1)?.microphoneId).toBe('mic-jabra'));

    await act(async () => audio.plug([LAPTOP_MIC, SPEAKERS]));
    expect(await screen.findByText("Jabra Evolve2 65 was disconnected — using the computer's microphone")).toBeDefined();
    expect(telephony.media.at(-1)?.microphoneId).toBeNull();
    expect(optionTexts('Microphone')).toContain('Jabra Evolve2 65 (not connected)');

    await act(async () => audio.plug(ALL));
    await waitFor(() => expect(screen.queryByText(/was disconnected/)).toBeNull());
    expect(telephony.media.at(-1)?.microphoneId).toBe('mic-jabra');
  });
});
