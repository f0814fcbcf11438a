import { describe, expect, it } from 'vitest';
import { evaluateCases, type CaseChecklistReport, type CaseEvaluation } from '../../src/core/caseChecklist.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/core/thresholds.js';
import type { Dataset, RehabCase } from '../../src/core/types.js';
import { employment, openCase, sick } from './caseChecklist.builders.js';
import type { RepeatedShortTermAbsence } from '../../src/core/absenceFigures.js';

// Every test runs at this date; 2027 is not a leap year (February has 28 days).
const AS_OF = '2027-02-10';

function run(dataset: Partial<Dataset>, options: { thresholds?: Partial<Thresholds>; repeatedShortTerm?: RepeatedShortTermAbsence[]; asOf?: string } = {}): CaseChecklistReport {
  return evaluateCases(
    { employments: dataset.employments ?? [employment('E1')], sickSegments: dataset.sickSegments ?? [], cases: dataset.cases ?? [] },
    { asOf: options.asOf ?? AS_OF, thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds }, repeatedShortTerm: options.repeatedShortTerm ?? [] },
  );
}

/** One case for employment E1, sick from `sickFrom` and still ongoing. */
function single(sickFrom: string | null, overrides: Partial<RehabCase> = {}, thresholds: Partial<Thresholds> = {}): CaseEvaluation {
  const report = run({ sickSegments: sickFrom ? [sick('E1', sickFrom, null)] : [], cases: [openCase('C1', 'E1', overrides)] }, { thresholds });
  expect(report.cases).toHaveLength(1);
  return report.cases[0]!;
}

describe('case checklist: which cases are evaluated', () => {
  it('leaves out closed cases and cases opened after the as-of date; a case opened on the as-of date counts', () => {
    const report = run({
      cases: [
        openCase('C1', 'E1', { openedDate: AS_OF }),
        openCase('C2', 'E1', { openedDate: '2027-02-11' }),
        openCase('C3', 'E1', { status: 'avslutat', closedDate: '2027-02-01' }),
      ],
    });
    expect(report.cases.map((evaluation) => evaluation.caseId)).toEqual(['C1']);
  });
});

describe('case checklist: current period and day number', () => {
  it('counts the day number across a relapse within 5 days and starts afresh after 6', () => {
    // 1–10 Jan sick (10 days), 11–15 Jan well (5 days), 16 Jan–10 Feb sick (16 + 10 = 26 days) → day 36, period from 1 Jan
    const within = run({ sickSegments: [sick('E1', '2027-01-01', '2027-01-10'), sick('E1', '2027-01-16', null)], cases: [openCase('C1', 'E1')] }).cases[0]!;
    expect(within.periodStart).toBe('2027-01-01');
    expect(within.dayNumber).toBe(36);
    // 11–16 Jan well (6 days) → new period 17 Jan–10 Feb = 15 + 10 = 25 days
    const after = run({ sickSegments: [sick('E1', '2027-01-01', '2027-01-10'), sick('E1', '2027-01-17', null)], cases: [openCase('C1', 'E1')] }).cases[0]!;
    expect(after.periodStart).toBe('2027-01-17');
    expect(after.dayNumber).toBe(25);
  });

  it('has no current period when the as-of date is a well day (even inside a relapse gap)', () => {
    const evaluation = run({
      sickSegments: [sick('E1', '2026-10-01', '2027-02-08')],
      cases: [openCase('C1', 'E1', { certificateTo: null, planMadeDate: null, planFollowUpDate: null })],
    }).cases[0]!;
    expect(evaluation.periodStart).toBeNull();
    expect(evaluation.dayNumber).toBeNull();
    expect(evaluation.checks.certificate).toBe('not_applicable');
    expect(evaluation.checks.returnPlan).toBe('not_applicable');
    expect(evaluation.nextMilestone).toBeNull();
  });

  it('uses the threshold for relapses from the config', () => {
    // 1–10 Jan, 6 well days, 17 Jan–10 Feb: with relapseGapDays 6 one period of 10 + 25 = 35 days
    const evaluation = run(
      { sickSegments: [sick('E1', '2027-01-01', '2027-01-10'), sick('E1', '2027-01-17', null)], cases: [openCase('C1', 'E1')] },
      { thresholds: { relapseGapDays: 6 } },
    ).cases[0]!;
    expect(evaluation.dayNumber).toBe(35);
  });
});

