// Hand-computed scenarios for SPEC §3. Window 2026-08-01..2027-01-31 = 31+30+31+30+31+31 = 184 days;
// previous window 2026-02-01..2026-07-31 = 28+31+30+31+30+31 = 181 days; as-of 2027-02-10.
import { describe, expect, it } from 'vitest';
import { computeAbsenceReport, type AbsenceReport, type UnitFigures } from '../../src/core/absenceFigures.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import type { EmploymentRow, SickSegment } from '../../src/core/types.js';
import { employment, segment } from './absenceFigures.builders.js';

const asOf = '2027-02-10';
const window = { from: '2026-08-01', to: '2027-01-31' };

function report(employments: EmploymentRow[], sickSegments: SickSegment[], overrides: Partial<typeof DEFAULT_THRESHOLDS> = {}, options: { asOf?: string; window?: typeof window } = {}): AbsenceReport {
  return computeAbsenceReport(
    { employments, sickSegments },
    { asOf: options.asOf ?? asOf, window: options.window ?? window, thresholds: { ...DEFAULT_THRESHOLDS, ...overrides } },
  );
}

function unit(result: AbsenceReport, level: UnitFigures['level'], id: string): UnitFigures {
  const found = result.units.find((candidate) => candidate.level === level && candidate.id === id);
  if (!found) throw new Error(`no ${level} ${id}`);
  return found;
}

describe('relapse rule in the figures (sjuklönelagen 7 §)', () => {
  it('5 well days continue the period: days 1–10 and 11–20 → 14 short, 6 long', () => {
    // 1–10 Sep sick, 11–15 Sep well (5 days), 16–25 Sep sick = days 11–20; short = 10 + 4 (days 11–14), long = 6 (days 15–20).
    const result = report([employment('A')], [segment('A', '2026-09-01', '2026-09-10'), segment('A', '2026-09-16', '2026-09-25')]);
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.exposureDays).toBe(184);
    expect(figures.shortSickDays).toBe(14);
    expect(figures.longSickDays).toBe(6);
    expect(figures.shortPct).toBeCloseTo((14 / 184) * 100, 10);
    expect(figures.longPct).toBeCloseTo((6 / 184) * 100, 10);
    expect(figures.totalPct).toBeCloseTo((20 / 184) * 100, 10);
  });

  it('6 well days start a new period: two periods of 10 days → 20 short, 0 long', () => {
    // 11–16 Sep well (6 days), 17–26 Sep = days 1–10 of a new period.
    const result = report([employment('A')], [segment('A', '2026-09-01', '2026-09-10'), segment('A', '2026-09-17', '2026-09-26')]);
    expect(unit(result, 'enhet', 'E1').shortSickDays).toBe(20);
    expect(unit(result, 'enhet', 'E1').longSickDays).toBe(0);
    expect(unit(result, 'enhet', 'E1').longPct).toBe(0);
  });
});

