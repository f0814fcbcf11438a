// Mail drafts and meeting requests as plain data: the plan carries these; src/write/emlWriter.ts and
// src/write/icsWriter.ts turn them into .eml and .ics text.
import { createHash } from 'node:crypto';

export interface MailAddress {
  name: string;
  email: string;
}

export interface MeetingRequestModel {
  /** Local Europe/Stockholm wall-clock time, 'YYYY-MM-DD HH:mm'. */
  start: string;
  end: string;
  location: string;
  title: string;
  description: string;
  organizer: MailAddress;
  attendee: MailAddress;
  /** Stable across runs so a re-sent request updates the same event (see meetingUid). */
  uid: string;
  /** Raise it when a request with the same uid is sent again with changes. */
  sequence?: number;
  /** DTSTAMP, an ISO instant: the run's time, passed in so planning stays free of the clock. */
  stamp: string;
}

export interface MailModel {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** Date header, an ISO instant (the run's time). */
  date: string;
  /** Sent along as text/calendar and as an attached file of this name. */
  meetingRequest?: { model: MeetingRequestModel; fileName: string };
}

/** A UID that names no one: a hash of whatever identifies the meeting (kind, period, e-mail addresses). */
export function meetingUid(parts: readonly string[]): string {
  const digest = createHash('sha256').update(parts.map((part) => part.trim().toLowerCase()).join('\u0000')).digest('hex');
  return `${digest.slice(0, 32)}@rehab`;
}