describe('case checklist: certificate (sjuklönelagen 8 §)', () => {
  it('applies from day 8, not on day 7', () => {
    // 4–10 Feb = 7 days; 3–10 Feb = 8 days
    expect(single('2027-02-04', { certificateTo: null }).dayNumber).toBe(7);
    expect(single('2027-02-04', { certificateTo: null }).checks.certificate).toBe('not_applicable');
    expect(single('2027-02-03', { certificateTo: null }).dayNumber).toBe(8);
    expect(single('2027-02-03', { certificateTo: null }).checks.certificate).toBe('missing');
  });

  it('ending on the as-of date is expiring (still valid today); the day before is expired', () => {
    // sick from 25 Jan: 7 + 10 = day 17
    expect(single('2027-01-25', { certificateTo: '2027-02-10' }).checks.certificate).toBe('expiring');
    expect(single('2027-01-25', { certificateTo: '2027-02-09' }).checks.certificate).toBe('expired');
  });

  it('is expiring up to 14 days after the as-of date and ok from the 15th', () => {
    // 10 Feb + 14 = 24 Feb
    expect(single('2027-01-25', { certificateTo: '2027-02-24' }).checks.certificate).toBe('expiring');
    expect(single('2027-01-25', { certificateTo: '2027-02-25' }).checks.certificate).toBe('ok');
  });

  it('expiring is a warning, not a gap', () => {
    const evaluation = single('2027-01-25', { certificateTo: '2027-02-10' });
    expect(evaluation.gaps).toBe(0);
    expect(evaluation.assessment).toBe('systematic');
  });

  it('follows certificateFromDay from the config', () => {
    expect(single('2027-02-03', { certificateTo: null }, { certificateFromDay: 9 }).checks.certificate).toBe('not_applicable');
  });
});

describe('case checklist: health talk', () => {
  it('is missing without a date and outdated when held before as-of minus 12 months', () => {
    // 2027-02-10 − 12 months = 2026-02-10
    expect(single(null, { healthTalkDate: null }).checks.healthTalk).toBe('missing');
    expect(single(null, { healthTalkDate: '2026-02-09' }).checks.healthTalk).toBe('outdated');
    expect(single(null, { healthTalkDate: '2026-02-10' }).checks.healthTalk).toBe('ok');
  });

  it('clamps to the end of the month when counting months back', () => {
    // 2028-02-29 − 12 months = 2027-02-28
    const at = (healthTalkDate: string) =>
      run({ cases: [openCase('C1', 'E1', { healthTalkDate, openedDate: '2028-01-01', lastDocumentationDate: '2028-02-20', nextActivityDate: '2028-03-01' })] }, { asOf: '2028-02-29' }).cases[0]!.checks
        .healthTalk;
    expect(at('2027-02-27')).toBe('outdated');
    expect(at('2027-02-28')).toBe('ok');
  });
});

