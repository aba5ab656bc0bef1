import type { AgentRole } from '../../common/schemas/workspace/agent';

/** A workspace role in words, as the Team area and the audit trail show it. */
export const ROLE_LABELS: Record<AgentRole, string> = { basic: 'Basic', admin: 'Administrator', owner: 'Owner' };
