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
export { STATS_FROM, median, per1000, percentile, roundedFigure, share, type Noise } from './stats.js';
export { buildReport, monthsBetween, VOLUME_FIELDS, type BuildReportInput, type Report, type VolumeField } from './report.js';
export { reportCsv } from './csv.js';
export { queuedPastLimitContributions, queuedPastLimitSummary, withQueuedPastLimit, type QueuedClock } from './queued-past-limit.js';
