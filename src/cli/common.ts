// Option parsing shared by the commands: the clock enters here, never in the core.
import { format as formatDate } from 'date-fns';
import { ConfigError } from '../errors.js';
import { isValidIsoDate, type DateRange, type IsoDate } from '../core/calendarDate.js';
import { defaultWindow } from '../core/routineCalendar.js';

export function today(): IsoDate {
  return formatDate(new Date(), 'yyyy-MM-dd');
}

/** A date given on the command line: YYYY-MM-DD or YYYYMMDD. */
export function parseDateOption(value: string, option: string): IsoDate {
  const iso = /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
  if (!isValidIsoDate(iso)) throw new ConfigError(`${option}: ogiltigt datum (${value}), ange ÅÅÅÅ-MM-DD`, option);
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

/** The data window: --from/--to, or --months N, or the default six full months before the as-of month. */
export function resolveWindow(asOf: IsoDate, options: { months?: string; from?: string; to?: string }): DateRange {
  if (options.from !== undefined || options.to !== undefined) {
    if (options.months !== undefined) throw new ConfigError('--months kan inte kombineras med --from/--to', '--months');
    if (options.from === undefined || options.to === undefined) throw new ConfigError('--from och --to måste anges tillsammans', options.from === undefined ? '--from' : '--to');
    const from = parseDateOption(options.from, '--from');
    const to = parseDateOption(options.to, '--to');
    if (to < from) throw new ConfigError(`--to (${to}) ligger före --from (${from})`, '--to');
    return { from, to };
  }
  const months = options.months === undefined ? 6 : parsePositiveInt(options.months, '--months');
  return defaultWindow(asOf, months);
}
