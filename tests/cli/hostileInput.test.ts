// Issue 13, as a user meets it: hostile or odd values in the data and on the command line end with a Swedish message
// and exit 2 or 3 (never "oväntat fel"), and nothing from the data reaches the terminal as a control sequence.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath, runCli } from '../helpers/runCli.js';

const work = mkdtempSync(join(tmpdir(), 'rehab-hostile-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex -- the test looks for control characters
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E]|\r(?!\n)/;

/** cases-basic with a unit name that carries an ANSI colour escape, a vertical tab and SOH. */
function hostileExport(): string {
  const folder = join(work, 'export');
  if (existsSync(folder)) return folder;
  cpSync(fixturePath('scenarios', 'cases-basic'), folder, { recursive: true });
  const path = join(folder, 'anstallda.csv');
  writeFileSync(path, readFileSync(path, 'utf8').replaceAll('Hemtjänst Östra', 'Hemtjänst\u001B[31mÖstra\u000B\u0001\u001B]2 titel\u0007'));
  return folder;
}

describe('terminal output of text from the data', () => {
  it.each([
    ['stats', 'table'],
    ['stats', 'csv'],
    ['stats', 'json'],
    ['cases', 'table'],
    ['cases', 'csv'],
    ['cases', 'json'],
  ])('%s --format %s prints no escape sequence or control character', (command, format) => {
    const result = runCli([command, '--data', hostileExport(), '--as-of', '2027-02-10', '--format', format]);
    expect(result.stderr).not.toContain('oväntat fel');
    expect(result.status).toBe(0);
    expect(TERMINAL_CONTROL.test(result.stdout)).toBe(false);
    expect(TERMINAL_CONTROL.test(result.stderr)).toBe(false);
    if (command === 'stats') expect(result.stdout).toContain('Östra');
    if (format === 'json') expect(JSON.parse(result.stdout)).toBeTypeOf('object');
  });

  it('the stats table keeps its columns aligned: the unit row has the width of the other rows', () => {
    const lines = runCli(['stats', '--data', hostileExport(), '--as-of', '2027-02-10', '--level', 'enhet']).stdout.split('\n');
    const table = lines.slice(lines.indexOf('Enheter') + 1);
    const rows = table.slice(2, table.indexOf(''));
    expect(rows).toHaveLength(3);
    const unitRow = rows.find((line) => line.includes('Östra'))!;
    // The Id column (E10, E20, E30) starts at the same position on every row.
    expect(rows.map((line) => line.search(/E\d0 /))).toEqual(rows.map(() => unitRow.search(/E10 /)));
    expect(unitRow.startsWith('Hemtjänst[31mÖstra ]2 titel *  E10')).toBe(true);
  });
});

describe('options out of range: exit 2 with a Swedish message', () => {
  const data = fixturePath('scenarios', 'stats-basic');
  it.each([
    [['--months', '20000'], '--months: ange ett heltal från 1 till 60 (20000)'],
    [['--months', '61'], '--months: ange ett heltal från 1 till 60 (61)'],
    [['--months', '0'], '--months: ange ett heltal från 1 till 60 (0)'],
    [['--as-of', '9999-12-31'], '--as-of: datumet 9999-12-31 ligger utanför 1900-01-01 – 2199-12-31'],
    // Every problem at once: both dates are out of range.
    [['--from', '1800-01-01', '--to', '1800-12-31'], '--from: datumet 1800-01-01 ligger utanför 1900-01-01 – 2199-12-31\nrehab: --to: datumet 1800-12-31 ligger utanför 1900-01-01 – 2199-12-31'],
    [['--from', '2020-01-01', '--to', '2025-01-01'], '--from/--to: perioden får vara högst 60 månader (2020-01-01 – 2025-01-01)'],
  ])('stats %j', (args, message) => {
    const result = runCli(['stats', '--data', data, '--as-of', '2027-02-10', ...args]);
    expect(result.stderr.trim()).toBe(`rehab: ${message}`);
    expect(result.status).toBe(2);
  });

  it('--months 60 is the largest window and runs', () => {
    const result = runCli(['stats', '--data', data, '--as-of', '2027-02-10', '--months', '60', '--format', 'json']);
    expect(result.status).toBe(0);
    // 60 full months before February 2027: 2022-02-01 .. 2027-01-31.
    expect((JSON.parse(result.stdout) as { window: object }).window).toEqual({ from: '2022-02-01', to: '2027-01-31' });
  });

  it('calendar --months 20000 is a usage error too', () => {
    const result = runCli(['calendar', '--as-of', '2027-02-10', '--months', '20000']);
    expect(result.stderr.trim()).toBe('rehab: --months: ange ett heltal från 1 till 60 (20000)');
    expect(result.status).toBe(2);
  });

  it('a threshold in the config far out of range is a config error, not a crash', () => {
    const config = join(work, 'rehab.config.json');
    writeFileSync(config, JSON.stringify({ troskelvarden: { upprepadKorttidManader: 100000 } }));
    const result = runCli(['cases', '--data', fixturePath('scenarios', 'cases-basic'), '--as-of', '2027-02-10', '--config', config]);
    expect(result.stderr.trim()).toBe(`rehab: ${config}: troskelvarden.upprepadKorttidManader: ange ett heltal från 1 till 60`);
    expect(result.status).toBe(2);
  });
});

describe('a meeting time that does not exist in Swedish time', () => {
  it('2027-03-28 02:30 (clocks go 02:00 → 03:00) is invalid input naming file, line and field; nothing is written', () => {
    const meetings = join(work, 'moten.csv');
    writeFileSync(meetings, 'chef_epost;start;slut;plats\r\nmarta.hakansson@exempel.se;2027-03-28 02:30;2027-03-28 03:30;Rum 1\r\n');
    const out = join(work, 'ut');
    const result = runCli(['prep', '--data', fixturePath('scenarios', 'cases-basic'), '--as-of', '2027-02-10', '--out', out, '--meetings', meetings]);
    expect(result.stderr).toBe(
      'Indata är ogiltiga. Ingenting har skrivits.\n' +
        'moten.csv:2: start: klockslaget finns inte i svensk tid: klockan ställs fram från 02.00 till 03.00 när sommartiden börjar (2027-03-28 02:30)\n',
    );
    expect(result.status).toBe(3);
    expect(existsSync(out)).toBe(false);
  });
});