describe('window edges, previous window and long-spell share', () => {
  it('a spell crossing both window edges counts day numbers from its start', () => {
    // Sick 2026-07-20..2027-02-05: 20–31 Jul = 12 days before the window, so 1 Aug is day 13.
    // In the window all 184 days are sick: short = days 13–14 (1–2 Aug) = 2, long = 182.
    // Previous window: 12 sick days of 181 exposure days. Period length up to window end = 12 + 184 = 196 ≥ 60.
    const result = report([employment('A')], [segment('A', '2026-07-20', '2027-02-05')]);
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.shortSickDays).toBe(2);
    expect(figures.longSickDays).toBe(182);
    expect(figures.totalPct).toBeCloseTo(100, 10);
    expect(figures.previousTotalPct).toBeCloseTo((12 / 181) * 100, 10);
    expect(figures.longSpellSharePct).toBeCloseTo(100, 10);
    expect(result.previousWindow).toEqual({ from: '2026-02-01', to: '2026-07-31' });
    expect(result.administration.previousTotalPct).toBeCloseTo(6.629834254, 8);
  });

  it('a 70-day period with 20 days in the window counts in the long-spell share; one with 50 days after the window does not', () => {
    // A: sick 2026-06-12..2026-08-20 = 19 (Jun) + 31 (Jul) + 20 (Aug) = 70 days; in the window days 51–70, all long.
    // Length up to window end 70 ≥ 60 → 20 long-spell days.
    // B: sick 2027-01-12..2027-03-22 = 20 (Jan) + 28 (Feb) + 22 (Mar) = 70 days, but only 20 up to the window end → not long.
    // In the window B has days 1–20: 14 short, 6 long. Total = 20 + 20 = 40 sick days, long-spell share = 20/40 = 50 %.
    const result = report(
      [employment('A'), employment('B')],
      [segment('A', '2026-06-12', '2026-08-20'), segment('B', '2027-01-12', '2027-03-22')],
    );
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.shortSickDays).toBe(14);
    expect(figures.longSickDays).toBe(26);
    expect(figures.longSpellSickDays).toBe(20);
    expect(figures.longSpellSharePct).toBeCloseTo(50, 10);
    // Exposure 2 × 184 = 368; previous window: A's 19 + 31 = 50 sick days of 2 × 181 = 362.
    expect(figures.totalPct).toBeCloseTo((40 / 368) * 100, 10);
    expect(figures.previousTotalPct).toBeCloseTo((50 / 362) * 100, 10);
  });

  it('long-spell share is 0 without sick days, and previousTotalPct is null when the previous window has no exposure', () => {
    // Employed from 2026-08-01: no day in the previous window.
    const result = report([employment('A', { validFrom: '2026-08-01' })], []);
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.totalPct).toBe(0);
    expect(figures.longSpellSharePct).toBe(0);
    expect(figures.previousTotalPct).toBeNull();
  });
});

describe('ongoing spells', () => {
  it('an ongoing spell runs to the as-of date; 62 days up to the window end make it a long spell', () => {
    // Sick from 2026-12-01, no end. Window days 1 Dec..31 Jan = 31 + 31 = 62: 14 short, 48 long; 62 ≥ 60 → long-spell share 100 %.
    const result = report([employment('A')], [segment('A', '2026-12-01', null)]);
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.shortSickDays).toBe(14);
    expect(figures.longSickDays).toBe(48);
    expect(figures.longSpellSharePct).toBeCloseTo(100, 10);
  });

  it('with the as-of date inside the window, an ongoing spell stops at the as-of date', () => {
    // Window January 2027 (31 days), as-of 2027-01-20, sick from 2027-01-10: 10..20 Jan = 11 days, all short.
    const result = report([employment('A')], [segment('A', '2027-01-10', null)], {}, { asOf: '2027-01-20', window: { from: '2027-01-01', to: '2027-01-31' } });
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.exposureDays).toBe(31);
    expect(figures.shortSickDays).toBe(11);
    expect(figures.totalPct).toBeCloseTo((11 / 31) * 100, 10);
    // Previous window of a whole month: December 2026.
    expect(result.previousWindow).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    // Trend: January 2027 is the last of 12 months: 11/31.
    expect(result.trend.months[11]).toBe('2027-01-01');
    expect(result.trend.administration[11]!.totalPct).toBeCloseTo((11 / 31) * 100, 10);
  });

  it('an ongoing segment that starts after the as-of date is left out', () => {
    const result = report([employment('A')], [segment('A', '2027-01-25', null)], {}, { asOf: '2027-01-20', window: { from: '2027-01-01', to: '2027-01-31' } });
    expect(unit(result, 'enhet', 'E1').totalPct).toBe(0);
  });
});