describe('case checklist: plan for return to work (SFB 30 kap. 6 §)', () => {
  const noPlan = { planMadeDate: null, planRevisedDate: null, planFollowUpDate: null } as const;

  it('day 29 never needs a plan; day 30 needs one unless over 60 days is not expected', () => {
    // 13 Jan–10 Feb = 19 + 10 = 29 days; from 12 Jan = 30 days
    for (const expected of ['ja', 'nej', null] as const) {
      expect(single('2027-01-13', { ...noPlan, expectedOver60Days: expected }).dayNumber).toBe(29);
      expect(single('2027-01-13', { ...noPlan, expectedOver60Days: expected }).checks.returnPlan).toBe('not_applicable');
    }
    expect(single('2027-01-12', { ...noPlan, expectedOver60Days: 'ja' }).checks.returnPlan).toBe('missing');
    expect(single('2027-01-12', { ...noPlan, expectedOver60Days: null }).checks.returnPlan).toBe('missing');
    expect(single('2027-01-12', { ...noPlan, expectedOver60Days: 'nej' }).checks.returnPlan).toBe('not_applicable');
  });

  it('is needed from day 60 even when over 60 days was not expected', () => {
    // from 13 Dec: 19 (Dec) + 31 (Jan) + 10 (Feb) = 60; from 14 Dec: 59
    expect(single('2026-12-13', { ...noPlan, expectedOver60Days: 'nej' }).dayNumber).toBe(60);
    expect(single('2026-12-13', { ...noPlan, expectedOver60Days: 'nej' }).checks.returnPlan).toBe('missing');
    expect(single('2026-12-14', { ...noPlan, expectedOver60Days: 'nej' }).checks.returnPlan).toBe('not_applicable');
  });

  it('revised exactly 90 days ago is ok, 91 days ago is outdated', () => {
    // 12 Nov → 12 Dec (30) → 12 Jan (61) → 10 Feb (90)
    const made = '2026-06-01';
    expect(single('2027-01-01', { planMadeDate: made, planRevisedDate: '2026-11-12', planFollowUpDate: null }).checks.returnPlan).toBe('ok');
    expect(single('2027-01-01', { planMadeDate: made, planRevisedDate: '2026-11-11', planFollowUpDate: null }).checks.returnPlan).toBe('outdated');
    // the made date alone counts the same way, and the later of the two wins whichever field it is in
    expect(single('2027-01-01', { planMadeDate: '2026-11-12', planRevisedDate: null, planFollowUpDate: null }).checks.returnPlan).toBe('ok');
    expect(single('2027-01-01', { planMadeDate: '2026-11-12', planRevisedDate: '2026-06-01', planFollowUpDate: null }).checks.returnPlan).toBe('ok');
    expect(single('2027-01-01', { planMadeDate: null, planRevisedDate: '2027-01-20', planFollowUpDate: null }).checks.returnPlan).toBe('ok');
  });

  it('a follow-up date yesterday makes the plan outdated; today is ok', () => {
    expect(single('2027-01-01', { planFollowUpDate: '2027-02-09' }).checks.returnPlan).toBe('outdated');
    expect(single('2027-01-01', { planFollowUpDate: '2027-02-10' }).checks.returnPlan).toBe('ok');
  });

  it('a plan gap alone means the case needs support', () => {
    const evaluation = single('2027-01-01', { planFollowUpDate: '2027-02-09' });
    expect(evaluation.gapChecks).toEqual(['returnPlan']);
    expect(evaluation.assessment).toBe('needs_support');
  });
});

describe('case checklist: documentation and activity', () => {
  it('is inactive without documentation or when it is more than 30 days old', () => {
    // 11 Jan → 10 Feb = 30 days (ok), 10 Jan = 31 days (inactive)
    expect(single(null, { lastDocumentationDate: null }).checks.activity).toBe('inactive');
    expect(single(null, { lastDocumentationDate: '2027-01-10' }).checks.activity).toBe('inactive');
    expect(single(null, { lastDocumentationDate: '2027-01-11' }).checks.activity).toBe('ok');
  });

  it('needs a next activity on or after the as-of date', () => {
    expect(single(null, { nextActivityDate: null }).checks.activity).toBe('no_next_activity');
    expect(single(null, { nextActivityDate: '2027-02-09' }).checks.activity).toBe('no_next_activity');
    expect(single(null, { nextActivityDate: '2027-02-10' }).checks.activity).toBe('ok');
    // inactive wins over a missing next activity
    expect(single(null, { lastDocumentationDate: null, nextActivityDate: null }).checks.activity).toBe('inactive');
  });
});

