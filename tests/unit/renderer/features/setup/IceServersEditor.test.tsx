// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { AccountSetupForm } from '../../../../../renderer/features/setup/AccountSetupForm';
import { firstRunSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';
import { describedErrorOf, fillValidAccount } from './fill-account-form';

/** A first-run form with its Advanced section (where the ICE servers are) opened. */
async function renderWithAdvancedOpen() {
  const view = await renderWithStore(<AccountSetupForm account={null} />, { snapshot: firstRunSnapshot() });
  await view.user.click(screen.getByRole('button', { name: 'Advanced' }));
  return view;
}


describe('ICE servers on the setup form', () => {
  it('adds a TURN server with its username and credential to the saved account', async () => {
    const { user, desktop } = await renderWithAdvancedOpen();
    await fillValidAccount(user);
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    const row = screen.getByRole('group', { name: 'ICE server 1' });
    expect(document.activeElement).toBe(within(row).getByLabelText('STUN/TURN address'));
    await user.type(within(row).getByLabelText('STUN/TURN address'), 'turn:turn.example.com:3478');
    await user.type(within(row).getByLabelText('Username'), 'agent');
    await user.type(within(row).getByLabelText('Credential'), 'turnpass');
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));

    expect(desktop.callsTo(contract.account.save)[0]?.fields.iceServers).toEqual([
      { urls: 'turn:turn.example.com:3478', username: 'agent', credential: 'turnpass' },
    ]);
  });

  it('explains what a STUN/TURN address looks like when one is mistyped', async () => {
    const { user } = await renderWithAdvancedOpen();
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    const address = screen.getByLabelText('STUN/TURN address');
    await user.type(address, 'turn.example.com');
    await user.tab();
    expect(describedErrorOf(address)).toBe('Use a stun:, turn: or turns: address, e.g. stun:stun.example.com:3478');
  });

  it('removes a server the agent no longer wants', async () => {
    const { user } = await renderWithAdvancedOpen();
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    await user.click(screen.getByRole('button', { name: 'Add ICE server' }));
    await user.click(screen.getByRole('button', { name: 'Remove ICE server 1' }));
    expect(screen.getAllByRole('group', { name: /^ICE server \d/ })).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add ICE server' }));
  });
});
