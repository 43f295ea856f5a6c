import { describe, expect, it } from 'vitest';
import { CASE_STATES, CLOSE_REASONS } from '../../bot/src/domain/types.js';
import type { CaseState } from '../../bot/src/domain/types.js';
import { DomainError } from '../../bot/src/domain/errors.js';
import {
  CASE_ACTIONS,
  DECISION_RESULTS,
  OPEN_STATES,
  TRANSITIONS,
  allowedActions,
  replay,
  transition,
} from '../../bot/src/domain/workflow/index.js';
import type { CaseAction, CaseEvent, DecisionResult, TransitionContext } from '../../bot/src/domain/workflow/index.js';

const actor = { userId: 'u-worker-1', name: 'Testi Työntekijä' };
const at = '2025-03-04T08:15:00.000Z';

/** A context that satisfies every action's own requirements. */
const ctxFor = (action: CaseAction, decision?: DecisionResult): TransitionContext => ({
  actor,
  at,
  ...(action === 'close' ? { reason: 'NO_NEED' as const } : {}),
  ...(decision ? { decision } : action === 'decide' ? { decision: 'granted' as const } : {}),
});

function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

const expectedTarget = (from: CaseState, action: CaseAction, decision?: DecisionResult): CaseState | undefined => {
  const guard = action === 'decide' ? undefined : decision;
  return TRANSITIONS.find((r) => r.from === from && r.action === action && (r.when === undefined || r.when === guard))?.to;
};