describe('case checklist: gaps and assessment', () => {
  it('0 gaps is systematic; one health-talk or activity gap is partial; a certificate gap or two gaps need support', () => {
    expect(single('2027-01-25').assessment).toBe('systematic');
    const talk = single('2027-01-25', { healthTalkDate: null });
    expect([talk.gaps, talk.assessment]).toEqual([1, 'partial']);
    const activity = single('2027-01-25', { nextActivityDate: null });
    expect([activity.gaps, activity.assessment]).toEqual([1, 'partial']);
    const certificate = single('2027-01-25', { certificateTo: '2027-02-01' });
    expect([certificate.gaps, certificate.gapChecks, certificate.assessment]).toEqual([1, ['certificate'], 'needs_support']);
    const two = single('2027-01-25', { healthTalkDate: null, lastDocumentationDate: null });
    expect([two.gaps, two.gapChecks, two.assessment]).toEqual([2, ['healthTalk', 'activity'], 'needs_support']);
  });

  it('counts all four gaps in check order', () => {
    const evaluation = single('2026-12-01', { certificateTo: null, healthTalkDate: '2025-01-01', planMadeDate: null, lastDocumentationDate: null });
    expect(evaluation.checks).toEqual({ certificate: 'missing', healthTalk: 'outdated', returnPlan: 'missing', activity: 'inactive' });
    expect(evaluation.gapChecks).toEqual(['certificate', 'healthTalk', 'returnPlan', 'activity']);
    expect(evaluation.gaps).toBe(4);
  });
});

describe('case checklist: rehabiliteringskedjan milestone', () => {
  it('names the next of day 90, 180, 365 and the date it is reached', () => {
    // day 36 (1–10 Jan, 5 well days, 16 Jan–10 Feb) → day 90 in 54 days: 10 Feb + 18 = 28 Feb, + 31 = 31 Mar, + 5 = 5 Apr
    const relapse = run({ sickSegments: [sick('E1', '2027-01-01', '2027-01-10'), sick('E1', '2027-01-16', null)], cases: [openCase('C1', 'E1')] }).cases[0]!;
    expect(relapse.nextMilestone).toEqual({ day: 90, date: '2027-04-05' });
  });

  it('on day 90 the next is 180, on day 364 it is 365 tomorrow, from day 365 there is none', () => {
    // day d ⇔ period started AS_OF − (d − 1) days: day 90 from 2026-11-13 (18 Nov + 31 Dec + 31 Jan + 10 Feb = 90)
    const day90 = single('2026-11-13');
    expect(day90.dayNumber).toBe(90);
    // 10 Feb + 90: 28 Feb (18), 31 Mar (49), 30 Apr (79), 11 May (90)
    expect(day90.nextMilestone).toEqual({ day: 180, date: '2027-05-11' });
    // day 364 from 2026-02-12 (2026-02-12 … 2027-02-10 is 364 days: 2027-02-10 − 363)
    const day364 = single('2026-02-12');
    expect(day364.dayNumber).toBe(364);
    expect(day364.nextMilestone).toEqual({ day: 365, date: '2027-02-11' });
    const day365 = single('2026-02-11');
    expect(day365.dayNumber).toBe(365);
    expect(day365.nextMilestone).toBeNull();
  });

  it('on day 1 the next is day 90, 89 days later', () => {
    // 10 Feb + 89: 28 Feb (18), 31 Mar (49), 30 Apr (79), 10 May (89)
    expect(single('2027-02-10').nextMilestone).toEqual({ day: 90, date: '2027-05-10' });
  });
});

