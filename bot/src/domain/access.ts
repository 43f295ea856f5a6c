/**
 * Who may see a client's data: a role that needs it AND a relation to the case (SPEC: Who uses
 * it). Pure: the facts come in, a relation (or null) comes out. The relation is written to the
 * access log with every read and write.
 */
import type { CaseState, Role } from './types.js';

export interface AuthUser {
  id: string;
  name: string;
  roles: Role[];
  tenantId?: string;
  locale?: string;
  /** Signed in through the development picker (never in production). */
  dev?: boolean;
}

export type Relation =
  | 'assignedWorker'
  | 'sapMember'
  | 'decider'
  | 'coordinator'
  | 'secretary'
  | 'intake';

export interface CaseAccessFacts {
  state: CaseState;
  workerId?: string;
  /** Members (user ids) of SAP meetings where the case is on the agenda. */
  sapMemberIds: string[];
  /** Signed decisions that the secretary has not yet marked mailed. */
  decisionsToMail: number;
}

const COORDINATED: CaseState[] = ['DECIDED', 'QUEUED', 'PLACED'];
const DECIDING: CaseState[] = ['SAP', 'DECIDED'];

export const hasRole = (u: AuthUser, ...roles: Role[]) => roles.some((r) => u.roles.includes(r));

/** The strongest relation the user has to the case, or null (then: forbidden). */
export function relationTo(user: AuthUser, c: CaseAccessFacts): Relation | null {
  if (hasRole(user, 'Worker') && c.workerId === user.id) return 'assignedWorker';
  if (hasRole(user, 'Chair', 'LeadSocialWorker', 'Worker') && c.sapMemberIds.includes(user.id)) return 'sapMember';
  if (hasRole(user, 'LeadSocialWorker') && DECIDING.includes(c.state)) return 'decider';
  if (hasRole(user, 'QueueCoordinator') && COORDINATED.includes(c.state)) return 'coordinator';
  if (hasRole(user, 'Secretary') && c.decisionsToMail > 0) return 'secretary';
  return null;
}

/** Relations allowed to change a case (others may only read what their task needs). */
export const WRITE_RELATIONS: readonly Relation[] = ['assignedWorker', 'sapMember', 'decider', 'coordinator', 'secretary'];

/** Roles that may ever see client-level data. The organiser and admin never do. */
export const CLIENT_DATA_ROLES: readonly Role[] = ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary'];
