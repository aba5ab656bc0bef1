import type { StateCreator } from 'zustand/vanilla';
import type { CallSnapshot } from '../../common/schemas/call';
import { consultedCall, planAnswer, planDial, planSwitch, sameCallState, type FocusPlan } from '../domain/call-juggling';
import { OUTCOME_DISPLAY_MS } from '../domain/call-outcome-text';
import { dialTarget, dialTextForPeer } from '../domain/dial-target';
import { displayNumber } from '../domain/phone-number';
import { selectAccountDomain, selectDefaultCountry } from './selectors';
import type { CallsSlice, RingdeskDeps, RingdeskState } from './types';
import { MICROPHONE_DENIED_TEXT } from '../domain/audio-devices';

/**
 * Mirrors the engine's calls. Each snapshot that changes something is
 * reported to main once (notifications, history); an ended call stays on
 * screen with its outcome for OUTCOME_DISPLAY_MS, then goes. A live call
 * the engine drops without ending it is ended here ("Call failed"), so the
 * screen never keeps a call that no longer exists.
 */
export function createCallsSlice({ desktop, telephony }: RingdeskDeps): StateCreator<RingdeskState, [], [], CallsSlice> {
  const removals = new Map<string, ReturnType<typeof setTimeout>>();

  return (set, get) => {
    const report = (call: CallSnapshot) => {
      void desktop.calls.report(call).then((result) => {
        // Only the state: snapshots carry remote-controlled names.
        if (!result.ok) console.warn(`Ringdesk: main did not take the "${call.state}" call report: ${result.error.code}`);
      });
    };

    const scheduleRemoval = (callId: string) => {
      if (removals.has(callId)) return;
      removals.set(
        callId,
        setTimeout(() => get().dismissCall(callId), OUTCOME_DISPLAY_MS),
      );
    };

    const applyEngineCalls = (incoming: CallSnapshot[]) => {
      const before = get().calls.list;
      const previous = new Map(before.map((c) => [c.id, c]));
      const fresh = new Map(incoming.map((c) => [c.id, c]));
      const changed: CallSnapshot[] = [];
      const next: CallSnapshot[] = [];

      for (const old of before) {
        const now = fresh.get(old.id);
        if (old.state === 'ended') next.push(old); // final: later snapshots of it change nothing
        else if (!now) {
          const vanished = endedBySystem(old);
          changed.push(vanished);
          next.push(vanished);
        } else if (sameCallState(old, now)) next.push(old);
        else {
          changed.push(now);
          next.push(now);
        }
      }
      for (const call of incoming) {
        if (previous.has(call.id)) continue;
        changed.push(call);
        next.push(call);
      }
      if (changed.length === 0) return;
      set((s) => ({ calls: { ...s.calls, list: next } }));
      for (const call of changed) {
        report(call);
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
        const stopCalls = telephony.onCallsChanged(applyEngineCalls);
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

/** A call the engine dropped without ending it: ended here, so it is reported and cleared. */
function endedBySystem(call: CallSnapshot): CallSnapshot {
  // Never before the call's own times, even if the clock stepped back (main refuses times out of order).
  return { ...call, state: 'ended', endedAt: Math.max(Date.now(), call.answeredAt ?? call.startedAt), end: { reason: 'failed', by: 'system' } };
}
