import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { AccountSetupForm } from './AccountSetupForm';
import { CreateTeam } from './CreateTeam';
import { TeamSignIn } from './TeamSignIn';
import { Welcome } from './Welcome';

/**
 * Before any account is saved: the welcome, then the step the agent chose.
 * Editing a saved account never comes here; the shell opens the form itself.
 */
export function FirstRun() {
  const step = useRingdesk((s) => s.setup.firstRunStep);
  switch (step) {
    case 'welcome':
      return <Welcome />;
    case 'team':
      return <TeamSignIn />;
    case 'create-team':
      return <CreateTeam />;
    case 'sip':
      return <AccountSetupForm account={null} />;
  }
}
