import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { EmploymentRow, RehabCase, SickSegment } from '../../src/core/types.js';
import { ConfigError, InputError } from '../../src/errors.js';
import { loadConfig } from '../../src/input/config.js';
import { readDataset, type ReadDatasetOptions } from '../../src/input/readDataset.js';
import { fixturePath } from '../helpers/runCli.js';
import { baseLines, tempDataset } from './scenario.js';

const NO_ALIASES: ReadDatasetOptions['headerAliases'] = { anstallda: {}, sjukfranvaro: {}, rehabarenden: {} };
const options = (overrides: Partial<ReadDatasetOptions> = {}): ReadDatasetOptions => ({ headerAliases: NO_ALIASES, requireCases: true, ...overrides });

const ADMINISTRATION = 'Vård- och omsorgsförvaltningen';
const EAST = { administration: ADMINISTRATION, department: 'Äldreomsorg', operation: 'Hemtjänst', unitId: 'E10', unitName: 'Hemtjänst Östra Örgryte', managerName: 'Åsa Ekström', managerEmail: 'asa.ekstrom@exempel.se' };
const MEADOW = { administration: ADMINISTRATION, department: 'Äldreomsorg', operation: 'Särskilt boende', unitId: 'E20', unitName: 'Särskilt boende Ängen', managerName: 'Märta Håkansson', managerEmail: 'marta.hakansson@exempel.se' };

/** What every valid scenario holds (the rows of fixtures/scenarios/*), typed by hand. */
const EMPLOYMENTS: EmploymentRow[] = [
  { employmentId: '1001', name: 'Astrid Lövgren', ...EAST, employmentRate: 100, gender: 'K', birthYear: 1975, validFrom: '2020-01-01', validTo: null, line: 2 },
  { employmentId: '1002', name: 'Bertil Öhman', ...EAST, employmentRate: 75, gender: 'M', birthYear: 1988, validFrom: '2022-03-01', validTo: '2026-06-30', line: 3 },
  { employmentId: '1002', name: 'Bertil Öhman', ...MEADOW, employmentRate: 75, gender: 'M', birthYear: 1988, validFrom: '2026-07-01', validTo: null, line: 4 },
  { employmentId: '1003', name: 'Cecilia Ärlig', ...MEADOW, employmentRate: 80, gender: 'K', birthYear: 1995, validFrom: '2024-05-01', validTo: null, line: 5 },
];
const SICK_SEGMENTS: SickSegment[] = [
  { employmentId: '1001', from: '2026-09-01', to: '2026-09-05', extent: 100, line: 2 },
  { employmentId: '1001', from: '2026-10-10', to: null, extent: 50, line: 3 },
  { employmentId: '1002', from: '2026-06-25', to: '2026-07-10', extent: 100, line: 4 },
  { employmentId: '1003', from: '2026-11-02', to: '2026-11-03', extent: 100, line: 5 },
];
const CASES: RehabCase[] = [
  {
    caseId: 'R-1', employmentId: '1001', caseType: 'langtid', status: 'oppet', openedDate: '2026-10-20', closedDate: null,
    expectedOver60Days: 'ja', certificateTo: '2027-02-28', healthTalkDate: '2026-10-25', planMadeDate: '2026-11-05',
    planRevisedDate: null, planFollowUpDate: '2027-03-01', lastDocumentationDate: '2027-01-30', nextActivityDate: '2027-02-20', line: 2,
  },
  {
    caseId: 'R-2', employmentId: '1002', caseType: 'annat', status: 'avslutat', openedDate: '2026-06-30', closedDate: '2026-08-15',
    expectedOver60Days: 'nej', certificateTo: null, healthTalkDate: null, planMadeDate: null,
    planRevisedDate: null, planFollowUpDate: null, lastDocumentationDate: '2026-08-15', nextActivityDate: null, line: 3,
  },
];

/** The formatted problem lines readDataset throws for a folder. */
function problemLines(dir: string, readOptions = options()): string[] {
  try {
    readDataset(dir, readOptions);
  } catch (error) {
    if (error instanceof InputError) return error.formatLines(1000);
    throw error;
  }
  throw new Error('expected an InputError');
}

