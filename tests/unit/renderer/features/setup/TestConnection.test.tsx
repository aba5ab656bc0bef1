// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { AccountSetupForm } from '../../../../../renderer/features/setup/AccountSetupForm';
import { aSnapshot, anAccount, anEngineAccount, firstRunSnapshot } from '../../../../fakes/app-snapshots';
import type { FakeTelephony } from '../../../../fakes/fake-telephony';
import { renderWithStore } from '../../render-with-store';
import { describedErrorOf, fillValidAccount } from './fill-account-form';


async function testConnectionWith(probe: Parameters<FakeTelephony['answerProbe']>[0], wsServer?: string) {
  const view = await renderWithStore(<AccountSetupForm account={null} />, { snapshot: firstRunSnapshot() });
  view.desktop.answerOk(contract.account.prepareTest, anEngineAccount(wsServer ? { wsServer } : {}));
  view.telephony.answerProbe(probe);
  await fillValidAccount(view.user, wsServer ? { wsServer } : {});
  await view.user.click(screen.getByRole('button', { name: 'Test connection' }));
  return view;
}

describe('Test connection', () => {
  it('says "Connected and registered as" the address when the server accepts the account', async () => {
    const { telephony } = await testConnectionWith({ ok: true });
    expect(await screen.findByText('Connected and registered as sip:1001@pbx.example.com')).toBeDefined();
    expect(screen.getByRole('status').textContent).toBe('Connected and registered as sip:1001@pbx.example.com');
    expect(telephony.probed).toHaveLength(1);
  });

  it('says the user name or password is wrong when the server answers 403', async () => {
    await testConnectionWith({ ok: false, cause: 'auth', statusCode: 403 });
    expect(screen.getByRole('status').textContent).toMatch(/^Wrong user name or password \(403\)/);
  });

  it('says which address it cannot reach when the WebSocket does not connect', async () => {
    await testConnectionWith({ ok: false, cause: 'network' }, 'ws://127.0.0.1:5066/ws');
    expect(screen.getByRole('status').textContent).toBe('Cannot reach ws://127.0.0.1:5066/ws. Check the address and your network.');
  });

  it('shows "Testing the connection…" while the test runs and keeps both buttons out of reach', async () => {
    let finish: (ok: { ok: true }) => void = () => {};
    await testConnectionWith(() => new Promise((resolve) => (finish = resolve)));
    expect(screen.getByRole('status').textContent).toBe('Testing the connection…');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save and connect' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Test connection' }).disabled).toBe(true);
    finish({ ok: true });
    await screen.findByText(/Connected and registered/);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save and connect' }).disabled).toBe(false);
  });

  it('does not test an account with mistakes in it', async () => {
    const { user, desktop, telephony } = await renderWithStore(<AccountSetupForm account={null} />, { snapshot: firstRunSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(desktop.callsTo(contract.account.prepareTest)).toEqual([]);
    expect(telephony.probed).toEqual([]);
  });

  it('asks for the password next to the field, without asking main, when a saved account is tested with it blank', async () => {
    const { user, desktop, telephony } = await renderWithStore(<AccountSetupForm account={anAccount()} />, { snapshot: aSnapshot() });
    const password = screen.getByLabelText('Password');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(describedErrorOf(password)).toBe('Type the password to test the connection');
    expect(document.activeElement).toBe(password);
    expect(desktop.callsTo(contract.account.prepareTest)).toEqual([]);
    expect(telephony.probed).toEqual([]);
    // Nothing else claims the test ran or that something else is wrong.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getAllByText(/password/i).map((el) => el.textContent)).toEqual(['Password', 'Type the password to test the connection']);

    desktop.answerOk(contract.account.prepareTest, anEngineAccount());
    await user.type(password, 'typed-now');
    expect(describedErrorOf(password)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(desktop.callsTo(contract.account.prepareTest)[0]?.password).toBe('typed-now');
    expect(await screen.findByText('Connected and registered as sip:1001@pbx.example.com')).toBeDefined();
  });

  it('still saves with the password left blank after a test asked for it', async () => {
    const { user, desktop } = await renderWithStore(<AccountSetupForm account={anAccount()} />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.account.save, aSnapshot());
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(describedErrorOf(screen.getByLabelText('Password'))).toBe('Type the password to test the connection');

    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    const sent = desktop.callsTo(contract.account.save)[0];
    expect(sent && 'password' in sent).toBe(false);
    expect(describedErrorOf(screen.getByLabelText('Password'))).toBeNull();
  });

  it("puts main's objection under the field and asks to fix it before testing again", async () => {
    const { user, desktop } = await renderWithStore(<AccountSetupForm account={null} />, { snapshot: firstRunSnapshot() });
    desktop.answerError(contract.account.prepareTest, {
      code: 'invalid-input',
      fields: { 'fields.wsServer': 'ws-server-insecure' },
    });
    await fillValidAccount(user);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(screen.getByText('Unencrypted ws:// is only allowed for a server on this computer; use wss://')).toBeDefined();
    expect(screen.getByRole('status').textContent).toBe('Fix the marked fields, then test again.');
  });
});
