// Shared by the commands' options steps (src/cli/options.ts): the clock enters here, never in the core.
import { format as formatDate } from 'date-fns';
import { ConfigError } from '../errors.js';
import { isValidIsoDate, type IsoDate } from '../core/calendarDate.js';

export function today(): IsoDate {
  return formatDate(new Date(), 'yyyy-MM-dd');
}

/** Ranges of the options (issue 13: every option range-checked, exit 2): dates that payroll data can hold, windows of a few years. */
export const OPTION_LIMITS = {
  firstDate: '1900-01-01',
  lastDate: '2199-12-31',
  /** --months, and the length of a --from/--to window: five years. */
  maxMonths: 60,
} as const;

/** A date given on the command line: YYYY-MM-DD or YYYYMMDD, in 1900–2199. */
export function parseDateOption(value: string, option: string): IsoDate {
  const iso = /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
  if (!isValidIsoDate(iso)) throw new ConfigError(`${option}: ogiltigt datum (${value}), ange ÅÅÅÅ-MM-DD`, option);
  if (iso < OPTION_LIMITS.firstDate || iso > OPTION_LIMITS.lastDate) {
    throw new ConfigError(`${option}: datumet ${iso} ligger utanför ${OPTION_LIMITS.firstDate} – ${OPTION_LIMITS.lastDate}`, option);
  }
  return iso;
}

export function parseAsOf(value: string | undefined): IsoDate {
  return value === undefined ? today() : parseDateOption(value, '--as-of');
}
