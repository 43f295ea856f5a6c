export * from './model.js';
export {
  caseContributions,
  clockContributions,
  eventContributions,
  needsHistory,
  normaliseProviderType,
  normaliseUnitKind,
  placementCategory,
  type ProjectionContext,
} from './contributions.js';
export { byMonth, cellKey, clientsOf, emptyCell, mergeInto, monthOf, rollupMonth } from './rollup.js';
export { figure, isSmall, median, per1000, percentile, share, stockFigure } from './stats.js';
export { protectGroup } from './protect.js';
export { buildReport, monthsBetween, VOLUME_FIELDS, type Report, type VolumeField } from './report.js';
export { reportCsv } from './csv.js';
export { queuedPastLimitContributions, queuedPastLimitSummary, withQueuedPastLimit, type QueuedClock } from './queued-past-limit.js';
