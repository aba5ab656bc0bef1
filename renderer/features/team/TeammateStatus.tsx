import type { AgentStatus } from '../../../common/schemas/workspace/live';
import { PresenceDot } from '../phone/PresenceDot';
import { teammateStatus } from './teammate-status';

/** A teammate's presence dot and its words (the dot's shape differs too, so it reads without colour). */
export function TeammateStatus({ status }: { status: AgentStatus | undefined }) {
  const { dot, text } = teammateStatus(status);
  return (
    <span className="teammate-status">
      <PresenceDot presence={dot} />
      <span>{text}</span>
    </span>
  );
}
