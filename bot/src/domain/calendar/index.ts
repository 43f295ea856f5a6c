export {
  createWorkingCalendar,
  type NonWorkingReason,
  type WorkingCalendar,
  type WorkingCalendarOptions,
} from './calendar.js';
export { HOLIDAY_KEYS, type HolidayKey, finnishHolidays, holidayDate } from './holidays.js';
export {
  HELSINKI_TZ,
  type DateParts,
  addDays,
  addMonths,
  compareLocalDate,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  helsinkiDate,
  helsinkiHour,
  helsinkiStartOfDay,
  isLocalDate,
  isoWeekday,
  maxLocalDate,
  minLocalDate,
  parseLocalDate,
} from './localDate.js';
