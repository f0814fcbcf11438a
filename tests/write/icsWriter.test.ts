import { describe, expect, it } from 'vitest';
import { meetingUid } from '../../src/render/mailModel.js';
import { buildMeetingRequest, stockholmToUtcMs, type MeetingRequest } from '../../src/write/icsWriter.js';

const base: MeetingRequest = {
  start: '2027-02-16 09:00',
  end: '2027-02-16 10:00',
  location: 'Rum Ekorren',
  title: 'Rehabiliteringsuppföljning våren 2027',
  description: 'Hej Karin,\nvi går igenom rehabiliteringsarbetet; planering, stöd och uppföljning. Åäö åäö åäö åäö åäö åäö åäö åäö.',
  organizer: { name: 'Sara Holm', email: 'sara.holm@kommun.example' },
  attendee: { name: 'Karin Lindqvist', email: 'karin.lindqvist@kommun.example' },
  uid: meetingUid(['bilaga1', '2027-vår', 'sara.holm@kommun.example', 'karin.lindqvist@kommun.example']),
  stamp: new Date(Date.UTC(2027, 0, 20, 12, 0)),
};

/** Content lines with folding undone (RFC 5545 3.1: CRLF followed by one space or tab). */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((line) => line !== '');
}

function property(ics: string, name: string): string | undefined {
  return contentLines(ics).find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

describe('Stockholm wall-clock time → UTC', () => {
  it.each([
    // CET (UTC+1) in winter, CEST (UTC+2) in summer.
    ['2027-02-16 09:00', Date.UTC(2027, 1, 16, 8, 0)],
    ['2027-09-14 09:00', Date.UTC(2027, 8, 14, 7, 0)],
    ['2027-02-16T23:30', Date.UTC(2027, 1, 16, 22, 30)],
    // 2027-03-28 is the last Sunday in March: clocks go 02:00 → 03:00 (01:00Z).
    ['2027-03-28 01:30', Date.UTC(2027, 2, 28, 0, 30)],
    ['2027-03-28 03:30', Date.UTC(2027, 2, 28, 1, 30)],
    // 2027-10-31 is the last Sunday in October: back to CET at 01:00Z.
    ['2027-10-30 12:00', Date.UTC(2027, 9, 30, 10, 0)],
    ['2027-10-31 12:00', Date.UTC(2027, 9, 31, 11, 0)],
    // 02:00–02:59 happens twice that night; the second time, in normal time (UTC+1), is the one taken (docs/decisions.md).
    ['2027-10-31 02:30', Date.UTC(2027, 9, 31, 1, 30)],
  ])('%s → %s', (local, utc) => {
    expect(stockholmToUtcMs(local)).toBe(utc);
  });

  it('rejects other forms', () => {
    expect(() => stockholmToUtcMs('16/2 2027 9:00')).toThrow(RangeError);
  });
});

describe('meeting request (.ics)', () => {
  const february = buildMeetingRequest(base);
  const september = buildMeetingRequest({ ...base, start: '2027-09-14 09:00', end: '2027-09-14 10:00' });

  it('is a REQUEST with times in UTC', () => {
    expect(property(february, 'METHOD')).toBe('METHOD:REQUEST');
    expect(property(february, 'DTSTART')).toBe('DTSTART:20270216T080000Z');
    expect(property(february, 'DTEND')).toBe('DTEND:20270216T090000Z');
    expect(property(september, 'DTSTART')).toBe('DTSTART:20270914T070000Z');
    expect(property(september, 'DTEND')).toBe('DTEND:20270914T080000Z');
    expect(property(february, 'DTSTAMP')).toBe('DTSTAMP:20270120T120000Z');
    expect(property(february, 'SEQUENCE')).toBe('SEQUENCE:0');
  });

  it('names organizer and attendee', () => {
    expect(property(february, 'ORGANIZER')).toBe('ORGANIZER;CN="Sara Holm":MAILTO:sara.holm@kommun.example');
    expect(property(february, 'ATTENDEE')).toBe(
      'ATTENDEE;RSVP=TRUE;ROLE="REQ-PARTICIPANT";PARTSTAT="NEEDS-ACTION";CN="Karin Lindqvist":mailto:karin.lindqvist@kommun.example',
    );
  });

  it('keeps å/ä/ö and escapes text values', () => {
    expect(property(february, 'SUMMARY')).toBe('SUMMARY:Rehabiliteringsuppföljning våren 2027');
    expect(property(february, 'LOCATION')).toBe('LOCATION:Rum Ekorren');
    expect(property(february, 'DESCRIPTION')).toBe(
      'DESCRIPTION:Hej Karin\\,\\nvi går igenom rehabiliteringsarbetet\\; planering\\, stöd och uppföljning. Åäö åäö åäö åäö åäö åäö åäö åäö.',
    );
  });

  it('folds lines at 75 octets with CRLF, never inside a character', () => {
    const physical = february.split('\r\n');
    expect(physical.length).toBeGreaterThan(contentLines(february).length);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(february).not.toContain('\uFFFD');
    expect(february.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('a double quote in a name cannot break the parameter', () => {
    const quoted = buildMeetingRequest({ ...base, attendee: { name: 'Karin "Kajsa" Lindqvist', email: 'karin.lindqvist@kommun.example' } });
    expect(property(quoted, 'ATTENDEE')).toContain(`CN="Karin 'Kajsa' Lindqvist":mailto:`);
  });

  it('an empty location is left out', () => {
    expect(property(buildMeetingRequest({ ...base, location: '' }), 'LOCATION')).toBeUndefined();
  });

  it('refuses a meeting that ends before it starts', () => {
    expect(() => buildMeetingRequest({ ...base, end: '2027-02-16 08:59' })).toThrow(RangeError);
  });
});

describe('meetingUid', () => {
  const parts = ['bilaga1', '2027-vår', 'sara.holm@kommun.example', 'karin.lindqvist@kommun.example'];

  it('is stable, ignores case and names no one', () => {
    const uid = meetingUid(parts);
    expect(uid).toMatch(/^[0-9a-f]{32}@rehab$/);
    expect(meetingUid(parts.map((part) => part.toUpperCase()))).toBe(uid);
    expect(meetingUid(['bilaga1', '2027-höst', parts[2]!, parts[3]!])).not.toBe(uid);
    expect(property(buildMeetingRequest(base), 'UID')).toBe(`UID:${uid}`);
  });
});
