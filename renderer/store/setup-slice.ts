import type { StateCreator } from 'zustand/vanilla';
import type { IpcError, IpcResult } from '../../preload/contract';
import type { AppSnapshot } from '../../common/schemas/snapshot';
import type { EngineAccount } from '../../common/schemas/account';
import type { ProbeResult } from '../../common/schemas/engine';
import { describeFailure } from '../features/reachability/failure-text';
import type { RingdeskDeps, RingdeskState, SetupSlice } from './types';
import { ipcErrorText } from '../app/ipc-error-text';

const IDLE: SetupSlice['setup'] = { status: 'idle', test: null, fieldErrors: {}, formError: null, firstRunStep: 'welcome', teamPrefill: null };

/** Saving and testing the account typed on the setup form. */
export function createSetupSlice({ desktop, telephony }: RingdeskDeps): StateCreator<RingdeskState, [], [], SetupSlice> {
  let prefills = 0;
  return (set, get) => {
    const patch = (changes: Partial<SetupSlice['setup']>) => set((s) => ({ setup: { ...s.setup, ...changes } }));

    /** Main's refusal as field errors (when it names fields) or one form-level message. */
    const refusal = (error: IpcError): Partial<SetupSlice['setup']> => {
      const fields = error.code === 'invalid-input' ? error.fields : {};
      return Object.keys(fields).length > 0 ? { fieldErrors: fields, formError: null } : { fieldErrors: {}, formError: ipcErrorText(error) };
    };

    const probe = async (account: EngineAccount): Promise<ProbeResult | null> => {
      try {
        return await telephony.probe(account);
      } catch {
        return null;
      }
    };

    /** Sign-in and team creation end the same way: main's snapshot (signed in, registering), or its refusal kept on the form. */
    const enterWorkspace = async (status: 'signing-in' | 'creating-team', ask: () => Promise<IpcResult<AppSnapshot>>): Promise<boolean> => {
      if (get().setup.status !== 'idle') return false;
      patch({ status, formError: null, fieldErrors: {} });
      const result = await ask();
      if (!result.ok) {
        patch({ status: 'idle', ...refusal(result.error) });
        return false;
      }
      get().applySnapshot(result.value);
      patch({ status: 'idle' });
      return true;
    };

    return {
      setup: IDLE,
      saveAccount: async (input) => {
        if (get().setup.status !== 'idle') return false;
        patch({ status: 'saving', formError: null });
        const result = await desktop.account.save(input);
        if (!result.ok) {
          patch({ status: 'idle', ...refusal(result.error) });
          return false;
        }
        get().applySnapshot(result.value);
        get().closeAccountEditor();
        return true;
      },
      signInToWorkspace: (input) => enterWorkspace('signing-in', () => desktop.workspace.signIn(input)),
      createTeam: (input) => enterWorkspace('creating-team', () => desktop.workspace.createTeam(input)),
      signOutOfWorkspace: async () => {
        if (get().setup.status !== 'idle') return;
        patch({ status: 'signing-out', formError: null });
        const result = await desktop.workspace.signOut();
        if (result.ok) get().applySnapshot(result.value);
        patch({ status: 'idle', ...(result.ok ? {} : refusal(result.error)) });
      },
      testConnection: async (input) => {
        if (get().setup.status !== 'idle') return;
        patch({ status: 'testing', test: null, formError: null });
        const prepared = await desktop.account.prepareTest(input);
        if (!prepared.ok) {
          const { fieldErrors = {}, formError = null } = refusal(prepared.error);
          const message = formError ?? 'Fix the marked fields, then test again.';
          patch({ status: 'idle', fieldErrors, test: { ok: false, message } });
          return;
        }
        const account = prepared.value;
        const outcome = await probe(account);
        const test =
          outcome === null
            ? { ok: false, message: 'The test could not run. Try again, or save and watch the status.' }
            : outcome.ok
              ? { ok: true, message: `Connected and registered as ${account.aor}` }
              : { ok: false, message: describeFailure(outcome, account.wsServer) };
        patch({ status: 'idle', test });
      },
      clearServerFieldErrors: (key) => {
        const current = get().setup.fieldErrors;
        const kept = Object.entries(current).filter(([k]) => k !== key && !k.startsWith(`${key}.`));
        if (kept.length !== Object.keys(current).length) patch({ fieldErrors: Object.fromEntries(kept) });
      },
      resetSetup: () => set({ setup: IDLE }),
      // A new step starts clean: no test result or refusal from the form the agent left.
      showFirstRunStep: (step) => set({ setup: { ...IDLE, firstRunStep: step } }),
      openTeamSignIn: ({ url, email }) => set({ setup: { ...IDLE, firstRunStep: 'team', teamPrefill: { url, email: email ?? '', seq: ++prefills } } }),
    };
  };
}
