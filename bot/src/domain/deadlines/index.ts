export {
  DEADLINE_RULES,
  DEEMED_NOTIFICATION_DAYS,
  DEFAULT_DEADLINE_CONFIG,
  RULES_BY_ID,
  type DeadlineConfig,
  type DeadlineRule,
  type LegalReference,
  type RuleId,
  type RuleSource,
  type Term,
  resolveDeadlineConfig,
  referenceIn,
  ruleById,
} from './rules.js';
export { appealStartOn, deemedNotificationDate, recordNotification } from './notification.js';
export {
  type CaseClockFacts,
  type ClientDelay,
  type Clock,
  type ClockId,
  type ClockState,
  type DecisionNotification,
  clientDelayDays,
  clockSeverity,
  compareClocks,
  computeClocks,
  dueDateOf,
  mostUrgentClock,
  sortClocks,
} from './clocks.js';
export {
  type ForwardedFrom,
  type PendingInput,
  LAW_GROUP_AGE,
  assertDateNotFuture,
  assertNotFuture,
  lawGroupsAt,
  resolvePendingAt,
  restartClocks,
} from './pending.js';
export { latePendingRows, type LatePendingRow } from './late-pending.js';
