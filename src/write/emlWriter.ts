// Mail drafts (.eml) with nodemailer's MailComposer: X-Unsent: 1 makes Outlook open them ready to send.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { MailAddress } from '../render/mailModel.js';
import { safeLine, safeText } from '../render/safeText.js';

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
  // Headers are one line each and no control character reaches a header or the body (SPEC §7): a CR/LF in chef_namn
  // would otherwise sit inside the encoded display name, which strict parsers reject.
  const composer = new MailComposer({
    from: { name: displayName(draft.from.name), address: safeLine(draft.from.email).trim() },
    to: { name: displayName(draft.to.name), address: safeLine(draft.to.email).trim() },
    subject: safeLine(draft.subject).replace(/ {2,}/g, ' ').trim(),
    text: safeText(draft.text),
    html: safeText(draft.html),
    date: draft.date ?? new Date(),
    headers: { 'X-Unsent': '1' },
    textEncoding: 'quoted-printable',
    ...(draft.meetingRequest
      ? { icalEvent: { method: 'REQUEST', content: draft.meetingRequest, filename: draft.meetingFileName ?? 'motesbokning.ics' } }
      : {}),
  });
  return composer.compile().build();
}

function displayName(name: string): string {
  return safeLine(name).replace(/ {2,}/g, ' ').trim();
}