describe('employment rate, extent and movers', () => {
  it('a 50 % employee with a 25 % spell adds 0.125 FTE per day', () => {
    // Exposure 184 × 0.5 = 92; sick 1–10 Sep at 25 %: 10 × 0.25 × 0.5 = 1.25.
    const result = report([employment('A', { employmentRate: 50 })], [segment('A', '2026-09-01', '2026-09-10', 25)]);
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.exposureDays).toBe(92);
    expect(figures.shortSickDays).toBeCloseTo(1.25, 12);
    expect(figures.shortPct).toBeCloseTo((1.25 / 92) * 100, 10);
  });

  it('a mover on the first day of a month: each day goes to the unit of the row valid that day', () => {
    // E1 100 % until 2026-10-31: exposure 1 Aug..31 Oct = 31 + 30 + 31 = 92.
    // E2 50 % from 2026-11-01: exposure 1 Nov..31 Jan = (30 + 31 + 31) × 0.5 = 46.
    // Sick 25 Oct..10 Nov: 25–31 Oct = days 1–7 in E1 (7 short × 1.0 = 7);
    // 1–10 Nov = days 8–17 in E2: days 8–14 (1–7 Nov) short 7 × 0.5 = 3.5, days 15–17 (8–10 Nov) long 3 × 0.5 = 1.5.
    const rows = [
      employment('B', { unitId: 'E1', validTo: '2026-10-31' }),
      employment('B', { unitId: 'E2', validFrom: '2026-11-01', employmentRate: 50 }),
    ];
    const result = report(rows, [segment('B', '2026-10-25', '2026-11-10')]);
    const first = unit(result, 'enhet', 'E1');
    const second = unit(result, 'enhet', 'E2');
    expect(first.exposureDays).toBe(92);
    expect(first.shortSickDays).toBe(7);
    expect(first.longSickDays).toBe(0);
    expect(second.exposureDays).toBe(46);
    expect(second.shortSickDays).toBe(3.5);
    expect(second.longSickDays).toBe(1.5);
    expect(second.longPct).toBeCloseTo((1.5 / 46) * 100, 10);
    expect(first.employees).toBe(1);
    expect(second.employees).toBe(1);
    // Both enheter are in Hemtjänst: 92 + 46 = 138 exposure, 7 + 3.5 + 1.5 = 12 sick days, still one employee.
    const operation = unit(result, 'verksamhet', 'Hemtjänst');
    expect(operation.exposureDays).toBe(138);
    expect(operation.totalPct).toBeCloseTo((12 / 138) * 100, 10);
    expect(operation.employees).toBe(1);
    // Trend: October in E1 = 7/31; November in E2 = short 3.5/15, long 1.5/15 (exposure 30 × 0.5 = 15).
    const octoberIndex = result.trend.months.indexOf('2026-10-01');
    const novemberIndex = result.trend.months.indexOf('2026-11-01');
    expect(result.trend.units['enhet:E1']![octoberIndex]!.totalPct).toBeCloseTo((7 / 31) * 100, 10);
    expect(result.trend.units['enhet:E2']![novemberIndex]!.shortPct).toBeCloseTo((3.5 / 15) * 100, 10);
    expect(result.trend.units['enhet:E2']![novemberIndex]!.longPct).toBeCloseTo(10, 10);
    // E2 has no exposure in October: null, not 0.
    expect(result.trend.units['enhet:E2']![octoberIndex]!.totalPct).toBeNull();
  });

  it('people who start or leave inside the window count for their days only', () => {
    // C starts 2026-10-15: 17 (Oct) + 30 + 31 + 31 = 109 days. D leaves 2026-09-30: 31 + 30 = 61 days. Total 170.
    // D is sick 25 Sep..5 Oct: only 25–30 Sep = 6 days have an employment row.
    const rows = [employment('C', { validFrom: '2026-10-15' }), employment('D', { validTo: '2026-09-30' })];
    const result = report(rows, [segment('D', '2026-09-25', '2026-10-05')]);
    const figures = unit(result, 'enhet', 'E1');
    expect(figures.exposureDays).toBe(170);
    expect(figures.employees).toBe(2);
    expect(figures.shortSickDays).toBe(6);
    expect(figures.totalPct).toBeCloseTo((6 / 170) * 100, 10);
  });

  it('leaves out sick days without a valid employment row and warns about them', () => {
    // D (see above) is sick 25 Sep..5 Oct but employed only to 30 Sep: 1–5 Oct = 5 days are left out.
    const sick = segment('D', '2026-09-25', '2026-10-05');
    const result = report([employment('D', { validTo: '2026-09-30' })], [sick]);
    expect(result.warnings).toEqual([{ code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: sick.line, days: 5 }]);
    expect(result.administration.shortSickDays).toBe(6);
  });

  it('leaves out units with no employment day in the window', () => {
    const rows = [employment('A', { unitId: 'OLD', validTo: '2026-07-31' }), employment('A', { unitId: 'NEW', validFrom: '2026-08-01' })];
    const result = report(rows, []);
    expect(result.units.filter((candidate) => candidate.level === 'enhet').map((candidate) => candidate.id)).toEqual(['NEW']);
  });
});

