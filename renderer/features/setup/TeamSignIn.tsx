import { ArrowLeft } from 'lucide-react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { useFocusOnMount } from './use-focus-on-mount';
import './setup.css';

/**
 * Where team sign-in will be. There is no workspace server yet, so this says
 * what it will ask for and that it is not available, and offers the SIP
 * account instead; it never pretends to sign anyone in.
 */
export function TeamSignIn() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const showFirstRunStep = useRingdesk((s) => s.showFirstRunStep);
  return (
    <section className="setup-team" aria-labelledby="team-title">
      <button type="button" className="link setup-back" onClick={() => showFirstRunStep('welcome')}>
        <ArrowLeft className="setup-icon" aria-hidden />
        Back
      </button>
      <h1 id="team-title" tabIndex={-1} ref={heading}>
        Sign in to your team
      </h1>
      <p>Team sign-in will ask for:</p>
      <ul className="setup-needs">
        <li>your team's workspace address</li>
        <li>your work email</li>
        <li>your password</li>
      </ul>
      <p className="setup-unavailable">Team sign-in is not available in this version of Ringdesk.</p>
      <p>Until it is, connect with the SIP account details from your phone system's administrator.</p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => showFirstRunStep('sip')}>
          Use a SIP account instead
        </button>
      </div>
    </section>
  );
}
