// Shared by the commands' options steps (src/cli/options.ts): the clock enters here, never in the core.
import { formatISO } from 'date-fns/formatISO';
import type { IsoDate } from '../core/calendarDate.js';

export function today(): IsoDate {
  return formatISO(new Date(), { representation: 'date' });
}

/** Ranges of the options (issue 13: every option range-checked, exit 2): dates that payroll data can hold, windows of a few years. */
export const OPTION_LIMITS = {
  firstDate: '1900-01-01',
  lastDate: '2199-12-31',
  /** --months, and the length of a --from/--to window: five years. */
  maxMonths: 60,
} as const;