describe('names, roll-ups, comparison and order', () => {
  it('takes names and parents from the latest row and compares with the administration', () => {
    // E1 (4 people, one sick 20 days) and E2 (5 people, none sick); all 100 % the whole window.
    // Administration: 20 / (9 × 184) = 1.2077 %; E1: 20 / (4 × 184) = 2.7174 % → diff 1.5097 pp, not ≥ 2.0.
    const rows: EmploymentRow[] = [];
    for (let index = 0; index < 4; index += 1) rows.push(employment(`a${index}`, { unitId: 'E1', unitName: 'Gamla namnet', validTo: '2026-09-30' }), employment(`a${index}`, { unitId: 'E1', unitName: 'Solrosen', validFrom: '2026-10-01', operation: 'Särskilt boende', department: 'Avdelning Väst' }));
    for (let index = 0; index < 5; index += 1) rows.push(employment(`b${index}`, { unitId: 'E2', unitName: 'Ängen' }));
    const result = report(rows, [segment('a0', '2026-10-01', '2026-10-20')]);
    const first = unit(result, 'enhet', 'E1');
    expect(first.name).toBe('Solrosen');
    expect(first.parent).toBe('Särskilt boende');
    expect(first.department).toBe('Avdelning Väst');
    expect(first.suppressed).toBe(true);
    expect(first.diffPp).toBeCloseTo((20 / 736) * 100 - (20 / 1656) * 100, 10);
    expect(first.deviates).toBe(false);
    expect(unit(result, 'verksamhet', 'Särskilt boende').parent).toBe('Avdelning Väst');
    // Today's organisation: E1's rows before October (4 × 61 = 244 days) go with E1 to Särskilt boende,
    // so Hemtjänst holds only E2's 5 × 184 = 920 days and Särskilt boende all of E1's 4 × 184 = 736.
    expect(unit(result, 'verksamhet', 'Hemtjänst').exposureDays).toBe(920);
    expect(unit(result, 'verksamhet', 'Särskilt boende').exposureDays).toBe(736);
    expect(unit(result, 'verksamhet', 'Särskilt boende').employees).toBe(4);
    expect(unit(result, 'avdelning', 'Avdelning Öst').parent).toBe('Vård- och omsorgsförvaltningen');
    expect(result.administration.name).toBe('Vård- och omsorgsförvaltningen');
    expect(result.administration.employees).toBe(9);
    expect(result.administration.totalPct).toBeCloseTo((20 / 1656) * 100, 10);
    // Order: enhet, verksamhet, avdelning; Swedish collation puts Ä after S.
    expect(result.units.map((candidate) => `${candidate.level}:${candidate.name}`)).toEqual([
      'enhet:Solrosen', 'enhet:Ängen', 'verksamhet:Hemtjänst', 'verksamhet:Särskilt boende', 'avdelning:Avdelning Väst', 'avdelning:Avdelning Öst',
    ]);
  });

  it('a unit deviates at exactly 2.0 pp above the administration, unless suppressed', () => {
    // E1: 5 people, 46 sick days in total; E2: 5 people, 0 sick. Exposure 5 × 184 = 920 each.
    // E1 = 46/920 = 5 %, administration = 46/1840 = 2.5 % → diff 2.5 pp ≥ 2.0 → deviates.
    const rows: EmploymentRow[] = [];
    for (let index = 0; index < 5; index += 1) rows.push(employment(`a${index}`, { unitId: 'E1' }), employment(`b${index}`, { unitId: 'E2' }));
    const sick = [segment('a0', '2026-09-01', '2026-10-16')]; // 30 + 16 = 46 days
    const result = report(rows, sick);
    expect(unit(result, 'enhet', 'E1').diffPp).toBeCloseTo(2.5, 10);
    expect(unit(result, 'enhet', 'E1').deviates).toBe(true);
    // deviationPp 2.5: exactly equal still deviates.
    expect(unit(report(rows, sick, { deviationPp: 2.5 }), 'enhet', 'E1').deviates).toBe(true);
    expect(unit(report(rows, sick, { deviationPp: 2.6 }), 'enhet', 'E1').deviates).toBe(false);
    // minGroupSize 6: E1 is suppressed and never deviates.
    const suppressed = unit(report(rows, sick, { minGroupSize: 6 }), 'enhet', 'E1');
    expect(suppressed.suppressed).toBe(true);
    expect(suppressed.deviates).toBe(false);
  });

  it('uses the configured administration name', () => {
    const result = computeAbsenceReport({ employments: [employment('A')], sickSegments: [] }, { asOf, window, thresholds: DEFAULT_THRESHOLDS, administrationName: 'Socialförvaltningen' });
    expect(result.administration.name).toBe('Socialförvaltningen');
    expect(unit(result, 'avdelning', 'Avdelning Öst').parent).toBe('Socialförvaltningen');
  });
});

