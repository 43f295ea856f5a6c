/**
 * The case state machine (SPEC "The workflow", steps 1-8). Pure: no I/O, no clock.
 *
 * One table, TRANSITIONS, lists every allowed move. Each (from, action) pair has exactly one
 * target, so the UI can show buttons from `allowedActions()` and the timeline reads the same
 * forever. Rows with a `when` guard need the case's latest decision outcome in the context:
 * a refused decision can only be closed or reassessed, a granted one queued or placed.
 *
 * Choices (documented for the rest of the app):
 * - No reopen. A CLOSED case stays closed: its retention period runs from the closing, and a new
 *   contact starts a new case with its own vireilletulo (the legal clocks start there).
 * - `rebook` is SAP → SAP (the booking moves to another meeting); `cancelSap` and
 *   `moreInfoNeeded` send the case back to ASSESSMENT until the worker books again.
 * - `close` needs a CloseReason; OTHER needs a note (DomainError 'validation', field 'note').
 */
import { CASE_STATES, CLOSE_REASONS } from '../types.js';
import type { Actor, CaseState, CloseReason, Instant } from '../types.js';
import { DomainError } from '../errors.js';

export const CASE_ACTIONS = [
  'startAssessment',
  'bookSap',
  'rebook',
  'cancelSap',
  'moreInfoNeeded',
  'decide',
  'reassess',
  'queue',
  'place',
  'needChanged',
  'close',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const DECISION_RESULTS = ['granted', 'refused'] as const;
export type DecisionResult = (typeof DECISION_RESULTS)[number];

export interface TransitionRule {
  action: CaseAction;
  from: CaseState;
  to: CaseState;
  /** Only allowed when the case's latest decision has this outcome. */
  when?: DecisionResult;
  /** What the move means, for docs and reviewers (the UI text lives in the locale files). */
  note: string;
}

export const OPEN_STATES = CASE_STATES.filter((s) => s !== 'CLOSED') as readonly Exclude<CaseState, 'CLOSED'>[];

export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'startAssessment', from: 'RECEIVED', to: 'ASSESSMENT', note: 'assessment assigned and started' },
  { action: 'bookSap', from: 'ASSESSMENT', to: 'SAP', note: 'worker booked a SAP slot' },
  { action: 'rebook', from: 'SAP', to: 'SAP', note: 'booking moved to another meeting' },
  { action: 'cancelSap', from: 'SAP', to: 'ASSESSMENT', note: 'booking cancelled' },
  { action: 'moreInfoNeeded', from: 'SAP', to: 'ASSESSMENT', note: 'SAP group asked for more information' },
  { action: 'decide', from: 'SAP', to: 'DECIDED', note: 'decision made (granted or refused)' },
  { action: 'reassess', from: 'DECIDED', to: 'ASSESSMENT', when: 'refused', note: 'refused; new information or a request for review' },
  { action: 'queue', from: 'DECIDED', to: 'QUEUED', when: 'granted', note: 'no place free: client queued' },
  { action: 'place', from: 'DECIDED', to: 'PLACED', when: 'granted', note: 'a unit was free at once' },
  { action: 'place', from: 'QUEUED', to: 'PLACED', note: 'offer accepted, client placed' },
  { action: 'needChanged', from: 'DECIDED', to: 'ASSESSMENT', when: 'granted', note: 'need changed before queueing' },
  { action: 'needChanged', from: 'QUEUED', to: 'ASSESSMENT', note: 'need changed while queued' },
  { action: 'needChanged', from: 'PLACED', to: 'ASSESSMENT', note: 'follow-up found a changed need' },
  ...OPEN_STATES.map((from): TransitionRule => ({ action: 'close', from, to: 'CLOSED', note: 'case closed with a reason' })),
];

/** One entry of the case timeline. */
export interface CaseEvent {
  type: CaseAction;
  from: CaseState;
  to: CaseState;
  at: Instant;
  actor: Actor;
  /** The CloseReason for `close`; null otherwise. */
  reason: CloseReason | null;
  /** Why, in the actor's own words (optional except for close with OTHER). Not client names. */
  note: string | null;
  /** For `decide`: the outcome. For guarded rows: the outcome the guard checked. */
  decision: DecisionResult | null;
}

export interface TransitionContext {
  actor: Actor;
  at: Instant;
  /** Required for `close`. */
  reason?: CloseReason;
  note?: string;
  /** Required for `decide`, and for the guarded moves out of DECIDED (the latest decision). */
  decision?: DecisionResult;
}

export interface TransitionResult {
  to: CaseState;
  event: CaseEvent;
}

