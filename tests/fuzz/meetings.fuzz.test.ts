// Fuzzing meeting times (issue 13: a time in the DST gap crashed prep): every meeting that readMeetings accepts
// becomes a meeting request that starts before it ends; everything else is an InputError naming file, line, field.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readMeetings } from '../../src/input/meetings.js';
import { buildMeetingRequest } from '../../src/write/icsWriter.js';
import { count, countOutcome, numRuns, reportCounts } from './harness.js';

const work = mkdtempSync(join(tmpdir(), 'rehab-fuzz-meetings-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  reportCounts('meetings');
});

const PROPERTY = 'meeting times';
// The nights the clocks change (last Sunday of March and October), and ordinary days.
const day = fc.oneof(
  fc.constantFrom('2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2028-03-26', '2028-10-29'),
  fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);
// Hours around 02:00–03:00 often, where the clocks jump.
const clock = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 3 })), fc.oneof(fc.integer({ min: 0, max: 61 }), fc.constantFrom(0, 30, 59)), fc.boolean()).map(([hour, minute, pad]) => `${pad ? String(hour).padStart(2, '0') : hour}:${String(minute).padStart(2, '0')}`);

describe('meeting times on any day, also the nights the clocks change', () => {
  it('property: accepted meetings give a request that starts before it ends; the rest is a Swedish InputError', () => {
    let index = 0;
    fc.assert(
      fc.property(day, clock, clock, (date, start, end) => {
        count(PROPERTY);
        index += 1;
        const path = join(work, `${index}.csv`);
        writeFileSync(path, `chef_epost;start;slut;plats\r\nchef@kommun.example;${date} ${start};${date} ${end};Rum 1\r\n`);
        try {
          for (const meeting of readMeetings(path)) {
            const ics = buildMeetingRequest({
              start: meeting.start, end: meeting.end, location: meeting.location, title: 'Möte', description: 'Text',
              organizer: { name: 'HR', email: 'hr@kommun.example' }, attendee: { name: 'Chef', email: 'chef@kommun.example' },
              uid: 'x@rehab', stamp: new Date(Date.UTC(2027, 0, 1)),
            });
            const [dtStart, dtEnd] = [/DTSTART:(\d{8}T\d{6}Z)/.exec(ics)![1]!, /DTEND:(\d{8}T\d{6}Z)/.exec(ics)![1]!];
            expect(dtStart < dtEnd).toBe(true);
          }
          countOutcome(PROPERTY, 'accepted');
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          countOutcome(PROPERTY, 'InputError');
          for (const line of error.formatLines()) expect(line).toMatch(/^\d+\.csv:2: (start|slut): .+/);
        } finally {
          rmSync(path);
        }
      }),
      { numRuns: numRuns(200, 10_000) },
    );
  });
});
