import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMailTemplates } from '../../src/input/mailTemplates.js';
import { compileInvitationMails } from '../../src/render/mailCompiler.js';
import { buildEml } from '../../src/write/emlWriter.js';
import { meetingUid } from '../../src/render/mailModel.js';
import { buildMeetingRequest } from '../../src/write/icsWriter.js';

// Python's standard email package is an independent reader of the MIME we write.
const PARSE_EML = `
import email, email.policy, json, sys
with open(sys.argv[1], 'rb') as handle:
    message = email.message_from_bytes(handle.read(), policy=email.policy.default)
parts = []
for part in message.walk():
    entry = {'type': part.get_content_type()}
    if not part.is_multipart():
        content = part.get_content()
        entry['content'] = content if isinstance(content, str) else content.decode('utf-8')
        entry['filename'] = part.get_filename()
        entry['method'] = part.get_param('method')
        entry['charset'] = part.get_content_charset()
    parts.append(entry)
to, sender = message['to'].addresses[0], message['from'].addresses[0]
print(json.dumps({
    'subject': message['subject'],
    'to': [to.display_name, to.addr_spec],
    'from': [sender.display_name, sender.addr_spec],
    'unsent': message['x-unsent'],
    'date': message['date'],
    'defects': len(message.defects),
    'parts': parts,
}))
`;

interface ParsedPart {
  type: string;
  content?: string;
  filename?: string | null;
  method?: string | null;
  charset?: string | null;
}

interface ParsedEml {
  subject: string;
  to: [string, string];
  from: [string, string];
  unsent: string;
  date: string;
  defects: number;
  parts: ParsedPart[];
}

const dir = mkdtempSync(join(tmpdir(), 'rehab-eml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parseWithPython(eml: Buffer, name: string): ParsedEml {
  const path = join(dir, name);
  writeFileSync(path, eml);
  const result = spawnSync('python3', ['-c', PARSE_EML, path], { encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as ParsedEml;
}

const mails = compileInvitationMails(readMailTemplates());
const hr = { name: 'Sara Öhman', email: 'sara.ohman@kommun.example' };
// The greeting takes the first word of the name, so the hostile characters stand in it.
const manager = { name: "Örjan<x>&'Ö O'Brien", email: 'orjan.obrien@kommun.example' };
const meeting = { start: '2027-02-16 09:00', end: '2027-02-16 10:00', location: 'Rum Ekorren' };
const mail = mails.followUp({ manager, sender: { name: hr.name, email: hr.email }, period: { season: 'spring', seasonYear: 2027 }, meeting });
const date = new Date(Date.UTC(2027, 0, 20, 8, 30));

describe('.eml draft (Bilaga 1)', () => {
  it('an Outlook draft with encoded headers and text + HTML alternatives', async () => {
    const eml = await buildEml({ from: hr, to: manager, subject: mail.subject, text: mail.text, html: mail.html, date });
    // Headers are 7-bit: å/ä/ö travel encoded.
    expect(eml.toString('latin1')).not.toMatch(/[\u0080-\u00ff]/);
    const parsed = parseWithPython(eml, 'bilaga1.eml');
    expect(parsed.defects).toBe(0);
    expect(parsed.subject).toBe('Inbjudan till rehabiliteringsuppföljning våren 2027');
    expect(parsed.to).toEqual(["Örjan<x>&'Ö O'Brien", 'orjan.obrien@kommun.example']);
    expect(parsed.from).toEqual(['Sara Öhman', 'sara.ohman@kommun.example']);
    expect(parsed.unsent).toBe('1');
    expect(parsed.date).toBe('Wed, 20 Jan 2027 08:30:00 +0000');
    expect(parsed.parts.map((part) => part.type)).toEqual(['multipart/alternative', 'text/plain', 'text/html']);
    const [, text, html] = parsed.parts;
    expect(text!.charset).toBe('utf-8');
    // Quoted-printable turns LF into CRLF on the wire; Python hands back LF.
    expect(text!.content).toBe(mail.text);
    expect(text!.content).toContain("Hej Örjan<x>&'Ö,");
    expect(text!.content).toContain('rehabiliteringsuppföljning våren 2027: tisdag 16 februari 2027 kl. 09.00–10.00, Rum Ekorren.');
    expect(html!.content).toBe(mail.html);
    expect(html!.content).toContain('<p>Hej Örjan&lt;x&gt;&amp;&#x27;Ö,</p>');
  });

  it('carries the meeting request as text/calendar; method=REQUEST and as an attached .ics', async () => {
    const ics = buildMeetingRequest({
      ...meeting,
      title: mail.subject,
      description: mail.text,
      organizer: hr,
      attendee: manager,
      uid: meetingUid(['bilaga1', '2027-vår', hr.email, manager.email]),
      stamp: date,
    });
    const eml = await buildEml({ from: hr, to: manager, subject: mail.subject, text: mail.text, html: mail.html, date, meetingRequest: ics });
    const parsed = parseWithPython(eml, 'bilaga1-mote.eml');
    expect(parsed.defects).toBe(0);
    expect(parsed.unsent).toBe('1');
    expect(parsed.parts.map((part) => part.type)).toEqual([
      'multipart/mixed',
      'multipart/alternative',
      'text/plain',
      'text/html',
      'text/calendar',
      'application/ics',
    ]);
    const calendar = parsed.parts[4]!;
    expect(calendar.method).toBe('REQUEST');
    // Line ends of a text part are the reader's business (Python gives CRLF back here); compare the lines.
    expect(calendar.content!.replace(/\r\n/g, '\n')).toBe(ics.replace(/\r\n/g, '\n'));
    const attachment = parsed.parts[5]!;
    expect(attachment.filename).toBe('motesbokning.ics');
    expect(attachment.content).toBe(ics);
    expect(attachment.content).toContain('DTSTART:20270216T080000Z');
  });

  it('a subject spread over lines by an edited template stays one header line', async () => {
    const eml = await buildEml({ from: hr, to: manager, subject: 'Inbjudan\r\nBcc: someone@example.com', text: 'x', html: '<p>x</p>', date });
    const parsed = parseWithPython(eml, 'subject.eml');
    expect(parsed.subject).toBe('Inbjudan Bcc: someone@example.com');
    expect(eml.toString('latin1')).not.toMatch(/^Bcc:/m);
  });
});
