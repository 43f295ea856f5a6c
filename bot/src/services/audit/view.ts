/** How an access-log entry leaves the server: what happened, without the chain's hashes. */
import type { ChainedEntry } from '../../audit/access-log.js';

export const entryView = (e: ChainedEntry) => ({
  seq: e.seq,
  at: e.at,
  actor: { userId: e.actor.userId, name: e.actor.name },
  clientId: e.clientId,
  ...(e.caseId ? { caseId: e.caseId } : {}),
  action: e.action,
  what: e.what,
  relation: e.relation,
  ...(e.outcome ? { outcome: e.outcome } : {}),
});