describe('case checklist: unit and manager', () => {
  it('takes the employment row valid on the as-of date, else the latest row', () => {
    const old = employment('E1', { unitId: 'U1', unitName: 'Gamla enheten', managerEmail: 'old@exempel.se', validFrom: '2025-01-01', validTo: '2026-12-31' });
    const current = employment('E1', { unitId: 'U2', unitName: 'Nya enheten', managerEmail: 'new@exempel.se', validFrom: '2027-01-01', validTo: '2027-06-30' });
    const later = employment('E1', { unitId: 'U3', unitName: 'Framtida enheten', managerEmail: 'future@exempel.se', validFrom: '2027-07-01', validTo: null });
    const valid = run({ employments: [later, old, current], cases: [openCase('C1', 'E1')] }).cases[0]!;
    expect([valid.unitId, valid.manager]).toEqual(['U2', 'new@exempel.se']);
    // no row valid on 10 Feb 2027 → the row with the greatest validFrom (here one that starts later)
    const noneValid = run({ employments: [old, later], cases: [openCase('C1', 'E1')] }).cases[0]!;
    expect([noneValid.unitId, noneValid.manager]).toEqual(['U3', 'future@exempel.se']);
    const ended = run({ employments: [old], cases: [openCase('C1', 'E1')] }).cases[0]!;
    expect(ended.unitId).toBe('U1');
  });

  it('sorts cases by manager, then unit name, then case id', () => {
    const report = run({
      employments: [
        employment('E1', { managerEmail: 'b@exempel.se', unitName: 'Alfa' }),
        employment('E2', { managerEmail: 'a@exempel.se', unitName: 'Beta' }),
        employment('E3', { managerEmail: 'a@exempel.se', unitName: 'Alfa' }),
      ],
      cases: [openCase('C9', 'E3'), openCase('C1', 'E1'), openCase('C2', 'E2'), openCase('C3', 'E3')],
    });
    expect(report.cases.map((evaluation) => evaluation.caseId)).toEqual(['C3', 'C9', 'C2', 'C1']);
  });
});

describe('case checklist: per manager and deeper support', () => {
  /** n cases of one manager, the first `needingSupport` of which lack a health talk and documentation (2 gaps). */
  function managerWith(cases: number, needingSupport: number) {
    const employments = Array.from({ length: cases }, (_, index) => employment(`E${index}`));
    const rehabCases = employments.map((row, index) =>
      openCase(`C${index}`, row.employmentId, index < needingSupport ? { healthTalkDate: null, lastDocumentationDate: null } : {}),
    );
    const report = run({ employments, cases: rehabCases });
    expect(report.managers).toHaveLength(1);
    return report.managers[0]!;
  }

  it('2 of 4 needing support is half: offer deeper support', () => {
    const summary = managerWith(4, 2);
    expect(summary).toEqual({
      manager: 'ada.chefsson@exempel.se',
      managerName: 'Ada Chefsson',
      cases: 4,
      gapsByCheck: { certificate: 0, healthTalk: 2, returnPlan: 0, activity: 2 },
      totalGaps: 4,
      needsSupport: 2,
      deeperSupport: true,
      uncoveredSickLeave: 0,
    });
  });

  it('3 of 10 is fewer than half but 3 cases: offer deeper support', () => {
    const summary = managerWith(10, 3);
    expect([summary.cases, summary.needsSupport, summary.deeperSupport]).toEqual([10, 3, true]);
  });

  it('1 of 3 is a third and fewer than 3 cases: no deeper support', () => {
    const summary = managerWith(3, 1);
    expect([summary.cases, summary.needsSupport, summary.deeperSupport]).toEqual([3, 1, false]);
  });

  it('counts each manager separately (e-mail case ignored) and sorts by e-mail', () => {
    const report = run({
      employments: [
        employment('E1', { managerEmail: 'Zed@Exempel.se', managerName: 'Zed' }),
        employment('E2', { managerEmail: 'zed@exempel.se', managerName: 'Zed' }),
        employment('E3', { managerEmail: 'bo@exempel.se', managerName: 'Bo' }),
      ],
      sickSegments: [sick('E1', '2027-01-01', null)],
      cases: [openCase('C1', 'E1', { certificateTo: null }), openCase('C2', 'E2'), openCase('C3', 'E3', { healthTalkDate: null })],
    });
    expect(report.managers.map((summary) => [summary.manager.toLowerCase(), summary.cases, summary.needsSupport, summary.totalGaps])).toEqual([
      ['bo@exempel.se', 1, 0, 1],
      ['zed@exempel.se', 2, 1, 1],
    ]);
    expect(report.managers[1]!.gapsByCheck).toEqual({ certificate: 1, healthTalk: 0, returnPlan: 0, activity: 0 });
    // 1 of 2 is half → deeper support
    expect(report.managers[1]!.deeperSupport).toBe(true);
    expect(report.managers[0]!.deeperSupport).toBe(false);
  });
});

