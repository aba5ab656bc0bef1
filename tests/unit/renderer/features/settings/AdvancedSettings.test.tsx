// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { SettingsView } from '../../../../../renderer/features/settings/SettingsView';
import { aSnapshot, somePreferences } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

describe('advanced settings', () => {
  it('keeps protocol names out of the everyday settings, folded under Advanced', async () => {
    await renderWithStore(<SettingsView />, { snapshot: aSnapshot() });
    const advanced = screen.getByText('Advanced').closest('details')!;
    expect(advanced.open).toBe(false);
    const everyday = [...document.querySelectorAll('.settings > :not(details)')].map((group) => group.textContent).join(' ');
    expect(everyday).toContain('Default country');
    expect(everyday).not.toMatch(/RFC|SIP INFO|RTP/);
    expect(advanced.textContent).toContain('RTP events (RFC 4733)');
  });

  it('sends keypad tones as SIP INFO when chosen', async () => {
    const { user, desktop } = await renderWithStore(<SettingsView />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.preferences.update, aSnapshot({ preferences: somePreferences({ dtmfMode: 'info' }) }));
    await user.click(screen.getByText('Advanced'));
    const dtmf = screen.getByLabelText<HTMLSelectElement>('Send keypad tones as');
    expect([...dtmf.options].map((o) => o.text)).toEqual(['RTP events (RFC 4733)', 'SIP INFO']);
    await user.selectOptions(dtmf, 'info');
    expect(desktop.callsTo(contract.preferences.update)).toEqual([{ dtmfMode: 'info' }]);
    expect(dtmf.value).toBe('info');
  });
});
