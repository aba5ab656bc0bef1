import type { StateCreator } from 'zustand/vanilla';
import type { CallSnapshot } from '../../common/schemas/call';
import { consultedCall, planAnswer, planDial, planSwitch, type FocusPlan } from '../domain/call-juggling';
import { OUTCOME_DISPLAY_MS } from '../domain/call-outcome-text';
import { dialTarget, dialTextForPeer } from '../domain/dial-target';
import { displayNumber } from '../domain/phone-number';
import { selectAccountDomain, selectDefaultCountry } from './selectors';
import type { CallsSlice, RingdeskDeps, RingdeskState } from './types';
import { MICROPHONE_DENIED_TEXT } from '../domain/audio-devices';

/**
 * Mirrors the engine's calls as the call relay (renderer/app/call-relay.ts)
 * hands them over — the relay, not the screen, reports them to main. An
 * ended call stays on screen with its outcome for OUTCOME_DISPLAY_MS, then
 * goes.
 */
export function createCallsSlice({ desktop, telephony, calls }: RingdeskDeps): StateCreator<RingdeskState, [], [], CallsSlice> {
  const removals = new Map<string, ReturnType<typeof setTimeout>>();

  return (set, get) => {
    const scheduleRemoval = (callId: string) => {
      if (removals.has(callId)) return;
      removals.set(
        callId,
        setTimeout(() => get().dismissCall(callId), OUTCOME_DISPLAY_MS),
      );
    };

    /** The relay's changes, mirrored: a changed call replaces its panel, a new one is added. */
    const applyChanges = (changed: CallSnapshot[]) => {
      set((s) => {
        const list = [...s.calls.list];
        for (const call of changed) {
          const at = list.findIndex((c) => c.id === call.id);
          if (at === -1) list.push(call);
          else list[at] = call;
        }
        return { calls: { ...s.calls, list } };
      });
      for (const call of changed) {
        if (call.state === 'ended') scheduleRemoval(call.id);
        // The outcome fades with the panel; how to fix the microphone must stay until read.
        if (call.end?.reason === 'microphone') get().reportProblem(MICROPHONE_DENIED_TEXT);
      }
    };

    const carryOut = (plan: FocusPlan) => {
      for (const id of plan.hold) telephony.setHeld(id, true);
      if (plan.resume) telephony.setHeld(plan.resume, false);
    };

    const findCall = (callId: string) => get().calls.list.find((c) => c.id === callId);

    const target = (text: string) => dialTarget(text, selectDefaultCountry(get()), selectAccountDomain(get()));

    return {
      calls: { list: [], lastDialed: null },

      followCalls: () => {
        const stopCalls = calls.onCallChanges(applyChanges);
        const stopActions = desktop.onCallAction(({ callId, action }) => {
          if (action === 'answer') get().answer(callId);
          else get().decline(callId);
        });
        return () => {
          stopCalls();
          stopActions();
          for (const timer of removals.values()) clearTimeout(timer);
          removals.clear();
        };
      },

      dial: (text) => {
        const to = target(text);
        if (!to.ok) return to;
        // Calling out while talking to someone: they go on hold first.
        carryOut(planDial(get().calls.list));
        const callId = telephony.dial(to.uri);
        const shown = to.input.kind === 'phone-number' ? displayNumber(to.input.e164, selectDefaultCountry(get())) : text.trim();
        set((s) => ({ calls: { ...s.calls, lastDialed: shown } }));
        return { ok: true, callId };
      },

      redial: () => {
        const last = get().calls.lastDialed;
        return last ? get().dial(last) : { ok: false, message: 'There is no number to redial yet' };
      },

      loadLastDialed: async () => {
        if (get().calls.lastDialed) return;
        const result = await desktop.history.query({ filter: 'outbound', limit: 1 });
        const last = result.ok ? result.value.entries[0] : undefined;
        if (!last || get().calls.lastDialed) return;
        const text = dialTextForPeer(last.peer, selectAccountDomain(get()));
        set((s) => ({ calls: { ...s.calls, lastDialed: displayNumber(text, selectDefaultCountry(get())) } }));
      },

      answer: (callId) => {
        carryOut(planAnswer(get().calls.list, callId));
        telephony.answer(callId);
      },
      decline: (callId) => telephony.decline(callId),
      hangup: (callId) => telephony.hangup(callId),

      toggleMute: (callId) => {
        const call = findCall(callId);
        if (call) telephony.setMuted(callId, !call.muted);
      },
      toggleHold: (callId) => {
        const call = findCall(callId);
        if (!call || call.state !== 'active') return;
        if (call.held) get().switchTo(callId);
        else telephony.setHeld(callId, true);
      },
      sendDtmf: (callId, digits) => telephony.sendDtmf(callId, digits),
      switchTo: (callId) => carryOut(planSwitch(get().calls.list, callId)),

      blindTransfer: (callId, text) => {
        const to = target(text);
        if (!to.ok) return to;
        telephony.blindTransfer(callId, to.uri);
        return { ok: true };
      },
      startConsult: (callId, text) => {
        const to = target(text);
        if (!to.ok) return to;
        const call = findCall(callId);
        if (call && !call.held) telephony.setHeld(callId, true);
        return { ok: true, callId: telephony.dial(to.uri, { consultFor: callId }) };
      },
      completeTransfer: (callId, consultCallId) => telephony.completeTransfer(callId, consultCallId),
      cancelConsult: (consultCallId) => {
        const consult = findCall(consultCallId);
        telephony.hangup(consultCallId);
        const original = consult ? consultedCall(get().calls.list, consult) : null;
        if (!original) return;
        const others = get().calls.list.filter((c) => c.id !== consultCallId);
        carryOut(planSwitch(others, original.id));
      },

      dismissCall: (callId) => {
        const timer = removals.get(callId);
        if (timer) clearTimeout(timer);
        removals.delete(callId);
        set((s) => {
          const list = s.calls.list.filter((c) => !(c.id === callId && c.state === 'ended'));
          return list.length === s.calls.list.length ? s : { calls: { ...s.calls, list } };
        });
      },
    };
  };
}