const ruleMatches = (r: TransitionRule, from: CaseState, decision: DecisionResult | undefined): boolean =>
  r.from === from && (r.when === undefined || r.when === decision);

/**
 * Actions allowed from a state. Out of DECIDED, pass the latest decision's outcome; without it
 * only the unguarded actions (close) are listed.
 */
export function allowedActions(state: CaseState, decision?: DecisionResult): CaseAction[] {
  const out: CaseAction[] = [];
  for (const r of TRANSITIONS) {
    if (ruleMatches(r, state, decision) && !out.includes(r.action)) out.push(r.action);
  }
  return out;
}

/** True when some row allows `action` from `state` (ignoring decision guards). */
export function isKnownMove(state: CaseState, action: CaseAction): boolean {
  return TRANSITIONS.some((r) => r.from === state && r.action === action);
}

const isInstant = (s: unknown): s is Instant =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(s) && Number.isFinite(Date.parse(s));

function checkContext(action: CaseAction, ctx: TransitionContext): void {
  if (!ctx.actor || typeof ctx.actor.userId !== 'string' || ctx.actor.userId === '') {
    throw new DomainError('validation', 'The transition needs an actor', { field: 'actor' });
  }
  if (!isInstant(ctx.at)) {
    throw new DomainError('validation', 'The transition needs a valid instant', { field: 'at' });
  }
  if (action === 'decide' && ctx.decision === undefined) {
    throw new DomainError('validation', 'A decision needs its outcome', { field: 'decision', allowed: [...DECISION_RESULTS] });
  }
  if (action === 'close') {
    if (ctx.reason === undefined || !CLOSE_REASONS.includes(ctx.reason)) {
      throw new DomainError('validation', 'Closing a case needs a reason', { field: 'reason', allowed: [...CLOSE_REASONS] });
    }
    if (ctx.reason === 'OTHER' && !ctx.note?.trim()) {
      throw new DomainError('validation', 'Reason OTHER needs a note', { field: 'note', reason: 'OTHER' });
    }
  }
}

/**
 * Move a case. Throws DomainError('case.wrongState', …, { from, action, allowed, needsDecision? })
 * when the table has no row for the move (or its decision guard fails), checked first; then
 * 'validation' { field } for a bad context (actor, at, decision, reason, note).
 */
export function transition(from: CaseState, action: CaseAction, ctx: TransitionContext): TransitionResult {
  if (!CASE_STATES.includes(from)) {
    throw new DomainError('validation', 'Unknown case state', { field: 'state', allowed: [...CASE_STATES] });
  }
  if (!CASE_ACTIONS.includes(action)) {
    throw new DomainError('validation', 'Unknown action', { field: 'action', allowed: [...CASE_ACTIONS] });
  }
  if (!ctx) throw new DomainError('validation', 'The transition needs a context', { field: 'actor' });
  if (ctx.decision !== undefined && !DECISION_RESULTS.includes(ctx.decision)) {
    throw new DomainError('validation', 'Unknown decision outcome', { field: 'decision', allowed: [...DECISION_RESULTS] });
  }
  // `decide` records the outcome it makes; guarded rows check the latest one.
  const guardDecision = action === 'decide' ? undefined : ctx.decision;
  const rule = TRANSITIONS.find((r) => r.action === action && ruleMatches(r, from, guardDecision));
  if (!rule) {
    throw new DomainError('case.wrongState', `Action ${action} is not allowed in state ${from}`, {
      from,
      action,
      allowed: allowedActions(from, ctx.decision),
      ...(isKnownMove(from, action) ? { needsDecision: TRANSITIONS.find((r) => r.from === from && r.action === action)?.when } : {}),
    });
  }
  checkContext(action, ctx);
  const note = ctx.note?.trim() ? ctx.note.trim() : null;
  const event: CaseEvent = {
    type: action,
    from,
    to: rule.to,
    at: ctx.at,
    actor: { userId: ctx.actor.userId, name: ctx.actor.name },
    reason: action === 'close' ? (ctx.reason ?? null) : null,
    note,
    decision: action === 'decide' || rule.when ? (ctx.decision ?? null) : null,
  };
  return { to: rule.to, event };
}

/** Replays a timeline from RECEIVED; returns the final state or throws on the first step the table does not allow. */
export function replay(events: readonly CaseEvent[]): CaseState {
  let state: CaseState = 'RECEIVED';
  for (const e of events) {
    const inTable = TRANSITIONS.some((r) => r.from === e.from && r.action === e.type && r.to === e.to);
    if (e.from !== state || !inTable) {
      throw new DomainError('case.wrongState', 'Timeline is broken', { from: state, action: e.type, allowed: allowedActions(state) });
    }
    state = e.to;
  }
  return state;
}
