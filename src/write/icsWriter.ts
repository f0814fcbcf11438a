// Meeting requests (.ics, METHOD:REQUEST) for the invitation mails, built with the `ics` package.
import { createEvent, type DateArray, type EventAttributes } from 'ics';
import type { MeetingRequestModel } from '../render/mailModel.js';
import { safeLine, safeText } from '../render/safeText.js';

export const MEETING_TIME_ZONE = 'Europe/Stockholm';

/** The plan's model, with DTSTAMP as a Date (default now) for direct callers. */
export type MeetingRequest = Omit<MeetingRequestModel, 'stamp'> & { stamp?: Date };

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

const stockholmParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Stockholm's offset from UTC in ms at an instant (+1 h in winter, +2 h in summer). */
function stockholmOffsetMs(utcMs: number): number {
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(stockholmParts.formatToParts(new Date(utcMs)).find((p) => p.type === type)?.value);
  const wallMs = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallMs - Math.floor(utcMs / 1000) * 1000;
}

/** 'YYYY-MM-DD HH:mm' in Stockholm → the UTC instant in ms. */
export function stockholmToUtcMs(localDateTime: string): number {
  const match = LOCAL_DATE_TIME.exec(localDateTime);
  if (!match) throw new RangeError(`not a local date-time 'YYYY-MM-DD HH:mm': ${localDateTime}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  // The offset depends on the instant we are looking for: guess with the wall time, then correct once (DST edges).
  const guess = wallMs - stockholmOffsetMs(wallMs);
  return wallMs - stockholmOffsetMs(guess);
}

function utcDateArray(utcMs: number): DateArray {
  const date = new Date(utcMs);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()];
}

// A parameter value cannot hold a double quote (RFC 5545 3.2); `ics` would backslash-escape it, which is invalid.
function paramSafe(name: string): string {
  return safeLine(name).replace(/"/g, "'");
}

/** Content lines are folded at 75 octets (RFC 5545 3.1); `ics` counts characters, so å/ä/ö could overshoot. */
function foldByOctets(ics: string): string {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .map((line) => {
      const chunks: string[] = [];
      let current = '';
      let currentOctets = 0;
      for (const char of line) {
        const octets = Buffer.byteLength(char, 'utf8');
        const limit = chunks.length === 0 ? 75 : 74;
        if (currentOctets + octets > limit) {
          chunks.push(current);
          current = '';
          currentOctets = 0;
        }
        current += char;
        currentOctets += octets;
      }
      chunks.push(current);
      return chunks.join('\r\n ');
    })
    .join('\r\n');
}

export function buildMeetingRequest(request: MeetingRequest): string {
  const startMs = stockholmToUtcMs(request.start);
  const endMs = stockholmToUtcMs(request.end);
  if (endMs <= startMs) throw new RangeError(`meeting ends before it starts: ${request.start} – ${request.end}`);
  // `timestamp` (DTSTAMP) is accepted by ics but missing from its typings.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//rehab//Rehabiliteringsuppfoljning//SV',
    method: 'REQUEST',
    uid: request.uid,
    sequence: request.sequence ?? 0,
    timestamp: (request.stamp ?? new Date()).getTime(),
    start: utcDateArray(startMs),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcDateArray(endMs),
    endInputType: 'utc',
    endOutputType: 'utc',
    // Properties are one line each (the description keeps its breaks, which `ics` escapes) and carry no control character (SPEC §7).
    title: safeLine(request.title),
    description: safeText(request.description),
    ...(request.location ? { location: safeLine(request.location) } : {}),
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    organizer: { name: paramSafe(request.organizer.name), email: safeLine(request.organizer.email) },
    attendees: [
      {
        name: paramSafe(request.attendee.name),
        email: safeLine(request.attendee.email),
        rsvp: true,
        partstat: 'NEEDS-ACTION',
        role: 'REQ-PARTICIPANT',
      },
    ],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`ics could not build the meeting request: ${error?.message ?? 'empty result'}`);
  return foldByOctets(value);
}
