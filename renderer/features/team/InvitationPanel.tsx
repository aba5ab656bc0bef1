import { useCallback, useEffect, useState } from 'react';
import type { Agent } from '../../../common/schemas/workspace/agent';
import type { InvitationState } from '../../../common/schemas/workspace/invitation';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { invitationStatusText } from './invitation-text';

/**
 * A pending agent's invitation on the edit form: when it was sent (or that
 * it was not delivered, and why), and "Resend invitation" — a new link,
 * the old one dead. The workspace limits resends; its refusal says when to
 * try again. `now` and `zone` are for tests (the computer's otherwise).
 */
export function InvitationPanel({ agent, now = Date.now, zone = 'system' }: { agent: Pick<Agent, 'id' | 'email' | 'status'>; now?: () => number; zone?: string }) {
  const readInvitation = useRingdesk((s) => s.readAgentInvitation);
  const resend = useRingdesk((s) => s.resendTeamInvitation);
  const [state, setState] = useState<InvitationState['invitation'] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  // Unreadable (offline, say): the status line says only that the agent is invited; the button still works or says why not.
  const stateOf = useCallback(async () => {
    const result = await readInvitation(agent.id);
    return result.ok ? result.value.invitation : undefined;
  }, [agent.id, readInvitation]);
  useEffect(() => {
    if (agent.status !== 'pending') return;
    let live = true;
    void stateOf().then((read) => live && setState(read));
    return () => void (live = false);
  }, [agent.status, stateOf]);

  if (agent.status !== 'pending') return null;

  const onResend = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await resend(agent.id);
    if (result.ok) setState(await stateOf());
    setBusy(false);
    if (!result.ok) return setOutcome({ ok: false, text: result.refusal.message ?? 'The invitation could not be sent.' });
    if (result.value.mail === 'sent') return setOutcome({ ok: true, text: `Sent to ${agent.email}.` });
    // Why it failed is on the status line, read back from the workspace just now.
    setOutcome({ ok: false, text: `A new invitation was made for ${agent.email}, but its email was not delivered.` });
  };

  const statusText = state === undefined ? null : invitationStatusText(state, now(), zone);
  return (
    <div className="team-invitation" role="group" aria-label="Invitation">
      <p className={state?.failure ? 'field-error' : 'field-hint'}>{statusText ?? 'Invited — pending until they accept the invitation email.'}</p>
      <button type="button" onClick={() => void onResend()} disabled={busy}>
        {busy ? 'Sending…' : 'Resend invitation'}
      </button>
      <p role="status" className={outcome && !outcome.ok ? 'field-error' : 'field-hint'}>
        {outcome?.text ?? ''}
      </p>
    </div>
  );
}