describe('case checklist: repeated short-term absence', () => {
  // Seven period starts, unsorted: the sixth in date order is 2026-11-02.
  const starts = ['2026-11-02', '2026-03-01', '2026-05-10', '2026-12-20', '2026-06-15', '2026-08-01', '2026-09-20'];
  const repeatedShortTerm = [{ employmentId: 'E1', periodStarts: starts }];

  it('flags an employment without an open case (a closed one does not count)', () => {
    const report = run({ cases: [openCase('C1', 'E1', { status: 'avslutat', closedDate: '2027-01-01' })] }, { repeatedShortTerm });
    expect(report.repeatedShortTermFindings).toEqual([
      {
        employmentId: 'E1',
        employeeName: 'Testperson E1',
        unitId: 'U1',
        unitName: 'Hemtjänst Norr',
        manager: 'ada.chefsson@exempel.se',
        periodCount: 7,
        thresholdPeriodStart: '2026-11-02',
        caseId: null,
        finding: 'no_open_case',
      },
    ]);
    // the manager gets a row even without open cases
    expect(report.managers).toEqual([
      expect.objectContaining({ manager: 'ada.chefsson@exempel.se', cases: 0, needsSupport: 0, deeperSupport: false }),
    ]);
  });

  it('flags an open case whose health talk is before the sixth period, not one held on its first day', () => {
    const before = run({ cases: [openCase('C1', 'E1', { healthTalkDate: '2026-11-01' })] }, { repeatedShortTerm });
    expect(before.repeatedShortTermFindings.map((finding) => [finding.caseId, finding.finding])).toEqual([['C1', 'no_health_talk_after_threshold_period']]);
    const none = run({ cases: [openCase('C1', 'E1', { healthTalkDate: null })] }, { repeatedShortTerm });
    expect(none.repeatedShortTermFindings.map((finding) => finding.finding)).toEqual(['no_health_talk_after_threshold_period']);
    const on = run({ cases: [openCase('C1', 'E1', { healthTalkDate: '2026-11-02' })] }, { repeatedShortTerm });
    expect(on.repeatedShortTermFindings).toEqual([]);
  });

  it('uses the configured number of periods to find the threshold period', () => {
    const report = run({ cases: [] }, { repeatedShortTerm, thresholds: { repeatedShortTermPeriods: 7 } });
    expect(report.repeatedShortTermFindings[0]!.thresholdPeriodStart).toBe('2026-12-20');
  });
});