describe('statutory breakdown (LKBR)', () => {
  it('suppresses a group of 10 employees and shows a group of 11', () => {
    // 11 women and 10 men, 100 % all window. One woman sick 23 days → women 23 / (11 × 184) = 1.1364 %.
    const rows: EmploymentRow[] = [];
    for (let index = 0; index < 11; index += 1) rows.push(employment(`k${index}`, { gender: 'K', birthYear: 1998 }));
    for (let index = 0; index < 10; index += 1) rows.push(employment(`m${index}`, { gender: 'M', birthYear: 1977 }));
    rows.push(employment('x', {})); // no kon/fodelsear: in no group, but in the unit
    const result = report(rows, [segment('k0', '2026-09-01', '2026-09-23')]);
    const women = result.statutory.find((figure) => figure.group === 'women')!;
    const men = result.statutory.find((figure) => figure.group === 'men')!;
    expect(women).toEqual({ group: 'women', employees: 11, exposureDays: 11 * 184, totalPct: expect.closeTo((23 / 2024) * 100, 10), suppressed: false });
    expect(men.employees).toBe(10);
    expect(men.suppressed).toBe(true);
    expect(men.totalPct).toBe(0);
    // Age = 2027 − fodelsear: 1998 → 29 (≤29), 1977 → 50 (≥50).
    expect(result.statutory.map((figure) => [figure.group, figure.employees])).toEqual([
      ['women', 11], ['men', 10], ['age_29_or_less', 11], ['age_30_to_49', 0], ['age_50_or_more', 10],
    ]);
    expect(result.statutory.find((figure) => figure.group === 'age_30_to_49')!.totalPct).toBeNull();
    expect(unit(result, 'enhet', 'E1').employees).toBe(22);
  });

  it('age group boundaries: 30 and 49 are 30–49', () => {
    const rows = [employment('a', { birthYear: 1997 }), employment('b', { birthYear: 1978 })];
    const result = report(rows, []);
    expect(result.statutory.find((figure) => figure.group === 'age_30_to_49')!.employees).toBe(2);
  });
});

