// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { aSnapshot, anAccount } from '../../../../fakes/app-snapshots';
import { openAccountEditor as openEditor } from './fill-account-form';


const withTurnServer = () =>
  aSnapshot({
    account: anAccount({
      fields: {
        ...anAccount().fields,
        iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'agent', hasCredential: true }],
      } as ReturnType<typeof anAccount>['fields'],
    }),
  });

describe('editing a saved account', () => {
  it('prefills the saved fields and leaves the password blank, saying blank keeps it', async () => {
    await openEditor();
    expect(screen.getByRole('heading', { name: 'Edit account' })).toBeDefined();
    expect(screen.getByLabelText<HTMLInputElement>('Display name').value).toBe('Alice Agent');
    expect(screen.getByLabelText<HTMLInputElement>('Domain').value).toBe('pbx.example.com');
    expect(screen.getByLabelText<HTMLInputElement>('Server address').value).toBe('wss://pbx.example.com:8089/ws');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('');
    expect(screen.getByText('Leave blank to keep the saved password')).toBeDefined();
  });

  it('saves without a password when the agent left it blank, then shows the phone again', async () => {
    const { user, desktop } = await openEditor();
    desktop.answerOk(contract.account.save, aSnapshot({ account: anAccount({ displayName: 'Alice A.' }) }));
    const name = screen.getByLabelText('Display name');
    await user.clear(name);
    await user.type(name, 'Alice A.');
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));

    const sent = desktop.callsTo(contract.account.save)[0];
    expect(sent?.fields.displayName).toBe('Alice A.');
    expect(sent && 'password' in sent).toBe(false);
    expect(await screen.findByRole('heading', { name: 'Alice A.' })).toBeDefined();
  });

  it('keeps a saved TURN credential unless a new one is typed', async () => {
    const { user, desktop } = await openEditor(withTurnServer());
    const row = screen.getByRole('group', { name: 'ICE server 1' });
    expect(within(row).getByLabelText<HTMLInputElement>('Username').value).toBe('agent');
    expect(within(row).getByText('Leave blank to keep the saved credential')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect(desktop.callsTo(contract.account.save)[0]?.fields.iceServers).toEqual([{ urls: 'turn:turn.example.com:3478', username: 'agent' }]);
  });

  it('goes back to the phone without saving on Cancel', async () => {
    const { user, desktop } = await openEditor();
    await user.type(screen.getByLabelText('Display name'), ' changed');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('registration-status').textContent).toBe('Connected');
    expect(desktop.callsTo(contract.account.save)).toEqual([]);
  });
});