describe('why a check is not ok: reason code and date (SPEC §4)', () => {
  // Sick from 2027-01-20: 12 (Jan) + 10 (Feb) = day 22 → certificate applies (≥ 8), plan not yet (< 30).
  // Sick from 2027-01-01: 31 + 10 = day 41 → plan applies too (≥ 30, forvantas_over_60_dagar unknown).
  it('a case with every check ok has no reasons; not_applicable checks have none either', () => {
    expect(single('2027-01-20').reasons).toEqual({});
    expect(single(null, { certificateTo: null, planMadeDate: null }).reasons).toEqual({});
  });

  it('certificate: missing (no date), expired and expiring (lakarintyg_tom)', () => {
    expect(single('2027-01-20', { certificateTo: null }).reasons).toEqual({ certificate: { code: 'missing', date: null } });
    // 9 Feb is before the as-of date.
    expect(single('2027-01-20', { certificateTo: '2027-02-09' }).reasons).toEqual({ certificate: { code: 'expired', date: '2027-02-09' } });
    // 24 Feb = as-of + 14 days: still expiring (a warning, not a gap, but HR should see the date).
    const expiring = single('2027-01-20', { certificateTo: '2027-02-24' });
    expect(expiring.reasons).toEqual({ certificate: { code: 'expiring', date: '2027-02-24' } });
    expect(expiring.gaps).toBe(0);
  });

  it('healthTalk: missing, and outdated with the date it was held', () => {
    expect(single('2027-01-20', { healthTalkDate: null }).reasons).toEqual({ healthTalk: { code: 'missing', date: null } });
    // 2026-02-09 is before as-of − 12 months = 2026-02-10.
    expect(single('2027-01-20', { healthTalkDate: '2026-02-09' }).reasons).toEqual({ healthTalk: { code: 'outdated', date: '2026-02-09' } });
  });

  it('returnPlan: missing even with a follow-up date, stale with the later of made/revised, follow_up_overdue', () => {
    // A follow-up date alone is no plan.
    expect(single('2027-01-01', { planMadeDate: null, planFollowUpDate: '2027-03-01' }).reasons).toEqual({ returnPlan: { code: 'missing', date: null } });
    // Made 2026-11-01 (101 days before the as-of date > 90), revised 2026-11-05 (97 days): stale, date = the later one.
    expect(single('2027-01-01', { planMadeDate: '2026-11-01', planRevisedDate: '2026-11-05' }).reasons).toEqual({ returnPlan: { code: 'stale', date: '2026-11-05' } });
    // Made three weeks ago, but the follow-up on 29 Jan has passed.
    expect(single('2027-01-01', { planMadeDate: '2027-01-20', planFollowUpDate: '2027-01-29' }).reasons).toEqual({ returnPlan: { code: 'follow_up_overdue', date: '2027-01-29' } });
  });

  it('returnPlan: follow_up_overdue takes precedence over stale', () => {
    // Made 2026-10-01 (132 days > 90) and follow-up 2027-01-29 passed: both hold, the follow-up is named.
    const evaluation = single('2027-01-01', { planMadeDate: '2026-10-01', planFollowUpDate: '2027-01-29' });
    expect(evaluation.checks.returnPlan).toBe('outdated');
    expect(evaluation.reasons).toEqual({ returnPlan: { code: 'follow_up_overdue', date: '2027-01-29' } });
  });

  it('activity: no_documentation, documentation_stale (date), no_next_activity (date or null)', () => {
    expect(single('2027-01-20', { lastDocumentationDate: null }).reasons).toEqual({ activity: { code: 'no_documentation', date: null } });
    // 2027-01-05 is 36 days before the as-of date (> 30).
    expect(single('2027-01-20', { lastDocumentationDate: '2027-01-05' }).reasons).toEqual({ activity: { code: 'documentation_stale', date: '2027-01-05' } });
    expect(single('2027-01-20', { nextActivityDate: '2027-02-09' }).reasons).toEqual({ activity: { code: 'no_next_activity', date: '2027-02-09' } });
    expect(single('2027-01-20', { nextActivityDate: null }).reasons).toEqual({ activity: { code: 'no_next_activity', date: null } });
  });

  it('several failing checks each carry their reason', () => {
    const evaluation = single('2027-01-01', { certificateTo: null, healthTalkDate: null, planMadeDate: null, lastDocumentationDate: null });
    expect(evaluation.reasons).toEqual({
      certificate: { code: 'missing', date: null },
      healthTalk: { code: 'missing', date: null },
      returnPlan: { code: 'missing', date: null },
      activity: { code: 'no_documentation', date: null },
    });
  });
});