describe('repeated short-term absence', () => {
  // 12 months ending with the window end: 2026-02-01..2027-01-31.
  const starts = ['2026-02-01', '2026-04-01', '2026-06-01', '2026-08-01', '2026-10-01', '2026-12-01'];
  const oneDay = (id: string, date: string): SickSegment => segment(id, date, date);

  it('6 periods in the 12 months are repeated short-term absence; 5 are not', () => {
    const six = starts.map((date) => oneDay('S6', date));
    // S5: five of the same, plus one on 2026-01-31 (outside the 12 months).
    const five = [oneDay('S5', '2026-01-31'), ...starts.slice(1).map((date) => oneDay('S5', date))];
    const result = report([employment('S6'), employment('S5')], [...six, ...five]);
    expect(result.repeatedShortTerm).toEqual([{ employmentId: 'S6', periodStarts: starts }]);
  });

  it('segments within 5 days are one period, so they count once', () => {
    // 2026-10-01 and 2026-10-07 (2–6 Oct: 5 well days between) are one period → 5 periods.
    const segments = [...starts.slice(0, 5).map((date) => oneDay('R', date)), oneDay('R', '2026-10-07')];
    expect(report([employment('R')], segments).repeatedShortTerm).toEqual([]);
    expect(report([employment('R')], segments, { repeatedShortTermPeriods: 5 }).repeatedShortTerm).toEqual([
      { employmentId: 'R', periodStarts: starts.slice(0, 5) },
    ]);
  });
});

describe('repeated short-term absence over whole calendar months (SPEC §3)', () => {
  // 6 months ending with the window's last month February 2027 = 2026-09-01..2027-02-28, not 2026-08-29..(6 months + 3 days).
  const sixMonths = { asOf: '2027-03-05', window: { from: '2026-09-01', to: '2027-02-28' } };
  const oneDay = (id: string, date: string): SickSegment => segment(id, date, date);
  const later = ['2026-10-01', '2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01'];

  it('a period starting 2026-08-29 is outside; one starting 2026-09-01 is inside', () => {
    const outside = [oneDay('A', '2026-08-29'), ...later.map((date) => oneDay('A', date))];
    const inside = [oneDay('B', '2026-09-01'), ...later.map((date) => oneDay('B', date))];
    const result = report([employment('A'), employment('B')], [...outside, ...inside], { repeatedShortTermMonths: 6 }, sixMonths);
    expect(result.repeatedShortTerm).toEqual([{ employmentId: 'B', periodStarts: ['2026-09-01', ...later] }]);
  });

  it('with the default 12 months, the window ending in February counts from 2026-03-01', () => {
    // 12 months ending with February 2027: 2026-03-01..2027-02-28. A period on 2026-02-28 is outside.
    const outside = [oneDay('A', '2026-02-28'), ...later.map((date) => oneDay('A', date))];
    const inside = [oneDay('B', '2026-03-01'), ...later.map((date) => oneDay('B', date))];
    const result = report([employment('A'), employment('B')], [...outside, ...inside], {}, sixMonths);
    expect(result.repeatedShortTerm.map((entry) => entry.employmentId)).toEqual(['B']);
  });
});

