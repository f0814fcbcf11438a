// Cross-check: src/core/caseChecklist.ts against the independent tests/core/caseReference.ts on random datasets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCases } from '../../src/core/caseChecklist.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/core/thresholds.js';
import type { Dataset, EmploymentRow, RehabCase, SickSegment } from '../../src/core/types.js';
import { referenceCaseChecklist } from './caseReference.js';

const DAY_MS = 86_400_000;
const toIso = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);
const BASE = Date.UTC(2026, 0, 1) / DAY_MS;

const MANAGERS = [
  ['Ada Chefsson', 'ada@exempel.se'],
  ['Ada Chefsson', 'Ada@Exempel.se'],
  ['Bo Ledare', 'bo@exempel.se'],
  ['Cia Enhetschef', 'cia@exempel.se'],
] as const;
const UNITS = [
  ['U1', 'Äldreboendet Ekan'],
  ['U2', 'Hemtjänst Öst'],
  ['U3', 'Åkerns förskola'],
  ['U4', 'Alfa skola'],
] as const;

const thresholdsArb: fc.Arbitrary<Thresholds> = fc.oneof(
  fc.constant(DEFAULT_THRESHOLDS),
  fc.record({
    relapseGapDays: fc.integer({ min: 0, max: 8 }),
    certificateFromDay: fc.integer({ min: 1, max: 15 }),
    certificateExpiringDays: fc.integer({ min: 0, max: 20 }),
    healthTalkMaxAgeMonths: fc.integer({ min: 1, max: 24 }),
    returnPlanDay: fc.integer({ min: 5, max: 45 }),
    returnPlanForcedDay: fc.integer({ min: 30, max: 90 }),
    planMaxAgeDays: fc.integer({ min: 10, max: 120 }),
    activityMaxAgeDays: fc.integer({ min: 5, max: 45 }),
    // Dyadic shares keep a/b ≥ s and a ≥ s·b exactly equal in floating point.
    deeperSupportShare: fc.constantFrom(0.25, 0.5, 0.75, 1),
    deeperSupportCases: fc.integer({ min: 1, max: 5 }),
    repeatedShortTermPeriods: fc.integer({ min: 1, max: 8 }),
    sickLeaveWithoutCaseFromDay: fc.integer({ min: 1, max: 40 }),
  }).map((overrides) => ({ ...DEFAULT_THRESHOLDS, ...overrides })),
);

/** An offset from the as-of date, mostly near it so the boundaries (0, ±1, 14, 30, 90 …) are hit often. */
const nearOffset = fc.oneof(
  fc.constantFrom(0, -1, 1, 14, 15, -30, -31, -90, -91),fc.integer({ min: -40, max: 40 }), fc.integer({ min: -120, max: -80 }), fc.integer({ min: -500, max: 200 }));
const optionalOffset = fc.option(nearOffset, { freq: 4 });

interface Scenario {
  asOfDay: number;
  thresholds: Thresholds;
  employmentCount: number;
  rows: { unit: number; manager: number; length: number; openEnded: boolean }[][];
  chains: { startBack: number; pieces: { length: number; gap: number }[]; ongoing: boolean }[];
  cases: {
    employment: number;
    open: boolean;
    opened: number;
    expected: 'ja' | 'nej' | null;
    dates: (number | null)[];
  }[];
  repeated: { employment: number; starts: number[] }[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 5 }).chain((employmentCount) =>
  fc.record({
    asOfDay: fc.integer({ min: BASE, max: BASE + 3 * 365 }),
    thresholds: thresholdsArb,
    employmentCount: fc.constant(employmentCount),
    rows: fc.array(
      fc.array(fc.record({ unit: fc.nat(UNITS.length - 1), manager: fc.nat(MANAGERS.length - 1), length: fc.integer({ min: 1, max: 500 }), openEnded: fc.boolean() }), {
        minLength: 1,
        maxLength: 3,
      }),
      { minLength: employmentCount, maxLength: employmentCount },
    ),
    chains: fc.array(
      fc.record({
        startBack: fc.integer({ min: -10, max: 450 }),
        pieces: fc.array(fc.record({ length: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 150 })), gap: fc.integer({ min: 0, max: 10 }) }), {
          maxLength: 6,
        }),
        ongoing: fc.boolean(),
      }),
      { minLength: employmentCount, maxLength: employmentCount },
    ),
    cases: fc.array(
      fc.record({
        // index employmentCount = an employment with no rows and no sick leave
        employment: fc.nat(employmentCount),
        open: fc.integer({ min: 0, max: 4 }).map((draw) => draw > 0),
        opened: fc.integer({ min: -400, max: 20 }),
        expected: fc.constantFrom('ja' as const, 'nej' as const, null),
        dates: fc.array(optionalOffset, { minLength: 7, maxLength: 7 }),
      }),
      { maxLength: 7 },
    ),
    repeated: fc.array(fc.record({ employment: fc.nat(employmentCount), starts: fc.array(fc.integer({ min: -400, max: 0 }), { maxLength: 9 }) }), { maxLength: 3 }),
  }),
);

