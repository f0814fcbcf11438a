// The --meetings CSV (chef_epost;start;slut;plats): one proposed follow-up meeting per unit manager.
import { basename } from 'node:path';
import { z } from 'zod';
import { isValidIsoDate } from '../core/calendarDate.js';
import { InputError, type InputProblem } from '../errors.js';
import { mapHeaders, readCsvFile } from './csvFile.js';
import { email as emailAddress } from './rowSchemas.js';
import './zodMessages.js'; // zod's messages in Swedish

export interface Meeting {
  /** Lower-cased, to be matched against chef_epost of anstallda.csv. */
  managerEmail: string;
  /** Local Europe/Stockholm wall-clock time, 'YYYY-MM-DD HH:mm'. */
  start: string;
  end: string;
  /** Room or place; '' when not given. */
  location: string;
  /** Physical line in the CSV file. */
  line: number;
}

const FIELDS = ['chef_epost', 'start', 'slut', 'plats'] as const;
const REQUIRED_FIELDS = ['chef_epost', 'start', 'slut'] as const;

// Excel may drop the leading zero of the hour or add seconds when it saves the file again.
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::00)?$/;

function requiredCell<T>(parse: (text: string) => { ok: true; value: T } | { ok: false; message: string }) {
  return z.string().transform((text, ctx): T => {
    const result = text === '' ? ({ ok: false, message: 'värde saknas' } as const) : parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });
}

/** 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DDTHH:mm' → 'YYYY-MM-DD HH:mm'. */
export function parseLocalDateTime(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const match = LOCAL_DATE_TIME.exec(text);
  if (!match) return { ok: false, message: 'ogiltig tidpunkt, ange ÅÅÅÅ-MM-DD TT:MM' };
  const [, date, hour, minute] = match as unknown as [string, string, string, string];
  if (!isValidIsoDate(date)) return { ok: false, message: 'datumet finns inte' };
  if (Number(hour) > 23 || Number(minute) > 59) return { ok: false, message: 'klockslaget finns inte' };
  const value = `${date} ${hour.padStart(2, '0')}:${minute}`;
  if (!existsInStockholm(value)) {
    return { ok: false, message: 'klockslaget finns inte i svensk tid: klockan ställs fram från 02.00 till 03.00 när sommartiden börjar' };
  }
  return { ok: true, value };
}

const stockholmWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

function stockholmWallTime(utcMs: number): string {
  const parts = Object.fromEntries(stockholmWallClock.formatToParts(new Date(utcMs)).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

/** False for a wall-clock time the clocks skip (02:00–02:59 on the last Sunday of March): neither +01:00 nor +02:00 gives it. */
function existsInStockholm(localDateTime: string): boolean {
  const wallMs = Date.parse(`${localDateTime.replace(' ', 'T')}:00Z`);
  return [1, 2].some((offsetHours) => stockholmWallTime(wallMs - offsetHours * 3_600_000) === localDateTime);
}

// The same address rule as chef_epost in anstallda.csv, lower-cased for matching.
const email = (text: string): { ok: true; value: string } | { ok: false; message: string } => {
  const checked = emailAddress(text);
  return checked.ok ? { ok: true, value: checked.value.toLowerCase() } : checked;
};

export const meetingRowSchema = z.object({
  chef_epost: requiredCell(email),
  start: requiredCell(parseLocalDateTime),
  slut: requiredCell(parseLocalDateTime),
  plats: z.string(),
});

/** The column naming whom a meeting is with: a unit manager (prep, Bilaga 1) or an HR specialist (aggregate, Bilaga 2). */
export type MeetingRecipientColumn = 'chef_epost' | 'hr_epost';

const DUPLICATE_MESSAGE: Record<MeetingRecipientColumn, string> = { chef_epost: 'chefen har redan ett möte', hr_epost: 'HR-specialisten har redan ett möte' };

/** Reads the meetings file; every problem of the file at once as an InputError (exit 3). */
export function readMeetings(path: string, recipient: MeetingRecipientColumn = 'chef_epost'): Meeting[] {
  if (recipient !== 'chef_epost') {
    // Same rules, another first column: read it as chef_epost and name the real column in messages.
    try {
      return readMeetingsWith(path, recipient);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new InputError(error.problems.map((problem) => ({
        ...problem,
        field: problem.field === 'chef_epost' ? recipient : problem.field,
        message: problem.message.replace('chef_epost', recipient).replace(DUPLICATE_MESSAGE.chef_epost, DUPLICATE_MESSAGE[recipient]),
      })));
    }
  }
  return readMeetingsWith(path, recipient);
}

function readMeetingsWith(path: string, recipient: MeetingRecipientColumn): Meeting[] {
  const file = basename(path);
  const csv = readCsvFile(path, file);
  const problems: InputProblem[] = [];
  if (csv.headers.length === 0) {
    throw new InputError([{ file, line: 0, field: '', message: 'filen är tom (rubrikrad saknas)' }]);
  }
  const headers = recipient === 'chef_epost' ? csv.headers : csv.headers.map((header) => (mapHeaders([header], [recipient]).has(recipient) ? 'chef_epost' : header));
  const columns = mapHeaders(headers, FIELDS);
  for (const field of REQUIRED_FIELDS) {
    if (!columns.has(field)) problems.push({ file, line: 1, field, message: `kolumnen saknas; rubrikraden ska vara ${FIELDS.join(';')}` });
  }
  if (problems.length > 0) throw new InputError(problems);

  const meetings: Meeting[] = [];
  const lineOfManager = new Map<string, number>();
  for (const record of csv.records) {
    const cells = Object.fromEntries(
      FIELDS.map((field) => {
        const index = columns.get(field);
        return [field, index === undefined ? '' : (record.values[index] ?? '').trim()];
      }),
    ) as Record<(typeof FIELDS)[number], string>;
    const result = meetingRowSchema.safeParse(cells);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? '') as (typeof FIELDS)[number];
        const value = cells[field];
        problems.push({ file, line: record.line, field, message: issue.message, ...(value ? { value } : {}) });
      }
      continue;
    }
    const row = result.data;
    if (row.slut <= row.start) {
      problems.push({ file, line: record.line, field: 'slut', message: 'mötet slutar innan eller samtidigt som det börjar', value: cells.slut });
      continue;
    }
    if (row.slut.slice(0, 10) !== row.start.slice(0, 10)) {
      problems.push({ file, line: record.line, field: 'slut', message: 'mötet ska sluta samma dag som det börjar', value: cells.slut });
      continue;
    }
    const earlierLine = lineOfManager.get(row.chef_epost);
    if (earlierLine !== undefined) {
      problems.push({ file, line: record.line, field: 'chef_epost', message: `chefen har redan ett möte på rad ${earlierLine}`, value: cells.chef_epost });
      continue;
    }
    lineOfManager.set(row.chef_epost, record.line);
    meetings.push({ managerEmail: row.chef_epost, start: row.start, end: row.slut, location: row.plats, line: record.line });
  }
  if (problems.length > 0) throw new InputError(problems);
  return meetings;
}
