import type { CallAction, CallSnapshot, CallState } from '../../common/schemas/call';
import {
  NO_CALL_NOTIFICATIONS,
  decideCallNotifications,
  forgetRinging,
  needsCallerName,
  type CallNotificationDecision,
  type CallNotificationSettings,
  type CallNotificationStep,
} from '../domain/call-notification-policy';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import { createSerialQueue } from '../../common/serial-queue';

/** Ended calls remembered so late repeats of their last report are ignored. */
const REMEMBERED_ENDED_CALLS = 500;

export interface CallNotificationsDeps {
  notifier: Notifier;
  showWindow: () => void;
  /** Hands an Answer/Decline pressed on a notification to the renderer's engine. */
  sendAction: (action: CallAction) => void;
  settings: () => Promise<CallNotificationSettings>;
  /** The history's name for a number (see HistoryStore.lookupName). */
  lookupName: (user: string) => Promise<string | null>;
  /** Epoch ms: bursts are grouped, and window raises spaced out, by time. */
  now: () => number;
  log: Logger;
}

/**
 * Turns the renderer's call reports into desktop notifications (see
 * domain/call-notification-policy.ts for which). Reports are handled one
 * at a time, in order, so a slow name lookup can never show an incoming
 * notification after the call already stopped ringing.
 */
export class CallNotifications {
  /** Last state seen of each call not yet ended. */
  private readonly states = new Map<string, CallState>();
  private readonly ended = new Set<string>();
  /** The policy's memory of bursts and window raises, handed back on every decision. */
  private memory = NO_CALL_NOTIFICATIONS;
  private readonly queue = createSerialQueue((error) => this.deps.log.error(`call notification failed: ${String(error)}`));

  constructor(private readonly deps: CallNotificationsDeps) {}

  report(call: CallSnapshot): Promise<void> {
    return this.queue.run(() => this.handle(call));
  }

  /** The renderer (and its calls) went away: withdraw notifications whose buttons would now do nothing. */
  rendererGone(): void {
    this.states.clear();
    this.follow(forgetRinging(this.memory));
  }

  private async handle(call: CallSnapshot): Promise<void> {
    if (this.ended.has(call.id)) return;
    const previous = this.states.get(call.id) ?? null;
    this.remember(call);
    const knownName = needsCallerName(previous, call) ? await this.deps.lookupName(call.peer.user) : null;
    const settings = await this.deps.settings();
    // The memory is read only now, after the awaits: a rendererGone() meanwhile has already changed it.
    this.follow(decideCallNotifications({ previous, call, settings, knownName, now: this.deps.now(), memory: this.memory }));
  }

  private follow({ steps, memory }: CallNotificationDecision): void {
    this.memory = memory;
    for (const step of steps) this.apply(step);
  }

  private remember(call: CallSnapshot): void {
    if (call.state !== 'ended') {
      this.states.set(call.id, call.state);
      return;
    }
    this.states.delete(call.id);
    this.ended.add(call.id);
    if (this.ended.size > REMEMBERED_ENDED_CALLS) this.ended.delete(this.ended.values().next().value!);
  }

  private apply(step: CallNotificationStep): void {
    const { notifier, showWindow, sendAction } = this.deps;
    switch (step.kind) {
      case 'show-incoming': {
        const { callId } = step;
        notifier.show(step.notification, {
          onClick: showWindow,
          onAction: (action) => {
            sendAction({ callId, action });
            // Answering from the notification: the agent will want the in-call controls.
            if (action === 'answer') showWindow();
          },
        });
        break;
      }
      case 'show-missed':
        notifier.show(step.notification, { onClick: showWindow });
        break;
      case 'close':
        notifier.close(step.tag);
        break;
      case 'show-window':
        showWindow();
        break;
    }
  }
}
