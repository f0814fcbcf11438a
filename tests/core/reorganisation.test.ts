// fixtures/scenarios/unit-moved-between-verksamheter: figures follow today's organisation (SPEC §3 "Roll-ups").
// On 2026-11-01 enhet E1 moves from Hemtjänst Norr (Avdelning Norr) to Hemtjänst Söder (Avdelning Söder), and
// E3 moves from Nattpatrull (Avdelning Norr) to Hemtjänst Söder, so no unit names Nattpatrull any more.
// Window 2026-08-01..2027-01-31 = 184 days; previous period 2026-02-01..2026-07-31 = 181 days; as-of 2027-02-10.
//
// Employment (all rows valid from 2025-01-01 unless said):
//   E1: 1001 100 %, 1002 50 %;  E2: 1003 100 %;  E3: 1004 100 %;
//   E4: 1005 80 %, 1006 100 % only 2026-03-01..2026-05-31 (previous period only).
// Sick leave (every period is short unless said):
//   1001 2026-03-02..06 (5 d, previous) and 2026-09-01..10 (10 d, in E1 while E1 was in Hemtjänst Norr);
//   1002 2026-10-20..2026-11-15 (27 d × 0.5): days 1–14 = 20 Oct..2 Nov short 14 × 0.5 = 7, days 15–27 = 3..15 Nov long 13 × 0.5 = 6.5;
//   1003 2026-12-01..05 (5 d); 1004 2026-06-01..03 (3 d, previous) and 2026-08-10..19 (10 d, while E3 was in Nattpatrull);
//   1005 2027-01-11..20 at 50 % × 0.8 = 10 × 0.4 = 4.
import { describe, expect, it } from 'vitest';
import { computeAbsenceReport, type AbsenceReport, type UnitFigures } from '../../src/core/absenceFigures.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import { readDataset } from '../../src/input/readDataset.js';
import { fixturePath, runCli } from '../helpers/runCli.js';

const asOf = '2027-02-10';
const window = { from: '2026-08-01', to: '2027-01-31' };
const noAliases = { anstallda: {}, sjukfranvaro: {}, rehabarenden: {} };

function figures(): AbsenceReport {
  const { dataset } = readDataset(fixturePath('scenarios', 'unit-moved-between-verksamheter'), { headerAliases: noAliases, requireCases: false });
  return computeAbsenceReport(dataset, { asOf, window, thresholds: DEFAULT_THRESHOLDS });
}

function unit(report: AbsenceReport, level: UnitFigures['level'], id: string): UnitFigures {
  const found = report.units.find((candidate) => candidate.level === level && candidate.id === id);
  if (!found) throw new Error(`no ${level} ${id}`);
  return found;
}

