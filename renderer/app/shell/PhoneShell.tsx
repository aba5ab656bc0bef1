import { AgentsDashboard } from '../../features/dashboard/AgentsDashboard';
import { Dialer } from '../../features/dialer/Dialer';
import { TypedDigitsListener } from '../../features/dialer/TypedDigitsListener';
import { HistoryView } from '../../features/history/HistoryView';
import { IdentityHeader } from '../../features/phone/IdentityHeader';
import { SettingsView } from '../../features/settings/SettingsView';
import { TeamView } from '../../features/team/TeamView';
import { AccountSetupForm } from '../../features/setup/AccountSetupForm';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectAccountBeingEdited, selectCallInProgress, selectOpenView } from '../../store/selectors';
import type { View } from '../../store/types';
import { CallArea } from './CallArea';
import { LeaveGuard } from './LeaveGuard';
import { PANEL_ID, ShellNav, tabId } from './ShellNav';
import './shell.css';

/**
 * The agent's phone: identity and presence on top, the call area pinned
 * under it, the open section scrolling below, the navigation fixed. Only
 * the open section is rendered, so History is not queried and the
 * microphone meter is not running while they are not shown.
 */
export function PhoneShell() {
  const view = useRingdesk(selectOpenView);
  const editing = useRingdesk(selectAccountBeingEdited);
  const inCall = useRingdesk(selectCallInProgress);
  return (
    <div className="shell" data-view={view}>
      <IdentityHeader />
      <ShellNav />
      <CallArea variant={view === 'phone' ? 'full' : 'compact'} />
      <main className="shell-content" id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)} tabIndex={-1}>
        {editing ? <AccountSetupForm account={editing} /> : <ViewContent view={view} inCall={inCall} />}
      </main>
      {/* Digits typed anywhere on the Phone view: into the number, or as tones on a call. */}
      {view === 'phone' && !editing && <TypedDigitsListener />}
      <LeaveGuard />
    </div>
  );
}

function ViewContent({ view, inCall }: { view: View; inCall: boolean }) {
  switch (view) {
    case 'phone':
      // During a call the Phone view is the call screen above (its own Keypad
      // sends tones). The dialer stays mounted, hidden, so it can take the
      // focus back the moment the call ends.
      // The dashboard (admins who turned it on) sits below the dialer, beside it when wide.
      return (
        <div className="phone-home" hidden={inCall}>
          <div className="phone-dialer">
            <Dialer />
          </div>
          <AgentsDashboard />
        </div>
      );
    case 'history':
      return <HistoryView />;
    case 'team':
      return <TeamView />;
    case 'settings':
      return <SettingsView />;
  }
}
