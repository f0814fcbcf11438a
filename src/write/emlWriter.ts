// Mail drafts (.eml) with nodemailer's MailComposer: X-Unsent: 1 makes Outlook open them ready to send.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MailAddress } from '../render/mailModel.js';

export interface EmlDraft {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** Date header; defaults to now. */
  date?: Date;
  /** A meeting request (.ics text, METHOD:REQUEST) sent along as text/calendar and as an attached file. */
  meetingRequest?: string;
  /** File name of the attached meeting request. */
  meetingFileName?: string;
}

export async function buildEml(draft: EmlDraft): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: draft.from.name, address: draft.from.email },
    to: { name: draft.to.name, address: draft.to.email },
    // A subject is one line: a newline from an edited template must not end the header.
    subject: draft.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
    text: draft.text,
    html: draft.html,
    date: draft.date ?? new Date(),
    headers: { 'X-Unsent': '1' },
    textEncoding: 'quoted-printable',
    ...(draft.meetingRequest
      ? { icalEvent: { method: 'REQUEST', content: draft.meetingRequest, filename: draft.meetingFileName ?? 'motesbokning.ics' } }
      : {}),
  });
  return composer.compile().build();
}
