// Option parsing shared by the commands: the clock enters here, never in the core.
import { format as formatDate } from 'date-fns';
import { ConfigError } from '../errors.js';
import { addMonths, isValidIsoDate, type DateRange, type IsoDate } from '../core/calendarDate.js';
import { defaultWindow } from '../core/routineCalendar.js';

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

export function parseChoice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(`${option}: ogiltigt värde (${value}), välj ett av: ${allowed.join(', ')}`, option);
}

export function parsePositiveInt(value: string, option: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigError(`${option}: ange ett positivt heltal (${value})`, option);
  return Number(value);
}

/** --months N: a whole number of months, 1–60. */
export function parseMonthsOption(value: string): number {
  const months = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(months >= 1 && months <= OPTION_LIMITS.maxMonths)) {
    throw new ConfigError(`--months: ange ett heltal från 1 till ${OPTION_LIMITS.maxMonths} (${value.slice(0, 20)})`, '--months');
  }
  return months;
}

/** The data window: --from/--to, or --months N, or the default six full months before the as-of month. */
export function resolveWindow(asOf: IsoDate, options: { months?: string; from?: string; to?: string }): DateRange {
  if (options.from !== undefined || options.to !== undefined) {
    if (options.months !== undefined) throw new ConfigError('--months kan inte kombineras med --from/--to', '--months');
    if (options.from === undefined || options.to === undefined) throw new ConfigError('--from och --to måste anges tillsammans', options.from === undefined ? '--from' : '--to');
    const from = parseDateOption(options.from, '--from');
    const to = parseDateOption(options.to, '--to');
    if (to < from) throw new ConfigError(`--to (${to}) ligger före --from (${from})`, '--to');
    if (to >= addMonths(from, OPTION_LIMITS.maxMonths)) {
      throw new ConfigError(`--from/--to: perioden får vara högst ${OPTION_LIMITS.maxMonths} månader (${from} – ${to})`, '--to');
    }
    return { from, to };
  }
  const months = options.months === undefined ? 6 : parseMonthsOption(options.months);
  return defaultWindow(asOf, months);
}
