/**
 * Who may see and change a client's data: a role that needs it AND a relation to the case, each
 * relation with what it allows and until when (domain/access/table.ts, docs/ACCESS.md). Pure.
 */
import type { Role } from './types.js';
import type { CaseRelation } from './access/table.js';

export * from './access/table.js';
export * from './access/relations.js';
export * from './access/views.js';

/**
 * The relation an access-log row names: a case relation, or 'intake' (registering, looking up
 * and linking contacts: the worker's role is enough, the row says so).
 */
export type Relation = CaseRelation | 'intake';

/** Roles that may ever see client-level data. The supervisor, organiser and admin never do. */
export const CLIENT_DATA_ROLES: readonly Role[] = ['Worker', 'Chair', 'LeadSocialWorker', 'QueueCoordinator', 'Secretary'];