describe('a unit moved between verksamheter takes its history with it', () => {
  const report = figures();
  const monthIndex = (month: string): number => report.trend.months.indexOf(month);

  it('lists the verksamheter and avdelningar of today, not Nattpatrull', () => {
    expect(report.units.map((candidate) => `${candidate.level}:${candidate.id}:${candidate.parent}`)).toEqual([
      'enhet:E2:Hemtjänst Norr', // Hemtjänst Björken
      'enhet:E4:Hemtjänst Söder', // Hemtjänst Dalen
      'enhet:E1:Hemtjänst Söder', // Hemtjänst Åsen (Å sorts last in Swedish)
      'enhet:E3:Hemtjänst Söder', // Nattpatrullen Söder, its latest name
      'verksamhet:Hemtjänst Norr:Avdelning Norr',
      'verksamhet:Hemtjänst Söder:Avdelning Söder',
      'avdelning:Avdelning Norr:Omsorgsförvaltningen',
      'avdelning:Avdelning Söder:Omsorgsförvaltningen',
    ]);
    expect(unit(report, 'enhet', 'E3').name).toBe('Nattpatrullen Söder');
  });

  it('window: the old verksamhet keeps only the unit that stayed', () => {
    // Hemtjänst Norr = E2 only: exposure 184, sick 5 (1003 in December) → 5/184 = 2.7174 %; 1 employee.
    const north = unit(report, 'verksamhet', 'Hemtjänst Norr');
    expect(north.employees).toBe(1);
    expect(north.exposureDays).toBe(184);
    expect(north.shortSickDays).toBe(5);
    expect(north.totalPct).toBeCloseTo((5 / 184) * 100, 10);
    // Hemtjänst Söder = E1 + E3 + E4, all of their window days (also E1's and E3's Aug–Oct):
    // exposure E1 184 + 92 = 276, E3 184, E4 147.2 → 607.2; short 10 + 7 + 10 + 4 = 31, long 6.5, total 37.5.
    const south = unit(report, 'verksamhet', 'Hemtjänst Söder');
    expect(south.employees).toBe(4);
    expect(south.exposureDays).toBeCloseTo(607.2, 10);
    expect(south.shortSickDays).toBeCloseTo(31, 10);
    expect(south.longSickDays).toBeCloseTo(6.5, 10);
    expect(south.totalPct).toBeCloseTo((37.5 / 607.2) * 100, 10); // 6.1759 %
    // E1 itself: 276 exposure, 23.5 sick; the verksamhet it names is at least as big.
    expect(unit(report, 'enhet', 'E1').exposureDays).toBe(276);
    expect(unit(report, 'enhet', 'E1').totalPct).toBeCloseTo((23.5 / 276) * 100, 10);
  });

  it('window: both avdelningar follow their verksamheter, and the förvaltning is their sum', () => {
    const north = unit(report, 'avdelning', 'Avdelning Norr');
    const south = unit(report, 'avdelning', 'Avdelning Söder');
    expect([north.employees, north.exposureDays, north.shortSickDays + north.longSickDays]).toEqual([1, 184, 5]);
    expect(south.employees).toBe(4);
    expect(south.exposureDays).toBeCloseTo(607.2, 10);
    expect(south.totalPct).toBeCloseTo((37.5 / 607.2) * 100, 10);
    // Förvaltningen: 184 + 607.2 = 791.2 exposure, 5 + 37.5 = 42.5 sick → 5.3716 %; Söder's diff = 6.1759 − 5.3716.
    expect(report.administration.exposureDays).toBeCloseTo(791.2, 10);
    expect(report.administration.totalPct).toBeCloseTo((42.5 / 791.2) * 100, 10);
    expect(south.diffPp).toBeCloseTo((37.5 / 607.2) * 100 - (42.5 / 791.2) * 100, 10);
  });

  it('previous period: the moved units bring their earlier days too', () => {
    // Previous exposure: E1 181 + 90.5 = 271.5, E2 181, E3 181, E4 1005 181 × 0.8 = 144.8 + 1006 Mar–May 31 + 30 + 31 = 92 → 236.8.
    // Previous sick: 1001 5 (E1), 1004 3 (E3).
    // Hemtjänst Söder: 271.5 + 181 + 236.8 = 689.3, sick 8 → 1.1606 %; Hemtjänst Norr: 0/181 = 0 %.
    expect(unit(report, 'verksamhet', 'Hemtjänst Söder').previousTotalPct).toBeCloseTo((8 / 689.3) * 100, 10);
    expect(unit(report, 'verksamhet', 'Hemtjänst Norr').previousTotalPct).toBe(0);
    expect(unit(report, 'avdelning', 'Avdelning Söder').previousTotalPct).toBeCloseTo((8 / 689.3) * 100, 10);
    expect(unit(report, 'avdelning', 'Avdelning Norr').previousTotalPct).toBe(0);
    // Förvaltningen: 181 + 689.3 = 870.3, sick 8.
    expect(report.administration.previousTotalPct).toBeCloseTo((8 / 870.3) * 100, 10);
  });

  it('trend: every month of the moved units counts for today’s verksamhet and avdelning', () => {
    const south = report.trend.units['verksamhet:Hemtjänst Söder']!;
    const north = report.trend.units['verksamhet:Hemtjänst Norr']!;
    // March 2026 (31 d): Söder exposure 1001 31 + 1002 15.5 + 1004 31 + 1005 24.8 + 1006 31 = 133.3; sick 1001 5 → 5/133.3.
    expect(south[monthIndex('2026-03-01')]!.totalPct).toBeCloseTo((5 / 133.3) * 100, 10);
    expect(north[monthIndex('2026-03-01')]!.totalPct).toBe(0);
    // June 2026 (30 d): 30 + 15 + 30 + 24 = 99; 1004 3 days → 3/99.
    expect(south[monthIndex('2026-06-01')]!.totalPct).toBeCloseTo((3 / 99) * 100, 10);
    // August 2026 (31 d): 31 + 15.5 + 31 + 24.8 = 102.3; 1004 10 days (then in Nattpatrull) → 10/102.3.
    expect(south[monthIndex('2026-08-01')]!.totalPct).toBeCloseTo((10 / 102.3) * 100, 10);
    // October 2026: 1002 20–31 Oct = 12 days × 0.5 = 6, short → 6/102.3.
    expect(south[monthIndex('2026-10-01')]!.shortPct).toBeCloseTo((6 / 102.3) * 100, 10);
    // November 2026 (30 d): exposure 99; 1002 1–2 Nov short 2 × 0.5 = 1, 3–15 Nov long 13 × 0.5 = 6.5.
    expect(south[monthIndex('2026-11-01')]!.shortPct).toBeCloseTo((1 / 99) * 100, 10);
    expect(south[monthIndex('2026-11-01')]!.longPct).toBeCloseTo((6.5 / 99) * 100, 10);
    // Avdelning Norr in September: only E2 (30 days, not sick) → 0, although E1's 1001 was sick in Norr then.
    expect(report.trend.units['avdelning:Avdelning Norr']![monthIndex('2026-09-01')]!.totalPct).toBe(0);
    expect(report.trend.units['avdelning:Avdelning Söder']![monthIndex('2026-09-01')]!.totalPct).toBeCloseTo((10 / 99) * 100, 10);
    expect(Object.keys(report.trend.units).some((key) => key.includes('Nattpatrull'))).toBe(false);
  });

  it('each cell has its own population: window, previous period and every trend month', () => {
    // Hemtjänst Söder: 1001, 1002, 1004, 1005 in the window; 1006 too in the previous period and in March–May.
    const south = report.cells['verksamhet:Hemtjänst Söder']!;
    expect(south.window).toEqual({ employees: 4, exposureDays: expect.closeTo(607.2, 10) });
    expect(south.previous).toEqual({ employees: 5, exposureDays: expect.closeTo(689.3, 10) });
    expect(south.months.map((cell) => cell.employees)).toEqual([4, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(south.months[monthIndex('2026-03-01')]!.exposureDays).toBeCloseTo(133.3, 10);
    // E4: 1005 always, 1006 in March–May only.
    const dalen = report.cells['enhet:E4']!;
    expect([dalen.window.employees, dalen.previous.employees]).toEqual([1, 2]);
    expect(dalen.previous.exposureDays).toBeCloseTo(236.8, 10);
    expect(report.cells.administration!.previous).toEqual({ employees: 6, exposureDays: expect.closeTo(870.3, 10) });
    expect(report.cells.administration!.window.employees).toBe(5);
    // Every unit listed has its cells, and nothing else does.
    expect(Object.keys(report.cells).sort()).toEqual(['administration', ...report.units.map((candidate) => `${candidate.level}:${candidate.id}`)].sort());
  });

  it('rehab stats --format json shows the same roll-ups', () => {
    const result = runCli(['stats', '--data', fixturePath('scenarios', 'unit-moved-between-verksamheter'), '--as-of', asOf, '--format', 'json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { units: { level: string; id: string; exposureDays: number; totalPct: number }[] };
    expect(json.units.filter((candidate) => candidate.level !== 'enhet').map((candidate) => [candidate.id, candidate.exposureDays])).toEqual([
      ['Hemtjänst Norr', 184],
      ['Hemtjänst Söder', expect.closeTo(607.2, 10)],
      ['Avdelning Norr', 184],
      ['Avdelning Söder', expect.closeTo(607.2, 10)],
    ]);
  });
});