describe('transition table', () => {
  it('has one target per (from, action, guard)', () => {
    const keys = TRANSITIONS.map((r) => `${r.from}|${r.action}|${r.when ?? '*'}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of TRANSITIONS) {
      if (r.when === undefined) {
        expect(TRANSITIONS.filter((o) => o.from === r.from && o.action === r.action)).toHaveLength(1);
      }
    }
  });

  it('uses only known states and actions, and nothing leaves CLOSED', () => {
    for (const r of TRANSITIONS) {
      expect(CASE_STATES).toContain(r.from);
      expect(CASE_STATES).toContain(r.to);
      expect(CASE_ACTIONS).toContain(r.action);
      expect(r.from).not.toBe('CLOSED');
    }
    expect(allowedActions('CLOSED')).toEqual([]);
    for (const d of DECISION_RESULTS) expect(allowedActions('CLOSED', d)).toEqual([]);
  });

  it('reaches every state from RECEIVED, and CLOSED from every open state', () => {
    const seen = new Set<CaseState>(['RECEIVED']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of TRANSITIONS) if (seen.has(r.from) && !seen.has(r.to)) (seen.add(r.to), (grew = true));
    }
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
    for (const s of OPEN_STATES) expect(allowedActions(s)).toContain('close');
  });

  it('follows the spec: forward path, need change back to assessment', () => {
    expect(expectedTarget('RECEIVED', 'startAssessment')).toBe('ASSESSMENT');
    expect(expectedTarget('ASSESSMENT', 'bookSap')).toBe('SAP');
    expect(expectedTarget('SAP', 'rebook')).toBe('SAP');
    expect(expectedTarget('SAP', 'moreInfoNeeded')).toBe('ASSESSMENT');
    expect(expectedTarget('SAP', 'decide')).toBe('DECIDED');
    expect(expectedTarget('DECIDED', 'queue', 'granted')).toBe('QUEUED');
    expect(expectedTarget('DECIDED', 'place', 'granted')).toBe('PLACED');
    expect(expectedTarget('QUEUED', 'place')).toBe('PLACED');
    expect(expectedTarget('PLACED', 'needChanged')).toBe('ASSESSMENT');
    expect(expectedTarget('QUEUED', 'needChanged')).toBe('ASSESSMENT');
    expect(expectedTarget('DECIDED', 'reassess', 'refused')).toBe('ASSESSMENT');
    expect(expectedTarget('DECIDED', 'close', 'refused')).toBe('CLOSED');
  });
});

describe('every (state, action, decision) against the table', () => {
  const decisions: (DecisionResult | undefined)[] = [undefined, ...DECISION_RESULTS];
  for (const from of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      for (const decision of decisions) {
        const to = expectedTarget(from, action, decision);
        const label = `${from} --${action}${decision ? `[${decision}]` : ''}--> ${to ?? 'forbidden'}`;
        it(label, () => {
          const ctx = ctxFor(action, decision);
          if (to) {
            const r = transition(from, action, ctx);
            expect(r.to).toBe(to);
            expect(r.event).toMatchObject({ type: action, from, to, at, actor });
            expect(allowedActions(from, ctx.decision)).toContain(action);
          } else {
            const e = catchError(() => transition(from, action, ctx));
            expect(e.code).toBe('case.wrongState');
            expect(e.details).toMatchObject({ from, action, allowed: allowedActions(from, ctx.decision) });
            expect(allowedActions(from, decision)).not.toContain(action);
          }
        });
      }
    }
  }
});

describe('decision guards', () => {
  it('lists actions out of DECIDED by the decision', () => {
    expect(allowedActions('DECIDED')).toEqual(['close']);
    expect(allowedActions('DECIDED', 'granted').sort()).toEqual(['close', 'needChanged', 'place', 'queue']);
    expect(allowedActions('DECIDED', 'refused').sort()).toEqual(['close', 'reassess']);
  });

  it('refuses to queue a refused case and says what is missing', () => {
    const e = catchError(() => transition('DECIDED', 'queue', { actor, at, decision: 'refused' }));
    expect(e.code).toBe('case.wrongState');
    expect(e.details).toMatchObject({ from: 'DECIDED', action: 'queue', needsDecision: 'granted' });
  });

  it('decide needs the outcome and records it', () => {
    expect(catchError(() => transition('SAP', 'decide', { actor, at })).code).toBe('validation');
    const r = transition('SAP', 'decide', { actor, at, decision: 'refused', note: '  criteria not met ' });
    expect(r.event).toMatchObject({ to: 'DECIDED', decision: 'refused', note: 'criteria not met', reason: null });
    expect(catchError(() => transition('SAP', 'decide', { actor, at, decision: 'maybe' as DecisionResult })).code).toBe('validation');
  });
});

describe('close', () => {
  it('needs a reason from the list', () => {
    const e = catchError(() => transition('QUEUED', 'close', { actor, at }));
    expect(e.code).toBe('validation');
    expect(e.details).toMatchObject({ field: 'reason', allowed: [...CLOSE_REASONS] });
    expect(catchError(() => transition('QUEUED', 'close', { actor, at, reason: 'BORED' as 'OTHER' })).code).toBe('validation');
  });

  it('OTHER needs a note', () => {
    expect(catchError(() => transition('PLACED', 'close', { actor, at, reason: 'OTHER', note: '   ' })).details).toMatchObject({ field: 'note' });
    const r = transition('PLACED', 'close', { actor, at, reason: 'OTHER', note: 'moved abroad' });
    expect(r.event).toMatchObject({ to: 'CLOSED', reason: 'OTHER', note: 'moved abroad' });
  });

  it('works from every open state with every reason', () => {
    for (const from of OPEN_STATES) {
      for (const reason of CLOSE_REASONS) {
        const r = transition(from, 'close', { actor, at, reason, note: 'x' });
        expect(r.to).toBe('CLOSED');
        expect(r.event.reason).toBe(reason);
      }
    }
  });

  it('has no way out of CLOSED (no reopen: a new contact starts a new case)', () => {
    for (const action of CASE_ACTIONS) {
      expect(catchError(() => transition('CLOSED', action, ctxFor(action))).code).toBe('case.wrongState');
    }
  });
});

describe('context checks', () => {
  it('needs an actor and a valid instant', () => {
    expect(catchError(() => transition('RECEIVED', 'startAssessment', { actor: { userId: '', name: 'x' }, at })).details).toMatchObject({ field: 'actor' });
    expect(catchError(() => transition('RECEIVED', 'startAssessment', { actor, at: 'yesterday' })).details).toMatchObject({ field: 'at' });
    expect(catchError(() => transition('RECEIVED', 'startAssessment', { actor, at: '2025-13-45T00:00:00Z' })).code).toBe('validation');
  });

  it('reports the wrong state before a bad context', () => {
    expect(catchError(() => transition('CLOSED', 'close', { actor, at })).code).toBe('case.wrongState');
    expect(catchError(() => transition('RECEIVED', 'decide', { actor, at })).code).toBe('case.wrongState');
  });

  it('rejects unknown states and actions', () => {
    expect(catchError(() => transition('LIMBO' as CaseState, 'close', ctxFor('close'))).code).toBe('validation');
    expect(catchError(() => transition('RECEIVED', 'teleport' as CaseAction, ctxFor('close'))).code).toBe('validation');
  });

  it('records only what the event needs', () => {
    const r = transition('RECEIVED', 'startAssessment', { actor: { ...actor, extra: 'no' } as typeof actor, at, reason: 'DIED' });
    expect(r.event).toEqual({ type: 'startAssessment', from: 'RECEIVED', to: 'ASSESSMENT', at, actor, reason: null, note: null, decision: null });
  });
});

describe('replay', () => {
  const step = (from: CaseState, action: CaseAction, decision?: DecisionResult): CaseEvent => transition(from, action, ctxFor(action, decision)).event;

  it('replays a full path, including a need change after placement', () => {
    const events = [
      step('RECEIVED', 'startAssessment'),
      step('ASSESSMENT', 'bookSap'),
      step('SAP', 'moreInfoNeeded'),
      step('ASSESSMENT', 'bookSap'),
      step('SAP', 'rebook'),
      step('SAP', 'decide', 'granted'),
      step('DECIDED', 'queue', 'granted'),
      step('QUEUED', 'place'),
      step('PLACED', 'needChanged'),
      step('ASSESSMENT', 'bookSap'),
      step('SAP', 'decide', 'granted'),
      step('DECIDED', 'place', 'granted'),
      step('PLACED', 'close'),
    ];
    expect(replay(events)).toBe('CLOSED');
  });

  it('rejects a broken or forged timeline', () => {
    const a = step('RECEIVED', 'startAssessment');
    expect(catchError(() => replay([a, a])).code).toBe('case.wrongState');
    expect(catchError(() => replay([{ ...a, to: 'PLACED' }])).code).toBe('case.wrongState');
  });
});
