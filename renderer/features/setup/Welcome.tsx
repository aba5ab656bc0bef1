import { Server, Users, type LucideIcon } from 'lucide-react';
import { useId } from 'react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import type { FirstRunStep } from '../../store/types';
import { useFocusOnMount } from './use-focus-on-mount';
import './setup.css';

/** The first thing a new agent sees: two ways to connect, each saying what it asks for. */
export function Welcome() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="setup-welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title" tabIndex={-1} ref={heading}>
        Welcome to Ringdesk
      </h1>
      <p className="setup-lead">How do you want to connect your phone?</p>
      <div className="setup-choices">
        <Choice step="team" icon={Users} title="Sign in to your team" detail="With your team's workspace address, your email and password" />
        <Choice step="sip" icon={Server} title="Use a SIP account" detail="With the server address, user and password from your phone system's administrator" />
      </div>
    </section>
  );
}

interface ChoiceProps {
  step: FirstRunStep;
  icon: LucideIcon;
  title: string;
  detail: string;
}

/** One large button; its name is the title alone, the detail is its description. */
function Choice({ step, icon: Icon, title, detail }: ChoiceProps) {
  const id = useId();
  const showFirstRunStep = useRingdesk((s) => s.showFirstRunStep);
  return (
    <button
      type="button"
      className="setup-choice"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-detail`}
      onClick={() => showFirstRunStep(step)}
    >
      <Icon className="setup-choice-icon" aria-hidden />
      <span className="setup-choice-text">
        <span id={`${id}-title`} className="setup-choice-title">
          {title}
        </span>
        <span id={`${id}-detail`} className="setup-choice-detail">
          {detail}
        </span>
      </span>
    </button>
  );
}
