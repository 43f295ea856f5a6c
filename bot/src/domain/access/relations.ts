/**
 * Which relations a person holds to a case now, and whether one of them allows a need (a part,
 * read or written). Pure: facts, the person and the instant come in; a decision comes out.
 */
import { addDays, helsinkiDate } from '../calendar/index.js';
import type { CaseState, Instant, Role } from '../types.js';
import { ACCESS_SUBJECTS, ACCESS_TABLE, type AccessNeed, type AccessWindow, type CasePart, type CaseRelation } from './table.js';

export interface AuthUser {
  id: string;
  name: string;
  roles: Role[];
  tenantId?: string;
  locale?: string;
  /** Signed in through the development picker (never in production). */
  dev?: boolean;
}

/** A person's part in a SAP meeting. */
export type MeetingRole = 'chair' | 'leadSocialWorker' | 'member' | 'guest';

/** One meeting where the case is (or was handled) on the agenda, with its members' parts. */
export interface SapGrant {
  meetingId: string;
  meetingStartsAt: Instant;
  members: ReadonlyArray<{ userId: string; role: MeetingRole }>;
}

export interface CaseAccessFacts {
  state: CaseState;
  workerId?: string;
  /** People covering the assigned worker's absence now (the absence feature fills it; none yet). */
  deputyIds?: readonly string[];
  /** Meetings with the case on the agenda (written with each booking change). */
  sapAccess?: readonly SapGrant[];
  /** Members of those meetings, from before `sapAccess` was kept: read-only while the case is in SAP. */
  sapMemberIds: readonly string[];
  /** Signed decisions that the secretary has not yet marked mailed. */
  decisionsToMail: number;
  decisionNotifications?: ReadonlyArray<{ channel: 'post' | 'electronic'; notifiedOn?: string }>;
  decisionResult?: 'granted' | 'refused';
}

export interface AccessContext {
  now: Instant;
  /** The county's set number of days after a meeting that its members still read (default 14). */
  sapAccessDays: number;
}

export const hasRole = (u: AuthUser, ...roles: Role[]) => roles.some((r) => u.roles.includes(r));

const SAP_RELATION: Record<MeetingRole, CaseRelation> = { chair: 'sapChair', leadSocialWorker: 'sapLead', member: 'sapMember', guest: 'sapGuest' };

/** The last day (Helsinki) a meeting's members read the case. */
export const sapAccessUntil = (meetingStartsAt: Instant, days: number) => addDays(helsinkiDate(new Date(meetingStartsAt)), days);

/** The SAP relations the person holds through meetings whose window is open now. */
function sapRelations(userId: string, f: CaseAccessFacts, ctx: AccessContext): Set<CaseRelation> {
  const out = new Set<CaseRelation>();
  const today = helsinkiDate(new Date(ctx.now));
  if (f.sapAccess) {
    for (const g of f.sapAccess) {
      if (today > sapAccessUntil(g.meetingStartsAt, ctx.sapAccessDays)) continue;
      for (const m of g.members) if (m.userId === userId) out.add(SAP_RELATION[m.role]);
    }
  } else if (f.state === 'SAP' && f.sapMemberIds.includes(userId)) out.add('sapGuest');
  return out;
}

function inWindow(w: AccessWindow, user: AuthUser, f: CaseAccessFacts, sap: Set<CaseRelation>, relation: CaseRelation): boolean {
  switch (w) {
    case 'whileAssigned':
      return f.workerId !== undefined && f.workerId === user.id;
    case 'whileCovering':
      return (f.deputyIds ?? []).includes(user.id);
    case 'bookingToMeetingPlusDays':
      return sap.has(relation);
    case 'whileDecisionPending':
      return f.state === 'SAP' || f.state === 'DECIDED';
    case 'whileToPost':
      return f.decisionsToMail > 0 || (f.decisionNotifications ?? []).some((n) => n.channel === 'post' && !n.notifiedOn);
    case 'whilePlacing':
      return (f.state === 'DECIDED' && f.decisionResult !== 'refused') || f.state === 'QUEUED' || f.state === 'PLACED';
  }
}

/** Every relation the person holds to the case now, strongest first. */
export function relationsOf(user: AuthUser, f: CaseAccessFacts, ctx: AccessContext): CaseRelation[] {
  const sap = sapRelations(user.id, f, ctx);
  return ACCESS_TABLE.filter((row) => hasRole(user, ...row.roles) && inWindow(row.window, user, f, sap, row.relation)).map((r) => r.relation);
}

export type AccessDecision =
  | { ok: true; relation: CaseRelation; part: CasePart }
  /** noRelation: 404-like (no relation at all); notAllowed: a relation that does not allow this. */
  | { ok: false; reason: 'noRelation' | 'notAllowed'; relations: CaseRelation[] };

/** Whether the person may do `need` on the case now, through which relation and as which part (view). */
export function authorise(user: AuthUser, f: CaseAccessFacts, need: AccessNeed, ctx: AccessContext): AccessDecision {
  const relations = relationsOf(user, f, ctx);
  const parts: readonly CasePart[] = ACCESS_SUBJECTS[need.subject];
  for (const relation of relations) {
    const row = ACCESS_TABLE.find((r) => r.relation === relation)!;
    const allowed = need.mode === 'read' ? row.reads : row.writes;
    const part = parts.find((p) => allowed.includes(p));
    if (part) return { ok: true, relation, part };
  }
  return { ok: false, reason: relations.length ? 'notAllowed' : 'noRelation', relations };
}

/** The strongest relation the person holds now, or null (lists use it to decide whether to name the client). */
export function relationTo(user: AuthUser, f: CaseAccessFacts, ctx: AccessContext): CaseRelation | null {
  return relationsOf(user, f, ctx)[0] ?? null;
}
