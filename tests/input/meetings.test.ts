import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseLocalDateTime, readMeetings } from '../../src/input/meetings.js';

const dir = mkdtempSync(join(tmpdir(), 'rehab-meetings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, lines: string[], encoding: 'utf8' | 'win1252' = 'utf8'): string {
  const path = join(dir, name);
  const text = `${lines.join('\r\n')}\r\n`;
  writeFileSync(path, encoding === 'utf8' ? text : iconv.encode(text, 'win1252'));
  return path;
}

function problemsOf(path: string): string[] {
  try {
    readMeetings(path);
  } catch (error) {
    if (error instanceof InputError) return error.formatLines();
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readMeetings', () => {
  it('reads both time forms, lower-cases the address and allows an empty place', () => {
    const path = writeCsv('moten.csv', [
      'chef_epost;start;slut;plats',
      'Karin.Lindqvist@kommun.example;2027-02-16 09:00;2027-02-16 10:00;Rum Ekorren',
      'per.ek@kommun.example;2027-09-14T13:30;2027-09-14T14:15;',
      'asa.berg@kommun.example;2027-03-02 8:00;2027-03-02 09:00:00;"Rum 2; plan 3"',
    ]);
    expect(readMeetings(path)).toEqual([
      { managerEmail: 'karin.lindqvist@kommun.example', start: '2027-02-16 09:00', end: '2027-02-16 10:00', location: 'Rum Ekorren', line: 2 },
      { managerEmail: 'per.ek@kommun.example', start: '2027-09-14 13:30', end: '2027-09-14 14:15', location: '', line: 3 },
      { managerEmail: 'asa.berg@kommun.example', start: '2027-03-02 08:00', end: '2027-03-02 09:00', location: 'Rum 2; plan 3', line: 4 },
    ]);
  });

  it('reads a Windows-1252 file with comma delimiter and Swedish headers in another case; plats may be missing', () => {
    const withPlace = writeCsv('moten-1252.csv', ['Chef e-post,Start,Slut,Plats', 'orjan@kommun.example,2027-02-17 10:00,2027-02-17 11:00,Öresundsrummet'], 'win1252');
    expect(readMeetings(withPlace)[0]!.location).toBe('Öresundsrummet');
    const withoutPlace = writeCsv('utan-plats.csv', ['chef_epost;start;slut', 'orjan@kommun.example;2027-02-17 10:00;2027-02-17 11:00']);
    expect(readMeetings(withoutPlace)[0]!.location).toBe('');
  });

  it('reports every problem of the file at once as fil:rad: fält: fel (värde)', () => {
    const path = writeCsv('moten.csv', [
      'chef_epost;start;slut;plats',
      'karin.lindqvist@kommun.example;2027-02-16 09:00;2027-02-16 10:00;Rum Ekorren',
      'per.ek@kommun.example;16/2 kl 9;2027-02-16 10:00;Rum Ekorren',
      'asa.berg@kommun.example;2027-02-30 09:00;2027-02-16 25:00;',
      'olof.ek;2027-02-16 09:00;2027-02-16 10:00;',
      'lars.holm@kommun.example;2027-02-16 09:00;2027-02-16 08:30;',
      'lars.holm@kommun.example;2027-02-16 09:00;2027-02-17 10:00;',
      'KARIN.LINDQVIST@kommun.example;2027-02-18 09:00;2027-02-18 10:00;',
      ';2027-02-18 09:00;;',
    ]);
    expect(problemsOf(path)).toEqual([
      'moten.csv:3: start: ogiltig tidpunkt, ange ÅÅÅÅ-MM-DD TT:MM (16/2 kl 9)',
      'moten.csv:4: start: datumet finns inte (2027-02-30 09:00)',
      'moten.csv:4: slut: klockslaget finns inte (2027-02-16 25:00)',
      'moten.csv:5: chef_epost: ogiltig e-postadress (olof.ek)',
      'moten.csv:6: slut: mötet slutar innan eller samtidigt som det börjar (2027-02-16 08:30)',
      'moten.csv:7: slut: mötet ska sluta samma dag som det börjar (2027-02-17 10:00)',
      'moten.csv:8: chef_epost: chefen har redan ett möte på rad 2 (KARIN.LINDQVIST@kommun.example)',
      'moten.csv:9: chef_epost: värde saknas',
      'moten.csv:9: slut: värde saknas',
    ]);
  });

  it('a meeting that ends when it starts is refused too', () => {
    const path = writeCsv('noll.csv', ['chef_epost;start;slut', 'a@kommun.example;2027-02-16 09:00;2027-02-16T09:00']);
    expect(problemsOf(path)).toEqual(['noll.csv:2: slut: mötet slutar innan eller samtidigt som det börjar (2027-02-16T09:00)']);
  });

  it('names missing columns on the header line', () => {
    const path = writeCsv('fel-rubriker.csv', ['epost;tid;plats', 'a@kommun.example;2027-02-16 09:00;Rum']);
    expect(problemsOf(path)).toEqual([
      'fel-rubriker.csv:1: chef_epost: kolumnen saknas; rubrikraden ska vara chef_epost;start;slut;plats',
      'fel-rubriker.csv:1: start: kolumnen saknas; rubrikraden ska vara chef_epost;start;slut;plats',
      'fel-rubriker.csv:1: slut: kolumnen saknas; rubrikraden ska vara chef_epost;start;slut;plats',
    ]);
  });

  it('an empty or missing file is an input error', () => {
    expect(problemsOf(writeCsv('tom.csv', []))).toEqual(['tom.csv: filen är tom (rubrikrad saknas)']);
    expect(problemsOf(join(dir, 'finns-inte.csv'))).toEqual(['finns-inte.csv: filen kan inte läsas']);
  });

  it('reads the analysis meetings by the HR specialist\'s address (hr_epost) and names that column in messages', () => {
    const path = writeCsv('analysmoten.csv', ['hr_epost;start;slut;plats', 'Hanna.HR@example.se;2027-05-04 09:00;2027-05-04 10:30;Rum 1', 'hanna.hr@example.se;2027-05-05 09:00;2027-05-05 10:00;']);
    let lines: string[] = [];
    try {
      readMeetings(path, 'hr_epost');
    } catch (error) {
      lines = (error as InputError).formatLines();
    }
    expect(lines).toEqual(['analysmoten.csv:3: hr_epost: HR-specialisten har redan ett möte på rad 2 (hanna.hr@example.se)']);
    const ok = writeCsv('analysmoten-ok.csv', ['hr_epost;start;slut;plats', 'Hanna.HR@example.se;2027-05-04 09:00;2027-05-04 10:30;Rum 1']);
    expect(readMeetings(ok, 'hr_epost')).toEqual([{ managerEmail: 'hanna.hr@example.se', start: '2027-05-04 09:00', end: '2027-05-04 10:30', location: 'Rum 1', line: 2 }]);
    const wrong = writeCsv('analysmoten-fel.csv', ['chef;start;slut', 'a@example.se;2027-05-04 09:00;2027-05-04 10:30']);
    expect(() => readMeetings(wrong, 'hr_epost')).toThrow(/hr_epost: kolumnen saknas; rubrikraden ska vara hr_epost;start;slut;plats/);
  });
});

describe('meeting times around the change to summer time (issue 13)', () => {
  it.each([
    // Last Sunday of March: 2027-03-28 and 2026-03-29; the clocks go from 02:00 straight to 03:00.
    ['2027-03-28 01:59', true],
    ['2027-03-28 02:00', false],
    ['2027-03-28 02:30', false],
    ['2027-03-28 02:59', false],
    ['2027-03-28 03:00', true],
    ['2026-03-29 02:15', false],
    ['2027-03-21 02:30', true], // a week earlier the hour exists
    // The autumn change repeats 02:00–02:59; such a time exists (icsWriter takes the second, normal-time occurrence).
    ['2027-10-31 02:30', true],
  ])('%s exists in Swedish time: %s', (time, exists) => {
    const parsed = parseLocalDateTime(time);
    expect(parsed.ok).toBe(exists);
    if (!parsed.ok) expect(parsed.message).toBe('klockslaget finns inte i svensk tid: klockan ställs fram från 02.00 till 03.00 när sommartiden börjar');
  });
});
