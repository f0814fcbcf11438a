// Cell values of the exports: dates and numbers in the forms Swedish exports use; personnummer recognised.
import { isValidIsoDate, type IsoDate } from '../core/calendarDate.js';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const DATE_FORMS = [
  /^(\d{4})-(\d{2})-(\d{2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  // A time of day is dropped (the routine works on calendar days), but it must be a time that exists.
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/,
];

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** `YYYY-MM-DD`, `YYYYMMDD` or `YYYY-MM-DD hh:mm` → ISO date; it must be a real calendar date and time. */
export function parseDateCell(text: string): CellResult<IsoDate> {
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    if (!match) continue;
    const iso = `${match[1]}-${match[2]}-${match[3]}`;
    const year = Number(match[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, message: `orimligt årtal, ange ett år mellan ${MIN_YEAR} och ${MAX_YEAR}` };
    if (!isValidIsoDate(iso)) return { ok: false, message: 'datumet finns inte' };
    if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59)) {
      return { ok: false, message: 'klockslaget finns inte, ange tt:mm mellan 00:00 och 23:59' };
    }
    return { ok: true, value: iso };
  }
  return { ok: false, message: 'ogiltigt datum, ange ÅÅÅÅ-MM-DD' };
}

/** A decimal number; decimal comma or point, an optional trailing `%`. */
export function parseNumberCell(text: string): CellResult<number> {
  const match = /^([+-]?\d+(?:[.,]\d+)?)\s*%?$/.exec(text);
  if (!match) return { ok: false, message: 'ogiltigt tal' };
  return { ok: true, value: Number(match[1]!.replace(',', '.')) };
}

// (YY)YYMMDD, an optional - or +, four digits; the day may be a samordningsnummer day (+60).
const PERSONAL_NUMBER = /(?<!\d)(?:\d{2})?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?!\d)/;
const WHOLE_PERSONAL_NUMBER = new RegExp(`^${PERSONAL_NUMBER.source}$`);

/** True when the text holds something shaped like a personnummer or samordningsnummer (its value is then never shown). */
export function containsPersonalNumber(text: string): boolean {
  return PERSONAL_NUMBER.test(text);
}

/** True when the whole text is shaped like a personnummer or samordningsnummer. */
export function isPersonalNumberShaped(text: string): boolean {
  return WHOLE_PERSONAL_NUMBER.test(text);
}
