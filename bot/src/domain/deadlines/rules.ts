/**
 * THE table of deadline rules (SPEC.md "Deadlines"). Every clock Polku shows comes from one row
 * here, and shows its source (law or the county's own target) and legal reference.
 * The county's targets are configuration (DeadlineConfig); the law's terms are constants here.
 */
import { DomainError } from '../errors.js';

export type RuleSource = 'law' | 'county';

export type RuleId =
  | 'urgentAssessment'
  | 'assessmentStart.law'
  | 'assessmentStart.county'
  | 'assessmentFinish.law'
  | 'assessmentFinish.county'
  | 'implementation'
  | 'implementation.urgent'
  | 'appeal';

/** How a due date is computed from the start date (before moving off non-working days). */
export type Term =
  | { kind: 'sameDay' }
  | { kind: 'workingDays'; n: number }
  | { kind: 'months'; n: number }
  | { kind: 'days'; n: number };

export interface DeadlineConfig {
  /** County target for starting the assessment, working days after vireilletulo (default 7). */
  assessmentStartWorkingDays: number;
  /** County target for finishing an adult's assessment, months from vireilletulo (default 3). */
  assessmentFinishMonths: number;
  /** A running clock is 'dueSoon' when at most this many working days are left (default 2). */
  dueSoonWorkingDays: number;
  /** The county's office hours (Helsinki, whole hours) on working days: outside them an urgent case goes to the after-hours service. */
  officeOpensHour: number;
  officeClosesHour: number;
}

export const DEFAULT_DEADLINE_CONFIG: Readonly<DeadlineConfig> = Object.freeze({
  assessmentStartWorkingDays: 7,
  assessmentFinishMonths: 3,
  dueSoonWorkingDays: 2,
  officeOpensHour: 8,
  officeClosesHour: 16,
});

/** Hallintolaki 59 § / laki sähköisestä asioinnista 19 §: deemed receipt after sending. */
export const DEEMED_NOTIFICATION_DAYS = Object.freeze({ post: 7, electronic: 3 } as const);

/**
 * A legal reference as each language cites it: Finnish SHL (sosiaalihuoltolaki) and HL
 * (hallintolaki); Swedish SVL (socialvårdslagen 1301/2014) and FL (förvaltningslagen 434/2003),
 * see GLOSSARY.md. The English UI cites the Finnish abbreviations.
 */
export interface LegalReference {
  fi: string;
  sv: string;
}

export interface DeadlineRule {
  id: RuleId;
  source: RuleSource;
  /** The reference per language: the one place to change it. */
  references: LegalReference;
  /** The Finnish reference (= references.fi), kept for older readers (reports, CSV, API clients). */
  reference: string;
  description: string;
  /** What starts the clock. */
  startsAt: 'vireilletulo' | 'notification';
  term(config: DeadlineConfig): Term;
}