const replaceCell = (line: string, index: number, value: string): string => {
  const cells = line.split(';');
  cells[index] = value;
  return cells.join(';');
};

/** anstallda.csv with row 2 (line 2) given a new value in one column. */
function employmentWith(index: number, value: string): string[] {
  const [header, first, ...rest] = baseLines('anstallda.csv');
  return [header!, replaceCell(first!, index, value), ...rest];
}

describe('readDataset: the valid scenarios', () => {
  it.each(['windows-1252', 'utf8-bom', 'tab-delimited', 'headers-reordered'])('%s gives the hand-typed records', (name) => {
    const { dataset, warnings } = readDataset(fixturePath('scenarios', name), options());
    expect(dataset).toEqual({ employments: EMPLOYMENTS, sickSegments: SICK_SEGMENTS, cases: CASES });
    expect(warnings).toEqual([]);
  });

  it('reports rows, encoding, delimiter and hash per file', () => {
    const { files } = readDataset(fixturePath('scenarios', 'windows-1252'), options());
    expect(Object.keys(files)).toEqual(['anstallda.csv', 'sjukfranvaro.csv', 'rehabarenden.csv']);
    expect(files['anstallda.csv']).toMatchObject({ rows: 4, encoding: 'windows-1252', delimiter: ';' });
    expect(files['sjukfranvaro.csv']).toMatchObject({ rows: 4, encoding: 'windows-1252', delimiter: ';' });
    expect(files['rehabarenden.csv']).toMatchObject({ rows: 2, encoding: 'windows-1252', delimiter: ';' });
    expect(files['anstallda.csv']!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('comma-delimited: quoted comma in a value and a decimal comma (37,5)', () => {
    const { dataset } = readDataset(fixturePath('scenarios', 'comma-delimited'), options());
    expect(dataset.employments.map((row) => row.administration)).toEqual(Array(4).fill('Vård, omsorg och stöd'));
    expect(dataset.employments.map((row) => row.employmentRate)).toEqual([100, 75, 75, 37.5]);
    expect(dataset.sickSegments).toEqual(SICK_SEGMENTS);
  });

  it('quoted-newline: the value keeps its newline and the records after it keep their physical lines', () => {
    const { dataset } = readDataset(fixturePath('scenarios', 'quoted-newline'), options());
    expect(dataset.employments[0]!.unitName).toBe('Hemtjänst Östra Örgryte; natt\noch helg');
    expect(dataset.employments.map((row) => row.line)).toEqual([2, 4, 5, 6]);
  });

  it('quoted-newline: a problem in the record after the quoted newline names line 4', () => {
    const lines = baseLines('anstallda.csv');
    const dir = tempDataset({
      'anstallda.csv': [lines[0]!, replaceCell(lines[1]!, 7, '"Hemtjänst; natt\noch helg"'), replaceCell(lines[2]!, 10, '0'), ...lines.slice(3)],
    });
    expect(problemLines(dir)).toEqual(['anstallda.csv:4: sysselsattningsgrad: sysselsättningsgraden ska vara större än 0 och högst 100 (0)']);
  });

  it('header-mapping: other header names through the config aliases', () => {
    const config = loadConfig(fixturePath('scenarios', 'header-mapping', 'rehab.config.json'));
    const { dataset } = readDataset(fixturePath('scenarios', 'header-mapping'), options({ headerAliases: config.headerAliases }));
    expect(dataset).toEqual({ employments: EMPLOYMENTS, sickSegments: SICK_SEGMENTS, cases: CASES });
  });

  it('header-mapping without the config: the renamed required columns are missing', () => {
    expect(problemLines(fixturePath('scenarios', 'header-mapping'))).toEqual([
      'anstallda.csv:1: anstallnings_id: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
      'anstallda.csv:1: namn: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
      'anstallda.csv:1: enhet_id: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
      'anstallda.csv:1: sysselsattningsgrad: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
      'sjukfranvaro.csv:1: anstallnings_id: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
      'sjukfranvaro.csv:1: omfattning: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
      'rehabarenden.csv:1: arende_id: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
      'rehabarenden.csv:1: anstallnings_id: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
    ]);
  });

  it('an alias for a field the file does not have is a config error', () => {
    const aliases = { ...NO_ALIASES, sjukfranvaro: { sjukgrad: ['Grad'] } };
    expect(() => readDataset(fixturePath('scenarios', 'utf8-bom'), options({ headerAliases: aliases }))).toThrow(ConfigError);
    expect(() => readDataset(fixturePath('scenarios', 'utf8-bom'), options({ headerAliases: aliases }))).toThrow(/^kolumner\.sjukfranvaro\.sjukgrad: okänt fält/);
  });

  it('never keeps the personnummer (19121212-1212 in line 2) in any record', () => {
    const result = readDataset(fixturePath('scenarios', 'utf8-bom'), options());
    const text = JSON.stringify(result);
    expect(text).not.toContain('1212');
    expect(Object.keys(result.dataset.employments[0]!)).not.toContain('personnummer');
  });

  it('ignores unknown extra columns and trims cells', () => {
    const [header, ...rows] = baseLines('sjukfranvaro.csv');
    const dir = tempDataset({ 'sjukfranvaro.csv': [`Kommentar;${header}`, ...rows.map((row) => `x;${row.replace('1001;', ' 1001 ;')}`)] });
    expect(readDataset(dir, options()).dataset.sickSegments).toEqual(SICK_SEGMENTS);
  });

  it('accepts YYYYMMDD and a time of day in dates', () => {
    const [header, first, ...rest] = baseLines('sjukfranvaro.csv');
    const dir = tempDataset({ 'sjukfranvaro.csv': [header!, '1001;20260901;2026-09-05 16:45;100', ...rest] });
    expect(readDataset(dir, options()).dataset.sickSegments[0]).toEqual({ ...SICK_SEGMENTS[0], line: 2 });
    expect(first).toBe('1001;2026-09-01;2026-09-05;100');
  });

  it('accepts kon as k/m/kvinna/man in any case, or empty', () => {
    const [header, ...rows] = baseLines('anstallda.csv');
    const genders = ['kvinna', 'MAN', 'm', ''];
    const dir = tempDataset({ 'anstallda.csv': [header!, ...rows.map((row, index) => replaceCell(row, 11, genders[index]!))] });
    expect(readDataset(dir, options()).dataset.employments.map((row) => row.gender)).toEqual(['K', 'M', 'M', null]);
  });

  it('accepts case types and statuses in other spellings', () => {
    const [header, first, second] = baseLines('rehabarenden.csv');
    const dir = tempDataset({
      'rehabarenden.csv': [
        header!,
        replaceCell(replaceCell(first!, 2, 'Upprepad korttid'), 3, 'Öppet'),
        replaceCell(replaceCell(replaceCell(second!, 2, 'LÅNGTID'), 3, 'avslutad'), 6, 'JA'),
      ],
    });
    const { cases } = readDataset(dir, options()).dataset;
    expect(cases.map((rehabCase) => [rehabCase.caseType, rehabCase.status, rehabCase.expectedOver60Days])).toEqual([
      ['upprepad_korttid', 'oppet', 'ja'],
      ['langtid', 'avslutat', 'ja'],
    ]);
  });

  it('warns about an extent that is not 25, 50, 75 or 100', () => {
    const [header, ...rows] = baseLines('sjukfranvaro.csv');
    const dir = tempDataset({ 'sjukfranvaro.csv': [header!, ...rows, '1003;2026-12-01;2026-12-02;33,3', '1003;2026-12-10;2026-12-11;25'] });
    expect(readDataset(dir, options()).warnings).toEqual([{ code: 'unusual_extent', file: 'sjukfranvaro.csv', line: 6, value: 33.3 }]);
  });

  it('reads a folder without rehabarenden.csv when cases are not required', () => {
    const dir = tempDataset({ 'rehabarenden.csv': null });
    const result = readDataset(dir, options({ requireCases: false }));
    expect(result.dataset.cases).toEqual([]);
    expect(Object.keys(result.files)).toEqual(['anstallda.csv', 'sjukfranvaro.csv']);
  });

  it('accepts an empty sjukfranvaro.csv (header only)', () => {
    const dir = tempDataset({ 'sjukfranvaro.csv': [baseLines('sjukfranvaro.csv')[0]!] });
    expect(readDataset(dir, options()).dataset.sickSegments).toEqual([]);
  });
});

describe('readDataset: problems, one line each as fil:rad: fält: fel (värde)', () => {
  it('error-missing-column', () => {
    expect(problemLines(fixturePath('scenarios', 'error-missing-column'))).toEqual([
      'anstallda.csv:1: chef_epost: kolumnen saknas; andra rubriknamn kan anges under "kolumner" i rehab.config.json',
    ]);
  });

  it('error-bad-date', () => {
    expect(problemLines(fixturePath('scenarios', 'error-bad-date'))).toEqual([
      'sjukfranvaro.csv:3: from_datum: datumet finns inte (2027-02-30)',
      'sjukfranvaro.csv:4: from_datum: ogiltigt datum, ange ÅÅÅÅ-MM-DD (1 okt 2026)',
    ]);
  });

  it('error-extent-out-of-range', () => {
    expect(problemLines(fixturePath('scenarios', 'error-extent-out-of-range'))).toEqual([
      'sjukfranvaro.csv:2: omfattning: omfattningen ska vara 1–100 procent (0)',
      'sjukfranvaro.csv:3: omfattning: omfattningen ska vara 1–100 procent (120)',
    ]);
  });

  it('error-tom-before-from', () => {
    expect(problemLines(fixturePath('scenarios', 'error-tom-before-from'))).toEqual([
      'anstallda.csv:3: giltig_tom: ligger före giltig_from 2022-03-01 (2021-06-30)',
      'sjukfranvaro.csv:2: tom_datum: ligger före from_datum 2026-09-01 (2026-08-05)',
      'rehabarenden.csv:3: avslutat_datum: ligger före oppnat_datum 2026-06-30 (2026-06-15)',
    ]);
  });

  it('error-overlapping-employment (an open-ended row overlaps any later row)', () => {
    // line 3 runs to 2026-07-15, line 4 starts 2026-07-01; line 5 is open-ended from 2024-05-01, line 6 starts 2025-01-01
    expect(problemLines(fixturePath('scenarios', 'error-overlapping-employment'))).toEqual([
      'anstallda.csv:4: giltig_from: överlappar rad 3 med samma anstallnings_id (2026-07-01)',
      'anstallda.csv:6: giltig_from: överlappar rad 5 med samma anstallnings_id (2025-01-01)',
    ]);
  });

  it('error-overlapping-sick-segments (a shared day; an ongoing segment)', () => {
    // 2026-09-01..05 and 2026-09-05..08 share one day; the ongoing segment from 2026-10-10 covers 2026-12-01
    expect(problemLines(fixturePath('scenarios', 'error-overlapping-sick-segments'))).toEqual([
      'sjukfranvaro.csv:3: from_datum: överlappar rad 2 med samma anstallnings_id (2026-09-05)',
      'sjukfranvaro.csv:5: from_datum: överlappar rad 4 med samma anstallnings_id (2026-12-01)',
    ]);
  });

  it('adjacent sick segments (a change of extent) do not overlap', () => {
    const [header, ...rows] = baseLines('sjukfranvaro.csv');
    const dir = tempDataset({ 'sjukfranvaro.csv': [header!, ...rows, '1003;2026-11-04;2026-11-06;50'] });
    expect(readDataset(dir, options()).dataset.sickSegments).toHaveLength(5);
  });

  it('error-unknown-employment', () => {
    expect(problemLines(fixturePath('scenarios', 'error-unknown-employment'))).toEqual([
      'sjukfranvaro.csv:6: anstallnings_id: finns inte i anstallda.csv (9999)',
      'rehabarenden.csv:4: anstallnings_id: finns inte i anstallda.csv (8888)',
    ]);
  });

  it('error-many-problems: all 60 are in the error, the lines are capped at 50', () => {
    try {
      readDataset(fixturePath('scenarios', 'error-many-problems'), options());
      expect.unreachable();
    } catch (error) {
      const inputError = error as InputError;
      expect(inputError.problems).toHaveLength(60);
      const lines = inputError.formatLines();
      expect(lines).toHaveLength(51);
      expect(lines[0]).toBe('sjukfranvaro.csv:2: omfattning: ogiltigt tal (x)');
      expect(lines[49]).toBe('sjukfranvaro.csv:51: omfattning: ogiltigt tal (x)');
      expect(lines[50]).toBe('… och 10 fel till.');
    }
  });

  it('refuses a chef_epost that would add recipients or break the To header of the draft mail', () => {
    const [employmentHeader, first, second, third, ...rest] = baseLines('anstallda.csv');
    const dir = tempDataset({
      'anstallda.csv': [
        employmentHeader!,
        replaceCell(first!, 9, '"a,b@exempel.se"'),
        replaceCell(second!, 9, 'Chef <chef@exempel.se>'),
        replaceCell(third!, 9, '"chef@exempel.se;annan@exempel.se"'),
        ...rest,
      ],
    });
    expect(problemLines(dir)).toEqual([
      'anstallda.csv:2: chef_epost: ogiltig e-postadress (a,b@exempel.se)',
      'anstallda.csv:3: chef_epost: ogiltig e-postadress (Chef <chef@exempel.se>)',
      'anstallda.csv:4: chef_epost: ogiltig e-postadress (chef@exempel.se;annan@exempel.se)',
    ]);
  });

  it('reports the problems of all files at once, file by file', () => {
    const [employmentHeader, ...employmentRows] = baseLines('anstallda.csv');
    const [sickHeader, ...sickRows] = baseLines('sjukfranvaro.csv');
    const [caseHeader, firstCase, secondCase] = baseLines('rehabarenden.csv');
    const dir = tempDataset({
      'rehabarenden.csv': [caseHeader!, firstCase!, replaceCell(secondCase!, 0, 'R-1')],
      'sjukfranvaro.csv': [sickHeader!, ...sickRows, '1003;2026-12-01;;-5'],
      'anstallda.csv': [employmentHeader!, replaceCell(employmentRows[0]!, 9, 'asa.ekstrom.exempel.se'), ...employmentRows.slice(1)],
    });
    expect(problemLines(dir)).toEqual([
      'anstallda.csv:2: chef_epost: ogiltig e-postadress (asa.ekstrom.exempel.se)',
      'sjukfranvaro.csv:6: omfattning: omfattningen ska vara 1–100 procent (-5)',
      'rehabarenden.csv:3: arende_id: finns redan på rad 2 (R-1)',
    ]);
  });

  it('reports every bad cell of a row, in column order', () => {
    const [header, first, ...rest] = baseLines('anstallda.csv');
    const bad = [10, 11, 12, 13].reduce((row, index) => replaceCell(row, index, ['100,5', 'X', '75', '2020-13-01'][index - 10]!), first!);
    const dir = tempDataset({ 'anstallda.csv': [header!, replaceCell(bad, 1, ''), ...rest] });
    expect(problemLines(dir)).toEqual([
      'anstallda.csv:2: namn: värde saknas',
      'anstallda.csv:2: sysselsattningsgrad: sysselsättningsgraden ska vara större än 0 och högst 100 (100,5)',
      'anstallda.csv:2: kon: ange K eller M (X)',
      'anstallda.csv:2: fodelsear: ange ett fyrsiffrigt år mellan 1900 och 2100 (75)',
      'anstallda.csv:2: giltig_from: datumet finns inte (2020-13-01)',
    ]);
  });

  it('checks case fields: type, status, ja/nej', () => {
    const [header, first, second] = baseLines('rehabarenden.csv');
    const dir = tempDataset({
      'rehabarenden.csv': [header!, replaceCell(replaceCell(first!, 2, 'kort'), 6, 'kanske'), replaceCell(second!, 3, 'vilande')],
    });
    expect(problemLines(dir)).toEqual([
      'rehabarenden.csv:2: arendetyp: ange langtid, upprepad_korttid eller annat (kort)',
      'rehabarenden.csv:2: forvantas_over_60_dagar: ange ja, nej eller lämna tomt (kanske)',
      'rehabarenden.csv:3: status: ange oppet eller avslutat (vilande)',
    ]);
  });

  it('warns about an invalid personnummer without its value and reads the row', () => {
    // 19121212-1213: the check digit should be 2
    const wrongDigit = readDataset(tempDataset({ 'anstallda.csv': employmentWith(2, '19121212-1213') }), options());
    expect(wrongDigit.warnings).toEqual([{ code: 'invalid_personnummer', file: 'anstallda.csv', line: 2 }]);
    expect(wrongDigit.dataset.employments).toEqual(EMPLOYMENTS);
    const malformed = readDataset(tempDataset({ 'anstallda.csv': employmentWith(2, '1912-12121213') }), options());
    expect(malformed.warnings).toEqual([{ code: 'invalid_personnummer', file: 'anstallda.csv', line: 2 }]);
    expect(JSON.stringify(malformed)).not.toContain('1213');
  });

  it('accepts a personnummer with 10 digits and no dash', () => {
    expect(readDataset(tempDataset({ 'anstallda.csv': employmentWith(2, '1212121212') }), options()).dataset.employments).toEqual(EMPLOYMENTS);
  });

  it('reports a row with more cells than the header', () => {
    const dir = tempDataset({ 'anstallda.csv': employmentWith(1, 'Lövgren;Astrid') });
    expect(problemLines(dir)).toEqual([
      'anstallda.csv:2: raden har fler fält än rubrikraden (16 mot 15); ett värde som innehåller avgränsaren måste stå inom citattecken',
    ]);
  });

  it('does not blame sick leave for an employment whose own row is invalid', () => {
    // 1003 has a bad rate, so it is not read, but its sick leave must not also be "unknown"
    const [header, ...rows] = baseLines('anstallda.csv');
    const dir = tempDataset({ 'anstallda.csv': [header!, ...rows.slice(0, 3), replaceCell(rows[3]!, 10, 'heltid')] });
    expect(problemLines(dir)).toEqual(['anstallda.csv:5: sysselsattningsgrad: ogiltigt tal (heltid)']);
  });

  it('missing files: line 0; rehabarenden.csv only when cases are required', () => {
    const dir = tempDataset({ 'anstallda.csv': null, 'rehabarenden.csv': null });
    expect(problemLines(dir)).toEqual([`anstallda.csv: filen saknas i mappen ${dir}`, `rehabarenden.csv: filen saknas i mappen ${dir}`]);
    expect(problemLines(dir, options({ requireCases: false }))).toEqual([`anstallda.csv: filen saknas i mappen ${dir}`]);
  });

  it('an anstallda.csv with only a header is an error', () => {
    const dir = tempDataset({ 'anstallda.csv': [baseLines('anstallda.csv')[0]!], 'sjukfranvaro.csv': [baseLines('sjukfranvaro.csv')[0]!], 'rehabarenden.csv': null });
    expect(problemLines(dir, options({ requireCases: false }))).toEqual(['anstallda.csv: filen innehåller inga anställningar']);
  });

  it('an empty file has no header', () => {
    const dir = tempDataset({ 'sjukfranvaro.csv': [] });
    expect(problemLines(dir)).toEqual(['sjukfranvaro.csv: filen är tom (rubrikrad saknas)']);
  });

  it('a --data path that is not a folder is a config error', () => {
    expect(() => readDataset(fixturePath('scenarios', 'nope'), options())).toThrow(ConfigError);
    expect(() => readDataset(fixturePath('scenarios', 'README.md'), options())).toThrow(/är ingen mapp/);
  });
});

describe('readDataset: hostile and broken input (issue 13)', () => {
  it('a column that occurs twice is an error, not silently the leftmost', () => {
    const [header, ...rows] = baseLines('sjukfranvaro.csv');
    // header anstallnings_id;from_datum;tom_datum;omfattning plus a second "Omfattning" as column 5
    const dir = tempDataset({ 'sjukfranvaro.csv': [`${header};Omfattning`, ...rows.map((row) => `${row};25`)] });
    expect(problemLines(dir)).toEqual(['sjukfranvaro.csv:1: omfattning: kolumnen finns flera gånger (kolumn 4, 5); ta bort de överflödiga så att det är klart vilken som gäller']);
  });

  it('a column given twice through a config alias is an error too', () => {
    const [header, ...rows] = baseLines('sjukfranvaro.csv');
    const dir = tempDataset({ 'sjukfranvaro.csv': [`${header};Sjukgrad`, ...rows.map((row) => `${row};25`)] });
    const aliases = { ...NO_ALIASES, sjukfranvaro: { omfattning: ['Sjukgrad'] } };
    expect(problemLines(dir, options({ headerAliases: aliases }))).toEqual([
      'sjukfranvaro.csv:1: omfattning: kolumnen finns flera gånger (kolumn 4, 5); ta bort de överflödiga så att det är klart vilken som gäller',
    ]);
  });

  it('rejects a time of day that does not exist (25:99) and accepts 23:59', () => {
    const [header, , ...rest] = baseLines('sjukfranvaro.csv');
    const bad = tempDataset({ 'sjukfranvaro.csv': [header!, '1001;2026-09-01 25:99;2026-09-05;100', ...rest] });
    expect(problemLines(bad)).toEqual(['sjukfranvaro.csv:2: from_datum: klockslaget finns inte, ange tt:mm mellan 00:00 och 23:59 (2026-09-01 25:99)']);
    const good = tempDataset({ 'sjukfranvaro.csv': [header!, '1001;2026-09-01 23:59;2026-09-05 00:00;100', ...rest] });
    expect(readDataset(good, options()).dataset.sickSegments[0]).toEqual(SICK_SEGMENTS[0]);
  });

  it('reports problems on the right lines of a CR-only file', () => {
    const lines = employmentWith(10, '0');
    const dir = tempDataset({});
    writeFileSync(join(dir, 'anstallda.csv'), `${lines.join('\r')}\r`);
    expect(problemLines(dir)).toEqual(['anstallda.csv:2: sysselsattningsgrad: sysselsättningsgraden ska vara större än 0 och högst 100 (0)']);
    const sickLines = baseLines('sjukfranvaro.csv');
    writeFileSync(join(dir, 'anstallda.csv'), `${baseLines('anstallda.csv').join('\r')}\r`);
    writeFileSync(join(dir, 'sjukfranvaro.csv'), `${[...sickLines.slice(0, 4), '1003;2026-11-02;2026-11-03;x'].join('\r')}\r`);
    expect(problemLines(dir)).toEqual(['sjukfranvaro.csv:5: omfattning: ogiltigt tal (x)']);
  });

  it('never repeats a personnummer that stands in a wrong column (fodelsear)', () => {
    expect(problemLines(tempDataset({ 'anstallda.csv': employmentWith(12, '19841112-0234') }))).toEqual([
      'anstallda.csv:2: fodelsear: ange ett fyrsiffrigt år mellan 1900 och 2100',
    ]);
  });

  it('refuses a personnummer as anstallnings_id, in every file, without repeating it', () => {
    // 19800819-9450 as the id of line 2 of anstallda.csv and of the sick leave and case that refer to it
    const swap = (line: string): string => line.replace(/^1001;/, '19800819-9450;').replace(/^R-1;1001;/, 'R-1;19800819-9450;');
    const dir = tempDataset({
      'anstallda.csv': baseLines('anstallda.csv').map(swap),
      'sjukfranvaro.csv': baseLines('sjukfranvaro.csv').map(swap),
      'rehabarenden.csv': baseLines('rehabarenden.csv').map(swap),
    });
    const message = 'ser ut som ett personnummer; ett personnummer får inte användas som id (värdet visas inte)';
    const lines = problemLines(dir);
    expect(lines).toEqual([
      `anstallda.csv:2: anstallnings_id: ${message}`,
      `sjukfranvaro.csv:2: anstallnings_id: ${message}`,
      `sjukfranvaro.csv:3: anstallnings_id: ${message}`,
      `rehabarenden.csv:2: anstallnings_id: ${message}`,
    ]);
    expect(lines.join('\n')).not.toContain('9450');
  });

  it('refuses a personnummer as arende_id, and as an id mapped through the config', () => {
    const [header, first, second] = baseLines('rehabarenden.csv');
    const dir = tempDataset({ 'rehabarenden.csv': [header!, first!.replace(/^R-1;/, '198411120234;'), second!] });
    expect(problemLines(dir)).toEqual(['rehabarenden.csv:2: arende_id: ser ut som ett personnummer; ett personnummer får inte användas som id (värdet visas inte)']);
    // the personnummer column mapped onto anstallnings_id by "kolumner"
    const [employmentHeader, ...employmentRows] = baseLines('anstallda.csv');
    const mapped = tempDataset({ 'anstallda.csv': [employmentHeader!.replace('anstallnings_id', 'nr').replace('personnummer', 'Pnr'), ...employmentRows] });
    const aliases = { ...NO_ALIASES, anstallda: { anstallnings_id: ['Pnr'] } };
    const lines = problemLines(mapped, options({ headerAliases: aliases }));
    expect(lines[0]).toBe('anstallda.csv:2: anstallnings_id: ser ut som ett personnummer; ett personnummer får inte användas som id (värdet visas inte)');
    expect(lines.join('\n')).not.toMatch(/1212/);
  });

  it('never repeats an unknown or duplicated id that holds a personnummer', () => {
    const [header, ...rows] = baseLines('sjukfranvaro.csv');
    // 'P19800819-9450' is no personnummer as a whole (so not refused as one) but holds one: no value shown
    const dir = tempDataset({ 'sjukfranvaro.csv': [header!, ...rows, 'P19800819-9450;2026-12-01;2026-12-02;100', '9999;2026-12-01;2026-12-02;100'] });
    expect(problemLines(dir)).toEqual([
      'sjukfranvaro.csv:6: anstallnings_id: finns inte i anstallda.csv',
      'sjukfranvaro.csv:7: anstallnings_id: finns inte i anstallda.csv (9999)',
    ]);
    const [caseHeader, first, second] = baseLines('rehabarenden.csv');
    const duplicated = tempDataset({
      'rehabarenden.csv': [caseHeader!, first!.replace(/^R-1;/, 'A19841112-0234;'), second!.replace(/^R-2;/, 'A19841112-0234;')],
    });
    expect(problemLines(duplicated)).toEqual(['rehabarenden.csv:3: arende_id: finns redan på rad 2']);
  });

  it('warns about a line in another encoding and reads its å, ä and ö right', () => {
    const dir = tempDataset({});
    const lines = baseLines('anstallda.csv');
    // line 3 (Bertil Öhman) in Windows-1252, the rest UTF-8
    const bytes = Buffer.concat(lines.map((line, index) => Buffer.concat([index === 2 ? iconv.encode(line, 'win1252') : Buffer.from(line, 'utf8'), Buffer.from('\n')])));
    writeFileSync(join(dir, 'anstallda.csv'), bytes);
    const result = readDataset(dir, options());
    expect(result.dataset.employments).toEqual(EMPLOYMENTS);
    expect(result.files['anstallda.csv']!.encoding).toBe('utf-8');
    expect(result.warnings).toEqual([{ code: 'mixed_encoding', file: 'anstallda.csv', line: 3 }]);
  });

  it('refuses a file over maxFileMegabytes with a problem that names the config key', () => {
    const [header, ...rows] = baseLines('sjukfranvaro.csv');
    // a 1.2 MB line against a 1 MB cap
    const dir = tempDataset({ 'sjukfranvaro.csv': [header!, ...rows, 'x'.repeat(1_200_000)] });
    expect(problemLines(dir, options({ maxFileMegabytes: 1 }))).toEqual([
      'sjukfranvaro.csv: filen är för stor (över 1 MB); dela upp exporten eller höj gränsen med "maxFilstorlekMB" i rehab.config.json',
    ]);
  });
});

