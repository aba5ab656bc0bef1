// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { CallPreferences } from '../../../../../renderer/features/settings/CallPreferences';
import { aSnapshot, somePreferences } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('call preferences', () => {
  it('follows the computer’s country until one is chosen, and can go back to following it', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['en-GB', 'en']);
    const { user, desktop } = await renderWithStore(<CallPreferences />, { snapshot: aSnapshot({ preferences: somePreferences({ defaultCountry: 'DE' }) }) });
    desktop.answerOk(contract.preferences.update, aSnapshot({ preferences: somePreferences({ defaultCountry: null }) }));
    const country = screen.getByLabelText<HTMLSelectElement>('Default country');
    expect(country.value).toBe('DE');
    expect(country.options[0]!.text).toBe('United Kingdom (from your computer)');
    await user.selectOptions(country, 'United Kingdom (from your computer)');
    expect(desktop.callsTo(contract.preferences.update)).toEqual([{ defaultCountry: null }]);
    expect(country.value).toBe('');
  });

  it('changes the default country through main', async () => {
    const { user, desktop } = await renderWithStore(<CallPreferences />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.preferences.update, aSnapshot({ preferences: somePreferences({ defaultCountry: 'DE' }) }));
    const country = screen.getByLabelText<HTMLSelectElement>('Default country');
    expect(country.value).toBe(''); // following the computer
    await user.selectOptions(country, 'Germany (+49)');
    expect(desktop.callsTo(contract.preferences.update)).toEqual([{ defaultCountry: 'DE' }]);
    expect(country.value).toBe('DE');
  });

  it('turns notifications and bringing the window forward on and off', async () => {
    const { user, desktop } = await renderWithStore(<CallPreferences />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.preferences.update, aSnapshot());
    await user.click(screen.getByLabelText('Bring the window forward for incoming calls'));
    await user.click(screen.getByLabelText('Notify me of incoming calls'));
    await user.click(screen.getByLabelText('Notify me of missed calls'));
    expect(desktop.callsTo(contract.preferences.update)).toEqual([
      { bringWindowForward: false },
      { notifications: { incomingCall: false, missedCall: true } },
      { notifications: { incomingCall: true, missedCall: false } },
    ]);
  });

  it('keeps showing main’s value, with a notice, when a change is refused', async () => {
    const { user, desktop, store } = await renderWithStore(<CallPreferences />, { snapshot: aSnapshot() });
    desktop.answerError(contract.preferences.update, { code: 'failed', problem: 'internal' });
    await user.click(screen.getByLabelText('Notify me of missed calls'));
    expect(screen.getByLabelText<HTMLInputElement>('Notify me of missed calls').checked).toBe(true);
    expect(store.getState().ui.localNotices.map((n) => n.message)).toEqual(['Something went wrong in Ringdesk. Please try again.']);
  });
});
