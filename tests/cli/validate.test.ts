import { describe, expect, it } from 'vitest';
import { fixturePath, runCli } from '../helpers/runCli.js';
import { baseLines, tempDataset } from '../input/scenario.js';

const validate = (...args: string[]) => runCli(['validate', ...args]);

describe('rehab validate', () => {
  it('prints what was read as JSON (windows-1252 scenario)', () => {
    const result = validate('--data', fixturePath('scenarios', 'windows-1252'), '--as-of', '2027-02-10', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      files: {
        'anstallda.csv': { rows: 4, encoding: 'windows-1252', delimiter: ';' },
        'sjukfranvaro.csv': { rows: 4, encoding: 'windows-1252', delimiter: ';' },
        'rehabarenden.csv': { rows: 2, encoding: 'windows-1252', delimiter: ';' },
      },
      employments: 3, // 1001, 1002 (two rows), 1003
      units: 2, // E10, E20
      openCases: 1,
      // first sick day 2026-06-25; 1001's segment from 2026-10-10 is ongoing, so it runs to as-of
      dateRange: { from: '2026-06-25', to: '2027-02-10' },
      warnings: [],
    });
  });

  it('reports warnings with code, line and Swedish message', () => {
    const result = validate('--data', fixturePath('scenarios', 'warnings'), '--as-of', '2027-02-10', '--format', 'json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { dateRange: unknown; warnings: unknown };
    expect(report.dateRange).toEqual({ from: '2024-04-28', to: '2027-02-10' });
    // 1003 is employed from 2024-05-01: 2024-04-28, 29, 30 are left out
    expect(report.warnings).toEqual([
      { code: 'unusual_extent', file: 'sjukfranvaro.csv', line: 6, message: 'ovanlig omfattning (annat än 25, 50, 75 eller 100 %): 60 %', value: 60 },
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 6, message: 'sjukdagar utan giltig anställning (räknas inte): 3 dagar', days: 3 },
    ]);
  });

  it('prints a Swedish summary as text', () => {
    const dir = fixturePath('scenarios', 'comma-delimited');
    const result = validate('--data', dir, '--as-of', '2027-02-10');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        `Indata i ${dir} är giltiga.`,
        '',
        'anstallda.csv: 4 rader, teckenkodning UTF-8, avgränsare komma',
        'sjukfranvaro.csv: 4 rader, teckenkodning UTF-8, avgränsare komma',
        'rehabarenden.csv: 2 rader, teckenkodning UTF-8, avgränsare komma',
        '',
        'Anställningar:       3',
        'Enheter:             2',
        'Öppna rehabärenden:  1',
        'Sjukfrånvaro:        2026-06-25 – 2027-02-10',
        '',
        'Inga varningar.',
        '',
      ].join('\n'),
    );
  });

  it('reads header names mapped in --config, and says when rehabarenden.csv is missing', () => {
    const scenario = fixturePath('scenarios', 'header-mapping');
    const mapped = validate('--data', scenario, '--config', `${scenario}/rehab.config.json`, '--as-of', '2027-02-10', '--format', 'json');
    expect(mapped.status).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ employments: 3, units: 2, openCases: 1 });

    const withoutCases = tempDataset({ 'rehabarenden.csv': null });
    const text = validate('--data', withoutCases, '--as-of', '2027-02-10');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('rehabarenden.csv: saknas (behövs för rehab cases, prep och aggregate)\n');
    expect(text.stdout).toContain('Öppna rehabärenden:  –\n');
    const json = JSON.parse(validate('--data', withoutCases, '--as-of', '2027-02-10', '--format', 'json').stdout) as { files: object; openCases: unknown };
    expect(Object.keys(json.files)).toEqual(['anstallda.csv', 'sjukfranvaro.csv']);
    expect(json.openCases).toBeNull();
  });

  it('exits 3 with fil:rad: fält: lines and no stack trace', () => {
    const result = validate('--data', fixturePath('scenarios', 'error-tom-before-from'));
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'Indata är ogiltiga. Ingenting har skrivits.',
        'anstallda.csv:3: giltig_tom: ligger före giltig_from 2022-03-01 (2021-06-30)',
        'sjukfranvaro.csv:2: tom_datum: ligger före from_datum 2026-09-01 (2026-08-05)',
        'rehabarenden.csv:3: avslutat_datum: ligger före oppnat_datum 2026-06-30 (2026-06-15)',
        '',
      ].join('\n'),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('caps the list at 50 problems and says how many more', () => {
    const result = validate('--data', fixturePath('scenarios', 'error-many-problems'));
    expect(result.status).toBe(3);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(52); // heading + 50 problems + the count line
    expect(lines[50]).toBe('sjukfranvaro.csv:51: omfattning: ogiltigt tal (x)');
    expect(lines[51]).toBe('… och 10 fel till.');
  });

  it('exits 2 in Swedish when --data is missing, not a folder, or --format is unknown', () => {
    const missing = validate();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('rehab: --data måste anges: mappen med exportfilerna\n');
    const noFolder = validate('--data', fixturePath('scenarios', 'finns-inte'));
    expect(noFolder.status).toBe(2);
    expect(noFolder.stderr).toBe(`rehab: --data: mappen ${fixturePath('scenarios', 'finns-inte')} finns inte\n`);
    const badFormat = validate('--data', fixturePath('scenarios', 'utf8-bom'), '--format', 'xml');
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('--format: ogiltigt värde (xml)');
  });

  it('never prints a personnummer, valid or not', () => {
    // utf8-bom has 19121212-1212 on line 2; the temp folder has an invalid one
    const valid = fixturePath('scenarios', 'utf8-bom');
    const lines = baseLines('anstallda.csv');
    const invalid = tempDataset({ 'anstallda.csv': [lines[0]!, lines[1]!.replace('19121212-1212', '19121212-1219'), ...lines.slice(2)] });
    const runs = [
      validate('--data', valid, '--as-of', '2027-02-10'),
      validate('--data', valid, '--as-of', '2027-02-10', '--format', 'json'),
      validate('--data', invalid),
    ];
    // An invalid personnummer is a warning, not an error: the tool does not use the field (docs/decisions.md).
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0]);
    expect(runs[2]!.stdout).toContain('anstallda.csv:2: personnumret har fel form eller kontrollsiffra (värdet visas inte och används inte)');
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toMatch(/121212|1212-12/);
    }
  });
});