const ROWS: readonly Omit<DeadlineRule, 'reference'>[] = [
  {
    id: 'urgentAssessment',
    source: 'law',
    references: { fi: 'SHL 35 ja 36 §', sv: 'SVL 35 och 36 §' },
    description:
      'Urgent need: the assessment starts at once, on the day of vireilletulo, also on a weekend or ' +
      'a holiday (the after-hours service when the office is closed).',
    startsAt: 'vireilletulo',
    term: () => ({ kind: 'sameDay' }),
  },
  {
    id: 'assessmentStart.law',
    source: 'law',
    references: { fi: 'SHL 36 §', sv: 'SVL 36 §' },
    description:
      'Assessment starts without delay, at the latest on the 7th working day after vireilletulo ' +
      '(over 75, highest care allowance, child with special support needs).',
    startsAt: 'vireilletulo',
    term: () => ({ kind: 'workingDays', n: 7 }),
  },
  {
    id: 'assessmentStart.county',
    source: 'county',
    references: { fi: 'SHL 36 §', sv: 'SVL 36 §' },
    description: "Assessment starts without delay; the county's target in working days after vireilletulo.",
    startsAt: 'vireilletulo',
    term: (c) => ({ kind: 'workingDays', n: c.assessmentStartWorkingDays }),
  },
  {
    id: 'assessmentFinish.law',
    source: 'law',
    references: { fi: 'SHL 36 §', sv: 'SVL 36 §' },
    description: "A child's assessment is finished at the latest 3 months after vireilletulo.",
    startsAt: 'vireilletulo',
    term: () => ({ kind: 'months', n: 3 }),
  },
  {
    id: 'assessmentFinish.county',
    source: 'county',
    references: { fi: 'SHL 36 §', sv: 'SVL 36 §' },
    description: "Assessment finished without undue delay; the county's target in months after vireilletulo.",
    startsAt: 'vireilletulo',
    term: (c) => ({ kind: 'months', n: c.assessmentFinishMonths }),
  },
  {
    id: 'implementation',
    source: 'law',
    references: { fi: 'SHL 45 §', sv: 'SVL 45 §' },
    description:
      'Decision implemented at the latest 3 months after vireilletulo; extended only by delays ' +
      'the client caused (recorded). Lack of places is no excuse.',
    startsAt: 'vireilletulo',
    term: () => ({ kind: 'months', n: 3 }),
  },
  {
    id: 'implementation.urgent',
    source: 'law',
    references: { fi: 'SHL 45 §', sv: 'SVL 45 §' },
    description:
      'Urgent case: decision implemented without delay; Polku marks it due on the first working ' +
      'day after vireilletulo.',
    startsAt: 'vireilletulo',
    term: () => ({ kind: 'workingDays', n: 1 }),
  },
  {
    id: 'appeal',
    source: 'law',
    references: { fi: 'HL 49 c §, 59 §', sv: 'FL 49 c §, 59 §' },
    description:
      'Request for review within 30 days of notification; a decision sent by post counts as ' +
      'received on the 7th day after sending, an electronic one on the 3rd day.',
    startsAt: 'notification',
    term: () => ({ kind: 'days', n: 30 }),
  },
];

export const DEADLINE_RULES: readonly DeadlineRule[] = Object.freeze(
  ROWS.map((r) => Object.freeze({ ...r, references: Object.freeze({ ...r.references }), reference: r.references.fi })),
);

/** The reference of a rule in a language ('en' and unknown languages cite the Finnish one). */
export const referenceIn = (rule: Pick<DeadlineRule, 'references'>, language: string): string =>
  language === 'sv' ? rule.references.sv : rule.references.fi;

export const RULES_BY_ID: Readonly<Record<RuleId, DeadlineRule>> = Object.freeze(
  Object.fromEntries(DEADLINE_RULES.map((r) => [r.id, r])) as Record<RuleId, DeadlineRule>,
);

export const ruleById = (id: RuleId): DeadlineRule => RULES_BY_ID[id];

/** Defaults merged with overrides; throws DomainError('validation') for a bad value. */
export const resolveDeadlineConfig = (overrides: Partial<DeadlineConfig> = {}): DeadlineConfig => {
  const config: DeadlineConfig = { ...DEFAULT_DEADLINE_CONFIG };
  for (const key of Object.keys(DEFAULT_DEADLINE_CONFIG) as (keyof DeadlineConfig)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    const min = key === 'dueSoonWorkingDays' || key === 'officeOpensHour' ? 0 : 1;
    const max = key === 'officeOpensHour' || key === 'officeClosesHour' ? 24 : 1000;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new DomainError('validation', `Deadline config ${key} must be an integer ≥ ${min}: ${value}`, {
        field: key,
      });
    }
    config[key] = value;
  }
  if (config.officeOpensHour >= config.officeClosesHour)
    throw new DomainError('validation', 'Office hours must open before they close', { field: 'officeOpensHour' });
  return config;
};
