export {
  criteriaInForce,
  criteriaVersion,
  validateCriteriaSets,
  type CriteriaItem,
  type CriteriaSet,
} from './criteria.js';
export { DEMO_CRITERIA, DEMO_CRITERIA_VALID_FROM } from './defaults.js';
