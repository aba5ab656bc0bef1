// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { AccountSetupForm } from '../../../../../renderer/features/setup/AccountSetupForm';
import { firstRunSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';
import { describedErrorOf, fillValidAccount } from './fill-account-form';


const renderFirstRun = () => renderWithStore(<AccountSetupForm account={null} />, { snapshot: firstRunSnapshot() });
const save = () => screen.getByRole('button', { name: 'Save and connect' });

describe('first-run account setup: checking what the agent typed', () => {
  it('starts with an empty server address that shows an example as placeholder', async () => {
    await renderFirstRun();
    const ws = screen.getByLabelText<HTMLInputElement>('Server address');
    expect(ws.value).toBe('');
    expect(ws.placeholder).toBe('wss://pbx.example.com:8089/ws');
  });

  it('marks every missing field on "Save and connect" and sends nothing to main', async () => {
    const { user, desktop } = await renderFirstRun();
    await user.click(save());

    const name = screen.getByLabelText('Display name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(describedErrorOf(name)).toBe('Enter the name callers should see');
    expect(describedErrorOf(screen.getByLabelText('SIP user or address'))).toMatch(/^Enter your SIP user or address/);
    expect(describedErrorOf(screen.getByLabelText('Password'))).toBe('Enter your SIP password');
    expect(describedErrorOf(screen.getByLabelText('Server address'))).toBe("Enter your phone server's address; it starts with wss://");
    expect(document.activeElement).toBe(name);
    expect(desktop.callsTo(contract.account.save)).toEqual([]);
  });

  it('shows a field error only once the agent has left that field', async () => {
    const { user } = await renderFirstRun();
    const sipUser = screen.getByLabelText('SIP user or address');
    await user.type(sipUser, 'not a user@');
    expect(describedErrorOf(sipUser)).toBeNull();
    await user.tab();
    expect(describedErrorOf(sipUser)).toMatch(/This is not a SIP user or address/);
  });

  it('does not scold the focused first field when the agent clicks elsewhere before typing', async () => {
    const { user } = await renderFirstRun();
    const name = screen.getByLabelText('Display name');
    expect(document.activeElement).toBe(name);
    await user.click(screen.getByLabelText('Password'));
    expect(describedErrorOf(name)).toBeNull();
    await user.click(save());
    expect(describedErrorOf(name)).toBe('Enter the name callers should see');
  });

  it('asks for the domain when the SIP user has none', async () => {
    const { user } = await renderFirstRun();
    await user.type(screen.getByLabelText('SIP user or address'), '1001');
    await user.click(save());
    expect(describedErrorOf(screen.getByLabelText('Domain'))).toBe('Enter the domain, or write the SIP user as user@domain');
  });

  it('refuses unencrypted ws:// to another computer and says why', async () => {
    const { user, desktop } = await renderFirstRun();
    await fillValidAccount(user, { wsServer: 'ws://pbx.example.com:8088/ws' });
    await user.click(save());
    expect(describedErrorOf(screen.getByLabelText('Server address'))).toBe(
      'Unencrypted ws:// is only allowed for a server on this computer; use wss://',
    );
    expect(desktop.callsTo(contract.account.save)).toEqual([]);
  });

  it('accepts ws:// to a server on this computer', async () => {
    const { user, desktop } = await renderFirstRun();
    await fillValidAccount(user, { wsServer: 'ws://127.0.0.1:5066/ws' });
    await user.click(save());
    expect(desktop.callsTo(contract.account.save)).toHaveLength(1);
  });

  it('sends exactly what was typed, with the password', async () => {
    const { user, desktop } = await renderFirstRun();
    await fillValidAccount(user);
    await user.click(save());
    expect(desktop.callsTo(contract.account.save)).toEqual([
      {
        fields: {
          displayName: 'Alice Agent',
          sipUser: '1001@pbx.example.com',
          domain: '',
          authUser: '',
          realm: '',
          wsServer: 'wss://pbx.example.com:8089/ws',
          iceServers: [],
        },
        password: 's3cret!',
      },
    ]);
  });
});

describe("first-run account setup: main's answer", () => {
  it("shows main's field error under that field and keeps everything typed", async () => {
    const { user, desktop } = await renderFirstRun();
    desktop.answerError(contract.account.save, {
      code: 'invalid-input',
      fields: { 'fields.sipUser': 'sip-user-invalid' },
    });
    await fillValidAccount(user);
    await user.click(save());

    const sipUser = screen.getByLabelText<HTMLInputElement>('SIP user or address');
    expect(describedErrorOf(sipUser)).toBe('This is not a SIP user or address (e.g. 1001 or sip:1001@pbx.example.com)');
    expect(sipUser.value).toBe('1001@pbx.example.com');
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe('s3cret!');
    expect(screen.getByLabelText<HTMLInputElement>('Display name').value).toBe('Alice Agent');
    expect(document.activeElement).toBe(sipUser);

    await user.type(sipUser, 'x');
    expect(describedErrorOf(sipUser)).toBeNull();
  });

  it('shows a refusal that names no field above the form, keeping the input', async () => {
    const { user, desktop } = await renderFirstRun();
    desktop.answerError(contract.account.save, { code: 'failed', problem: 'internal' });
    await fillValidAccount(user);
    await user.click(save());
    expect(screen.getByRole('alert').textContent).toBe('Something went wrong in Ringdesk. Please try again.');
    expect(screen.getByLabelText<HTMLInputElement>('Server address').value).toBe('wss://pbx.example.com:8089/ws');
  });

  it('keeps the input when Ringdesk cannot reach its background process', async () => {
    const { user, desktop } = await renderFirstRun();
    desktop.answer(contract.account.save, () => {
      throw new Error('ipc gone');
    });
    await fillValidAccount(user);
    await user.click(save());
    expect(screen.getByRole('alert').textContent).toMatch(/could not reach its background process/);
    expect(screen.getByLabelText<HTMLInputElement>('Display name').value).toBe('Alice Agent');
  });
});
