export {
  HETU_CENTURY_SIGNS,
  HETU_CHECK_CHARS,
  type HetuErrorCode,
  type HetuResult,
  ageOn,
  assertHetu,
  hetuCheckChar,
  validateHetu,
} from './hetu.js';
