// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { aCall, aSnapshot } from '../../../fakes/app-snapshots';
import { renderWithStore } from '../render-with-store';

describe('phone screen sections', () => {
  it('opens on Phone with the dialer, and switches to History and Settings', async () => {
    const { user } = await renderWithStore(<App />, { snapshot: aSnapshot() });
    expect(screen.getByRole('tab', { name: 'Phone' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByLabelText('Number or SIP address')).toBeDefined();

    await user.click(screen.getByRole('tab', { name: 'History' }));
    expect(screen.getByLabelText('Search calls')).toBeDefined();
    expect(screen.queryByLabelText('Number or SIP address')).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByLabelText('Default country')).toBeDefined();
    expect(screen.getByLabelText('Microphone')).toBeDefined();
  });

  it('moves between sections with the arrow keys', async () => {
    const { user } = await renderWithStore(<App />, { snapshot: aSnapshot() });
    screen.getByRole('tab', { name: 'Phone' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Settings' }).getAttribute('aria-selected')).toBe('true');
  });

  it('keeps a ringing call in view and answerable whatever section is open', async () => {
    const { user, telephony } = await renderWithStore(<App />, { snapshot: aSnapshot() });
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    act(() => telephony.pushCall(aCall()));
    expect(screen.getByTestId('call-state').textContent).toBe('Incoming call');
    // Focus is still on the Settings tab: Enter answers the call rather than pressing the tab.
    await user.keyboard('{Enter}');
    expect(telephony.operations).toEqual([{ op: 'answer', callId: 'call-in-1' }]);
  });

  it('Enter in the dial field with a number typed dials it rather than answering', async () => {
    const { user, telephony } = await renderWithStore(<App />, { snapshot: aSnapshot() });
    await user.type(screen.getByLabelText('Number or SIP address'), '1003');
    act(() => telephony.pushCall(aCall()));
    await user.keyboard('{Enter}');
    expect(telephony.operations.map((o) => o.op)).toEqual(['dial']);
  });

  it('keeps the call in view while the agent edits the account', async () => {
    const { user, telephony } = await renderWithStore(<App />, { snapshot: aSnapshot() });
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    await user.click(screen.getByRole('button', { name: 'Edit account' }));
    act(() => telephony.pushCall(aCall()));
    expect(screen.getByRole('button', { name: 'Answer' })).toBeDefined();
  });
});
