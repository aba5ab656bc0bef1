import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import type { AccountInput } from '../../../../common/schemas/account';
import { createRingdeskStore } from '../../../../renderer/store/ringdesk-store';
import { aSnapshot, anEngineAccount, firstRunSnapshot } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';
import { createFakeAudioHardware } from '../fake-audio-hardware';
import { withRelay } from '../with-relay';

const INPUT: AccountInput = {
  fields: { displayName: 'Alice', sipUser: '1001', domain: 'pbx.example.com', wsServer: 'wss://pbx.example.com:8089/ws' },
  password: 'secret',
};

function storeWithFakes() {
  const desktop = createFakeRingdeskApi();
  const telephony = createFakeTelephony();
  const store = createRingdeskStore({ desktop: desktop.api, ...withRelay(desktop.api, telephony), audio: createFakeAudioHardware() });
  return { desktop, telephony, store, state: () => store.getState() };
}

describe('ringdesk store: mirroring main', () => {
  it('loads the snapshot and then follows every snapshot main pushes', async () => {
    const { desktop, state } = storeWithFakes();
    desktop.answerOk(contract.app.getSnapshot, firstRunSnapshot());
    await state().load();
    expect(state().snapshot?.account).toBeNull();

    desktop.push(events.snapshot, aSnapshot({ presence: 'away' }));
    expect(state().snapshot?.presence).toBe('away');
  });

  it('keeps the reason when the first snapshot cannot be fetched, and recovers on retry', async () => {
    const { desktop, state } = storeWithFakes();
    desktop.answerError(contract.app.getSnapshot, { code: 'failed', problem: 'internal' });
    await state().load();
    expect(state().loadStatus).toBe('failed');
    expect(state().loadError).toBe('Something went wrong in Ringdesk. Please try again.');

    desktop.answerOk(contract.app.getSnapshot, aSnapshot());
    await state().load();
    expect(state().loadStatus).toBe('ready');
    expect(state().loadError).toBeNull();
  });

  it('subscribes to pushes only once however often it loads', async () => {
    const { desktop, state } = storeWithFakes();
    desktop.answerOk(contract.app.getSnapshot, aSnapshot());
    await Promise.all([state().load(), state().load()]);
    await state().load();
    expect(desktop.listenerCount(events.snapshot)).toBe(1);
    expect(desktop.callsTo(contract.app.getSnapshot)).toHaveLength(2);
  });

  it('turns a refused presence change into a notice instead of an exception', async () => {
    const { desktop, state } = storeWithFakes();
    desktop.answerError(contract.presence.set, { code: 'failed', problem: 'internal' });
    await expect(state().setPresence('dnd')).resolves.toBeUndefined();
    expect(state().ui.localNotices.map((n) => n.message)).toEqual(['Something went wrong in Ringdesk. Please try again.']);
  });

  it('dismisses its own notices locally and asks main to dismiss main\'s', async () => {
    const { desktop, state } = storeWithFakes();
    state().reportProblem('Something local');
    const local = state().ui.localNotices[0]!;
    desktop.answerOk(contract.app.dismissNotice, aSnapshot());
    await state().dismissNotice(local.id);
    await state().dismissNotice('settings-recovered');
    expect(state().ui.localNotices).toEqual([]);
    expect(desktop.callsTo(contract.app.dismissNotice)).toEqual([{ id: 'settings-recovered' }]);
  });
});

describe('ringdesk store: account setup', () => {
  it('saves the account, mirrors the answer and leaves the editor', async () => {
    const { desktop, state } = storeWithFakes();
    desktop.answerOk(contract.account.save, aSnapshot());
    state().openAccountEditor();
    await expect(state().saveAccount(INPUT)).resolves.toBe(true);
    expect(state().snapshot?.account?.aor).toBe('sip:1001@pbx.example.com');
    expect(state().ui.editingAccount).toBe(false);
    expect(state().setup.status).toBe('idle');
  });

  it("keeps main's field errors for the form when the save is refused", async () => {
    const { desktop, state } = storeWithFakes();
    desktop.answerError(contract.account.save, {
      code: 'invalid-input',
      fields: { 'fields.domain': 'domain-invalid' },
    });
    await expect(state().saveAccount(INPUT)).resolves.toBe(false);
    expect(state().setup).toMatchObject({ status: 'idle', fieldErrors: { 'fields.domain': 'domain-invalid' }, formError: null });

    state().clearServerFieldErrors('fields.domain');
    expect(state().setup.fieldErrors).toEqual({});
  });

  it('reports a connection test as "Connected and registered as" the address', async () => {
    const { desktop, telephony, state } = storeWithFakes();
    desktop.answerOk(contract.account.prepareTest, anEngineAccount());
    await state().testConnection(INPUT);
    expect(telephony.probed).toEqual([anEngineAccount()]);
    expect(state().setup.test).toEqual({ ok: true, message: 'Connected and registered as sip:1001@pbx.example.com' });
  });

  it("shows main's refusal to test without a typed password at the Password field, and probes nothing", async () => {
    const { desktop, telephony, state } = storeWithFakes();
    desktop.answerError(contract.account.prepareTest, {
      code: 'invalid-input',
      fields: { password: 'password-needed-for-test' },
    });
    await state().testConnection({ fields: INPUT.fields });
    expect(telephony.probed).toEqual([]);
    expect(state().setup).toMatchObject({
      status: 'idle',
      fieldErrors: { password: 'password-needed-for-test' },
      formError: null,
      test: { ok: false, message: 'Fix the marked fields, then test again.' },
    });
  });

  it('says the test could not run when the engine itself breaks', async () => {
    const { desktop, telephony, state } = storeWithFakes();
    desktop.answerOk(contract.account.prepareTest, anEngineAccount());
    telephony.answerProbe(() => Promise.reject(new Error('boom')));
    await state().testConnection(INPUT);
    expect(state().setup.test?.ok).toBe(false);
    expect(state().setup.test?.message).toMatch(/could not run/);
  });
});