function buildDataset(scenario: Scenario): { dataset: Dataset; asOf: string; repeated: { employmentId: string; periodStarts: string[] }[] } {
  const asOf = toIso(scenario.asOfDay);
  const employments: EmploymentRow[] = [];
  const sickSegments: SickSegment[] = [];
  for (let index = 0; index < scenario.employmentCount; index += 1) {
    const employmentId = `E${index}`;
    // Consecutive rows that never overlap; the last may run on.
    let from = scenario.asOfDay - 600;
    const rows = scenario.rows[index]!;
    rows.forEach((row, rowIndex) => {
      const last = rowIndex === rows.length - 1;
      const to = last && row.openEnded ? null : from + row.length - 1;
      employments.push({
        employmentId,
        name: `Person ${index}`,
        administration: 'Förvaltningen',
        department: 'Avdelningen',
        operation: 'Verksamheten',
        unitId: UNITS[row.unit]![0],
        unitName: UNITS[row.unit]![1],
        managerName: MANAGERS[row.manager]![0],
        managerEmail: MANAGERS[row.manager]![1],
        employmentRate: 100,
        gender: null,
        birthYear: null,
        validFrom: toIso(from),
        validTo: to === null ? null : toIso(to),
        line: employments.length + 2,
      });
      if (to !== null) from = to + 1;
    });
    const chain = scenario.chains[index]!;
    let start = scenario.asOfDay - chain.startBack;
    chain.pieces.forEach((piece, pieceIndex) => {
      const last = pieceIndex === chain.pieces.length - 1;
      const end = start + piece.length - 1;
      sickSegments.push({ employmentId, from: toIso(start), to: last && chain.ongoing ? null : toIso(end), extent: 100, line: sickSegments.length + 2 });
      start = end + 1 + piece.gap;
    });
  }
  const cases: RehabCase[] = scenario.cases.map((generated, index) => {
    const date = (position: number) => {
      const offset = generated.dates[position];
      return offset === null || offset === undefined ? null : toIso(scenario.asOfDay + offset);
    };
    return {
      caseId: `C${index}`,
      employmentId: `E${generated.employment}`,
      caseType: 'langtid',
      status: generated.open ? 'oppet' : 'avslutat',
      openedDate: toIso(scenario.asOfDay + generated.opened),
      closedDate: generated.open ? null : asOf,
      expectedOver60Days: generated.expected,
      certificateTo: date(0),
      healthTalkDate: date(1),
      planMadeDate: date(2),
      planRevisedDate: date(3),
      planFollowUpDate: date(4),
      lastDocumentationDate: date(5),
      nextActivityDate: date(6),
      line: index + 2,
    };
  });
  const repeated = scenario.repeated.map((entry) => ({ employmentId: `E${entry.employment}`, periodStarts: entry.starts.map((offset) => toIso(scenario.asOfDay + offset)) }));
  return { dataset: { employments, sickSegments, cases }, asOf, repeated };
}

describe('case checklist against the independent reference', () => {
  it('agrees case by case and check by check, per manager and on repeated short-term absence', () => {
    let evaluated = 0;
    let withPeriod = 0;
    const statusesSeen = new Set<string>();
    const reasonsSeen = new Set<string>();
    let uncoveredSeen = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { dataset, asOf, repeated } = buildDataset(scenario);
        const report = evaluateCases(dataset, { asOf, thresholds: scenario.thresholds, repeatedShortTerm: repeated });
        const reference = referenceCaseChecklist(dataset, asOf, scenario.thresholds, repeated);

        const actual = report.cases
          .map(({ caseId, unitId, manager, periodStart, dayNumber, checks, gaps, assessment, nextMilestone, reasons }) => ({
            caseId,
            unitId,
            manager,
            periodStart,
            dayNumber,
            checks,
            gaps,
            assessment,
            nextMilestone,
            reasons,
          }))
          .sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
        expect(actual).toEqual(reference.cases);

        expect(
          report.managers.map(({ manager, cases, gapsByCheck, totalGaps, needsSupport, deeperSupport, uncoveredSickLeave }) => ({
            manager: manager.toLowerCase(),
            cases,
            gapsByCheck,
            totalGaps,
            needsSupport,
            deeperSupport,
            uncoveredSickLeave,
          })),
        ).toEqual([...reference.managers.values()].sort((a, b) => (a.manager < b.manager ? -1 : 1)));

        expect(
          report.repeatedShortTermFindings
            .map(({ employmentId, thresholdPeriodStart, caseId, finding }) => ({ employmentId, thresholdPeriodStart, caseId, finding }))
            .sort((a, b) => (a.employmentId < b.employmentId ? -1 : 1)),
        ).toEqual(reference.findings);

        expect(
          report.uncoveredSickLeave.map(({ employmentId, unitId, manager, periodStart, dayNumber, extent, nextMilestone }) => ({
            employmentId, unitId, manager, periodStart, dayNumber, extent, nextMilestone,
          })),
        ).toEqual(reference.uncovered);
        uncoveredSeen += reference.uncovered.length;
        for (const evaluation of report.cases) for (const [check, reason] of Object.entries(evaluation.reasons)) reasonsSeen.add(`${check}:${reason.code}`);

        // Cases come grouped by manager (e-mail order).
        const keys = report.cases.map((evaluation) => evaluation.manager.toLowerCase());
        expect(keys).toEqual([...keys].sort());

        evaluated += report.cases.length;
        for (const evaluation of report.cases) {
          if (evaluation.dayNumber !== null) withPeriod += 1;
          for (const [check, status] of Object.entries(evaluation.checks)) statusesSeen.add(`${check}:${status}`);
        }
      }),
      { numRuns: 300, seed: 20270210 },
    );
    // The generator must reach the interesting ground, or the comparison proves little.
    expect(evaluated).toBeGreaterThan(300);
    expect(withPeriod).toBeGreaterThan(100);
    expect(statusesSeen.size).toBe(15);
    expect(reasonsSeen.size).toBe(11);
    expect(uncoveredSeen).toBeGreaterThan(30);
  });
});