describe('fair comparison: funnel limits on the figures (SPEC §3)', () => {
  // 60 enheter of 40 people at 5 % (16 people × 23 days = 368 of 40 × 184 = 7 360), a large enhet L of 1 200 people at
  // 836 × 23 = 19 228 of 220 800 = 8.708 %, and a small enhet S of 5 people where one has a 120-day spell: 120/920 = 13.04 %.
  // Förvaltningen: exposure 3 605 × 184 = 663 320, sick 60 × 368 + 19 228 + 120 = 41 428 → 6.2456 %.
  // L: n = 1 200, s = 1/(2√1200) = 0.014434, z = (asin√0.087083 − asin√0.062456)/s = 3.254; S: n = 5, s = 0.2236, z = 0.523;
  // the 60 others z = −0.342. Winsorised at the 10/90 % quantiles (both −0.342): φ = 0.117, I·φ ≤ I − 1 → τ² = 0.
  // L's 99.8 % upper limit = sin²(θ₀ + 3.090232 × 0.014434) = 8.5753 % < 8.708 % → high.
  // S's 95 % upper limit = sin²(θ₀ + 1.959964 × 0.2236) = 40.60 % > 13.04 % → no signal, though S deviates by the pp rule.
  const employments: EmploymentRow[] = [];
  const sick: SickSegment[] = [];
  const addUnit = (unitId: string, people: number, sickPeople: number, days: number): void => {
    for (let index = 0; index < people; index += 1) {
      const id = `${unitId}-${index}`;
      employments.push(employment(id, { unitId, operation: `Verksamhet ${unitId.slice(0, 2)}` }));
      // Sick from 1 Sep for `days` days (23 days → 1–23 Sep; 120 days → 1 Sep..29 Dec).
      if (index < sickPeople) sick.push(segment(id, '2026-09-01', days === 23 ? '2026-09-23' : '2026-12-29'));
    }
  };
  for (let unitNumber = 0; unitNumber < 60; unitNumber += 1) addUnit(`U${String(unitNumber).padStart(2, '0')}`, 40, 16, 23);
  addUnit('L', 1200, 836, 23);
  addUnit('S', 5, 1, 120);
  const result = report(employments, sick);

  it('flags the large unit 2 pp above, not the small unit with one long spell', () => {
    expect(result.administration.totalPct).toBeCloseTo((41_428 / 663_320) * 100, 10);
    const large = unit(result, 'enhet', 'L');
    const small = unit(result, 'enhet', 'S');
    expect(large.totalPct).toBeCloseTo((19_228 / 220_800) * 100, 10);
    expect(large.diffPp).toBeCloseTo(2.4627807, 6);
    expect(large.funnel!.upper998Pct).toBeCloseTo(8.575321, 5);
    expect(large.funnel!.upper95Pct).toBeCloseTo(7.683949, 5);
    expect(large.signal).toBe('high');
    expect(small.totalPct).toBeCloseTo((120 / 920) * 100, 10);
    expect(small.deviates).toBe(true);
    expect(small.funnel!.upper95Pct).toBeCloseTo(40.601395, 5);
    expect(small.signal).toBeNull();
    // The 60 others at 5 %: limits 0.9503–15.7093 % (95 %), inside.
    expect(unit(result, 'enhet', 'U00').funnel!.lower95Pct).toBeCloseTo(0.950324, 5);
    expect(unit(result, 'enhet', 'U00').signal).toBeNull();
    expect(result.funnelDispersion.enhet).toEqual({ units: 62, phi: expect.closeTo(0.1172886, 6), tau2: 0 });
  });

  it('verksamheter are compared among themselves; avdelningar get no funnel', () => {
    // Verksamheter "Verksamhet U0".."Verksamhet U5" (10 enheter, 400 people, 5 % each), "Verksamhet L", "Verksamhet S": 8 compared.
    // z: six × (asin√0.05 − θ₀)/(1/(2√400)) = −1.0830, L 3.2542, S 0.5229. Quantiles: 10 % at position 0.7 → −1.0830;
    // 90 % at 6.3 → 0.5229 + 0.3 × (3.2542 − 0.5229) = 1.3423. φ = (6 × 1.1729 + 0.2734 + 1.8017)/8 = 1.1391, I·φ = 9.1125 > 7
    // → τ² = 2.1125 / (14 420 − 38 400 400 / 14 420) = 2.1125 / 11 757.0 = 0.00017968 (w = 4n: 6 × 1 600, 4 800, 20).
    // L's spread √(0.014434² + 0.00017968) = 0.019698: 95 % upper 8.2425 % < 8.708 % < 99.8 % upper 9.5081 % → watch_high.
    expect(result.funnelDispersion.verksamhet.units).toBe(8);
    expect(result.funnelDispersion.verksamhet.phi).toBeCloseTo(1.1390570, 6);
    expect(result.funnelDispersion.verksamhet.tau2).toBeCloseTo(0.00017967636, 10);
    const large = unit(result, 'verksamhet', 'Verksamhet L');
    expect(large.funnel!.upper95Pct).toBeCloseTo(8.242513, 5);
    expect(large.funnel!.upper998Pct).toBeCloseTo(9.508067, 5);
    expect(large.signal).toBe('watch_high');
    for (const avdelning of result.units.filter((candidate) => candidate.level === 'avdelning')) {
      expect([avdelning.funnel, avdelning.signal]).toEqual([null, null]);
    }
  });
});
