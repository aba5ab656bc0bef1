import type { CallAction, CallSnapshot, CallState } from '../../common/schemas/call';
import {
  decideCallNotifications,
  incomingCallTag,
  needsCallerName,
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
  private readonly queue = createSerialQueue((error) => this.deps.log.error(`call notification failed: ${String(error)}`));

  constructor(private readonly deps: CallNotificationsDeps) {}

  report(call: CallSnapshot): Promise<void> {
    return this.queue.run(() => this.handle(call));
  }

  /** The renderer (and its calls) went away: withdraw notifications whose buttons would now do nothing. */
  rendererGone(): void {
    for (const [id, state] of this.states) if (state === 'incoming') this.deps.notifier.close(incomingCallTag(id));
    this.states.clear();
  }

  private async handle(call: CallSnapshot): Promise<void> {
    if (this.ended.has(call.id)) return;
    const previous = this.states.get(call.id) ?? null;
    this.remember(call);
    const knownName = needsCallerName(previous, call) ? await this.deps.lookupName(call.peer.user) : null;
    const settings = await this.deps.settings();
    for (const step of decideCallNotifications({ previous, call, settings, knownName })) this.apply(step, call.id);
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

  private apply(step: CallNotificationStep, callId: string): void {
    const { notifier, showWindow, sendAction } = this.deps;
    switch (step.kind) {
      case 'show-incoming':
        notifier.show(step.notification, {
          onClick: showWindow,
          onAction: (action) => {
            sendAction({ callId, action });
            // Answering from the notification: the agent will want the in-call controls.
            if (action === 'answer') showWindow();
          },
        });
        break;
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
