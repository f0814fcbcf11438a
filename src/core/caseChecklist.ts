// Case checklist (SPEC §4): the four checks per open case, gaps, assessment, rehabiliteringskedjan milestone, per manager.
import { groupBy } from './groupBy.js';
import { addDays, addMonths, daysBetween, maxDate, type IsoDate } from './calendarDate.js';
import type { RepeatedShortTermAbsence } from './repeatedShortTerm.js';
import type { Thresholds } from './thresholds.js';
import { buildSickPeriods, dayNumberOn, periodOn, type SickPeriod } from './sickPeriods.js';
import type { CaseType, Dataset, EmploymentRow, RehabCase, YesNoUnknown } from './types.js';
// uncoveredSickLeave.ts uses this file's helpers only inside functions, so the import cycle is harmless.
import { uncoveredSickLeave, type UncoveredSickLeave } from './uncoveredSickLeave.js';

export type CertificateStatus = 'ok' | 'missing' | 'expired' | 'expiring' | 'not_applicable';
export type HealthTalkStatus = 'ok' | 'missing' | 'outdated';
export type ReturnPlanStatus = 'ok' | 'missing' | 'outdated' | 'not_applicable';
export type ActivityStatus = 'ok' | 'inactive' | 'no_next_activity';
export type CheckName = 'certificate' | 'healthTalk' | 'returnPlan' | 'activity';
export type Assessment = 'systematic' | 'partial' | 'needs_support';

/** Why a check is not ok (SPEC §4): a code per check and the date behind it. */
export type CertificateReasonCode = 'missing' | 'expired' | 'expiring';
export type HealthTalkReasonCode = 'missing' | 'outdated';
export type ReturnPlanReasonCode = 'missing' | 'follow_up_overdue' | 'stale';
export type ActivityReasonCode = 'no_documentation' | 'documentation_stale' | 'no_next_activity';

export interface CheckReason<Code extends string> {
  code: Code;
  /** The date behind the reason (lakarintyg_tom, halsosamtal_datum, …); null where there is none (missing). */
  date: IsoDate | null;
}

/** Only the checks that are neither ok nor not_applicable have a reason. */
export interface CaseReasons {
  certificate?: CheckReason<CertificateReasonCode>;
  healthTalk?: CheckReason<HealthTalkReasonCode>;
  returnPlan?: CheckReason<ReturnPlanReasonCode>;
  activity?: CheckReason<ActivityReasonCode>;
}

export type ReasonCode = CertificateReasonCode | HealthTalkReasonCode | ReturnPlanReasonCode | ActivityReasonCode;

export interface CaseChecks {
  certificate: CertificateStatus;
  healthTalk: HealthTalkStatus;
  returnPlan: ReturnPlanStatus;
  activity: ActivityStatus;
}

export type CaseDates = Pick<
  RehabCase,
  'certificateTo' | 'healthTalkDate' | 'planMadeDate' | 'planRevisedDate' | 'planFollowUpDate' | 'lastDocumentationDate' | 'nextActivityDate'
>;

/** Unit and manager of the employment row valid on the as-of date, else its latest row (SPEC §4). */
export interface CasePlacement {
  unitId: string;
  unitName: string;
  operation: string;
  department: string;
  /** chef_epost. */
  manager: string;
  managerName: string;
}

/** The placement of an employment row ('' everywhere when there is none). */
export function placementOf(row: EmploymentRow | null | undefined): CasePlacement {
  return {
    unitId: row?.unitId ?? '',
    unitName: row?.unitName ?? '',
    operation: row?.operation ?? '',
    department: row?.department ?? '',
    manager: row?.managerEmail ?? '',
    managerName: row?.managerName ?? '',
  };
}

export interface CaseEvaluation extends CasePlacement {
  caseId: string;
  employmentId: string;
  /** Shown only in HR material (never in shared decks, logs or mails). */
  employeeName: string;
  caseType: CaseType;
  openedDate: IsoDate;
  expectedOver60Days: YesNoUnknown;
  periodStart: IsoDate | null;
  dayNumber: number | null;
  checks: CaseChecks;
  /** Reason code and date for every check that is neither ok nor not_applicable. */
  reasons: CaseReasons;
  gaps: number;
  /** The checks that count as gaps, in the order certificate, healthTalk, returnPlan, activity. */
  gapChecks: CheckName[];
  assessment: Assessment;
  nextMilestone: { day: 90 | 180 | 365; date: IsoDate } | null;
  dates: CaseDates;
}

export interface ManagerCaseSummary {
  manager: string;
  managerName: string;
  cases: number;
  gapsByCheck: Record<CheckName, number>;
  totalGaps: number;
  needsSupport: number;
  /** Offer fördjupat stöd: at least half the cases, or 3 or more, need support. */
  deeperSupport: boolean;
  /** Employments of this manager on a sick leave past the threshold day with no open case (SPEC §4). */
  uncoveredSickLeave: number;
}

export type RepeatedShortTermFindingCode = 'no_open_case' | 'no_health_talk_after_threshold_period';

export interface RepeatedShortTermFinding {
  employmentId: string;
  employeeName: string;
  unitId: string;
  unitName: string;
  manager: string;
  periodCount: number;
  /** Start of the period that reached the threshold (the sixth by default). */
  thresholdPeriodStart: IsoDate;
  caseId: string | null;
  finding: RepeatedShortTermFindingCode;
}

export interface CaseChecklistReport {
  asOf: IsoDate;
  cases: CaseEvaluation[];
  managers: ManagerCaseSummary[];
  repeatedShortTermFindings: RepeatedShortTermFinding[];
  /** Sick leave without a case, highest day number first. */
  uncoveredSickLeave: UncoveredSickLeave[];
}

export interface CaseChecklistParams {
  asOf: IsoDate;
  thresholds: Thresholds;
  /** From repeatedShortTermAbsence (src/core/repeatedShortTerm.ts), over the default window. */
  repeatedShortTerm: RepeatedShortTermAbsence[];
  /** Every employment's sick periods (buildSickPeriods with relapseGapDays and asOf) when already built; else built here. */
  sickPeriods?: ReadonlyMap<string, readonly SickPeriod[]>;
}

/** Rehabiliteringskedjan: the days at which Försäkringskassan assesses work capacity against a wider labour market. */
export const REHAB_CHAIN_MILESTONES = [90, 180, 365] as const;

const CHECK_ORDER: readonly CheckName[] = ['certificate', 'healthTalk', 'returnPlan', 'activity'];

/** Open at the as-of date: status oppet and opened on or before it. */
export function isOpenCase(rehabCase: RehabCase, asOf: IsoDate): boolean {
  return rehabCase.status === 'oppet' && rehabCase.openedDate <= asOf;
}

/** The employment row valid on the as-of date, else the row with the latest validFrom. */
export function employmentRowOn(rows: readonly EmploymentRow[], asOf: IsoDate): EmploymentRow | null {
  let latest: EmploymentRow | null = null;
  for (const row of rows) {
    if (row.validFrom <= asOf && (row.validTo === null || row.validTo >= asOf)) return row;
    if (latest === null || row.validFrom > latest.validFrom) latest = row;
  }
  return latest;
}

export function certificateStatus(certificateTo: IsoDate | null, dayNumber: number | null, asOf: IsoDate, thresholds: Thresholds): CertificateStatus {
  // Sjuklönelagen 8 §: a medical certificate is needed from day 8 of the period.
  if (dayNumber === null || dayNumber < thresholds.certificateFromDay) return 'not_applicable';
  if (certificateTo === null) return 'missing';
  if (certificateTo < asOf) return 'expired';
  // A certificate ending on the as-of date still covers today: expiring, not expired.
  if (certificateTo <= addDays(asOf, thresholds.certificateExpiringDays)) return 'expiring';
  return 'ok';
}

export function healthTalkStatus(healthTalkDate: IsoDate | null, asOf: IsoDate, thresholds: Thresholds): HealthTalkStatus {
  if (healthTalkDate === null) return 'missing';
  if (healthTalkDate < addMonths(asOf, -thresholds.healthTalkMaxAgeMonths)) return 'outdated';
  return 'ok';
}

export function returnPlanStatus(
  rehabCase: Pick<RehabCase, 'expectedOver60Days' | 'planMadeDate' | 'planRevisedDate' | 'planFollowUpDate'>,
  dayNumber: number | null,
  asOf: IsoDate,
  thresholds: Thresholds,
): ReturnPlanStatus {
  // SFB 30 kap. 6 §: plan by day 30 when the absence is expected to last 60 days or more; by day 60 in any case.
  const applies =
    dayNumber !== null &&
    ((dayNumber >= thresholds.returnPlanDay && rehabCase.expectedOver60Days !== 'nej') || dayNumber >= thresholds.returnPlanForcedDay);
  if (!applies) return 'not_applicable';
  const { planMadeDate, planRevisedDate, planFollowUpDate } = rehabCase;
  const latest = planMadeDate !== null && planRevisedDate !== null ? maxDate(planMadeDate, planRevisedDate) : (planMadeDate ?? planRevisedDate);
  if (latest === null) return 'missing';
  if (daysBetween(latest, asOf) > thresholds.planMaxAgeDays) return 'outdated';
  if (planFollowUpDate !== null && planFollowUpDate < asOf) return 'outdated';
  return 'ok';
}

export function activityStatus(lastDocumentationDate: IsoDate | null, nextActivityDate: IsoDate | null, asOf: IsoDate, thresholds: Thresholds): ActivityStatus {
  if (lastDocumentationDate === null || daysBetween(lastDocumentationDate, asOf) > thresholds.activityMaxAgeDays) return 'inactive';
  if (nextActivityDate === null || nextActivityDate < asOf) return 'no_next_activity';
  return 'ok';
}

export function certificateReason(status: CertificateStatus, certificateTo: IsoDate | null): CheckReason<CertificateReasonCode> | null {
  if (status === 'ok' || status === 'not_applicable') return null;
  return { code: status, date: status === 'missing' ? null : certificateTo };
}

export function healthTalkReason(status: HealthTalkStatus, healthTalkDate: IsoDate | null): CheckReason<HealthTalkReasonCode> | null {
  if (status === 'ok') return null;
  return { code: status, date: status === 'missing' ? null : healthTalkDate };
}

export function returnPlanReason(
  status: ReturnPlanStatus,
  rehabCase: Pick<RehabCase, 'planMadeDate' | 'planRevisedDate' | 'planFollowUpDate'>,
  asOf: IsoDate,
): CheckReason<ReturnPlanReasonCode> | null {
  if (status === 'ok' || status === 'not_applicable') return null;
  if (status === 'missing') return { code: 'missing', date: null };
  // A follow-up date that has passed says more to HR than the plan's age, so it wins when both hold.
  const { planMadeDate, planRevisedDate, planFollowUpDate } = rehabCase;
  if (planFollowUpDate !== null && planFollowUpDate < asOf) return { code: 'follow_up_overdue', date: planFollowUpDate };
  const latest = planMadeDate !== null && planRevisedDate !== null ? maxDate(planMadeDate, planRevisedDate) : (planMadeDate ?? planRevisedDate);
  return { code: 'stale', date: latest };
}

export function activityReason(status: ActivityStatus, lastDocumentationDate: IsoDate | null, nextActivityDate: IsoDate | null): CheckReason<ActivityReasonCode> | null {
  if (status === 'ok') return null;
  if (status === 'no_next_activity') return { code: 'no_next_activity', date: nextActivityDate };
  return lastDocumentationDate === null ? { code: 'no_documentation', date: null } : { code: 'documentation_stale', date: lastDocumentationDate };
}

function reasonsOf(checks: CaseChecks, rehabCase: RehabCase, asOf: IsoDate): CaseReasons {
  const reasons: CaseReasons = {};
  const certificate = certificateReason(checks.certificate, rehabCase.certificateTo);
  if (certificate) reasons.certificate = certificate;
  const healthTalk = healthTalkReason(checks.healthTalk, rehabCase.healthTalkDate);
  if (healthTalk) reasons.healthTalk = healthTalk;
  const returnPlan = returnPlanReason(checks.returnPlan, rehabCase, asOf);
  if (returnPlan) reasons.returnPlan = returnPlan;
  const activity = activityReason(checks.activity, rehabCase.lastDocumentationDate, rehabCase.nextActivityDate);
  if (activity) reasons.activity = activity;
  return reasons;
}

/** 'expiring' is a warning, not a gap. */
export function isGap(status: string): boolean {
  return status !== 'ok' && status !== 'not_applicable' && status !== 'expiring';
}

export function assess(gapChecks: readonly CheckName[]): Assessment {
  if (gapChecks.length === 0) return 'systematic';
  if (gapChecks.length === 1 && gapChecks[0] !== 'certificate' && gapChecks[0] !== 'returnPlan') return 'partial';
  return 'needs_support';
}

export function nextMilestone(dayNumber: number | null, asOf: IsoDate): CaseEvaluation['nextMilestone'] {
  if (dayNumber === null) return null;
  const day = REHAB_CHAIN_MILESTONES.find((milestone) => milestone > dayNumber);
  return day === undefined ? null : { day, date: addDays(asOf, day - dayNumber) };
}

export function shouldOfferDeeperSupport(needsSupport: number, cases: number, thresholds: Thresholds): boolean {
  return needsSupport >= thresholds.deeperSupportCases || (cases > 0 && needsSupport / cases >= thresholds.deeperSupportShare);
}

const unitNameCollator = new Intl.Collator('sv');

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Managers are one person whatever the case of their e-mail address. */
function managerKey(email: string): string {
  return email.toLowerCase();
}

function evaluateCase(rehabCase: RehabCase, row: EmploymentRow | null, periods: readonly SickPeriod[], asOf: IsoDate, thresholds: Thresholds): CaseEvaluation {
  const period = periodOn(periods, asOf);
  const dayNumber = period ? dayNumberOn(period, asOf) : null;
  const checks: CaseChecks = {
    certificate: certificateStatus(rehabCase.certificateTo, dayNumber, asOf, thresholds),
    healthTalk: healthTalkStatus(rehabCase.healthTalkDate, asOf, thresholds),
    returnPlan: returnPlanStatus(rehabCase, dayNumber, asOf, thresholds),
    activity: activityStatus(rehabCase.lastDocumentationDate, rehabCase.nextActivityDate, asOf, thresholds),
  };
  const gapChecks = CHECK_ORDER.filter((check) => isGap(checks[check]));
  return {
    caseId: rehabCase.caseId,
    employmentId: rehabCase.employmentId,
    employeeName: row?.name ?? '',
    caseType: rehabCase.caseType,
    openedDate: rehabCase.openedDate,
    expectedOver60Days: rehabCase.expectedOver60Days,
    ...placementOf(row),
    periodStart: dayNumber === null ? null : period!.start,
    dayNumber,
    checks,
    reasons: reasonsOf(checks, rehabCase, asOf),
    gaps: gapChecks.length,
    gapChecks,
    assessment: assess(gapChecks),
    nextMilestone: nextMilestone(dayNumber, asOf),
    dates: {
      certificateTo: rehabCase.certificateTo,
      healthTalkDate: rehabCase.healthTalkDate,
      planMadeDate: rehabCase.planMadeDate,
      planRevisedDate: rehabCase.planRevisedDate,
      planFollowUpDate: rehabCase.planFollowUpDate,
      lastDocumentationDate: rehabCase.lastDocumentationDate,
      nextActivityDate: rehabCase.nextActivityDate,
    },
  };
}

function repeatedShortTermFindings(
  repeated: readonly RepeatedShortTermAbsence[],
  openCases: readonly RehabCase[],
  rowsByEmployment: ReadonlyMap<string, EmploymentRow[]>,
  asOf: IsoDate,
  thresholds: Thresholds,
): RepeatedShortTermFinding[] {
  const findings: RepeatedShortTermFinding[] = [];
  const casesByEmployment = groupBy(openCases, (rehabCase) => rehabCase.employmentId);
  for (const absence of repeated) {
    const starts = [...absence.periodStarts].sort(compareText);
    const thresholdPeriodStart = starts[thresholds.repeatedShortTermPeriods - 1];
    if (thresholdPeriodStart === undefined) continue;
    const cases = [...(casesByEmployment.get(absence.employmentId) ?? [])].sort((a, b) => compareText(a.caseId, b.caseId));
    let caseId: string | null = null;
    let finding: RepeatedShortTermFindingCode;
    if (cases.length === 0) finding = 'no_open_case';
    else if (cases.some((rehabCase) => rehabCase.healthTalkDate !== null && rehabCase.healthTalkDate >= thresholdPeriodStart)) continue;
    else {
      finding = 'no_health_talk_after_threshold_period';
      caseId = cases[0]!.caseId;
    }
    const row = employmentRowOn(rowsByEmployment.get(absence.employmentId) ?? [], asOf);
    findings.push({
      employmentId: absence.employmentId,
      employeeName: row?.name ?? '',
      unitId: row?.unitId ?? '',
      unitName: row?.unitName ?? '',
      manager: row?.managerEmail ?? '',
      periodCount: absence.periodStarts.length,
      thresholdPeriodStart,
      caseId,
      finding,
    });
  }
  return findings.sort(
    (a, b) =>
      compareText(managerKey(a.manager), managerKey(b.manager)) ||
      unitNameCollator.compare(a.unitName, b.unitName) ||
      compareText(a.employmentId, b.employmentId),
  );
}

function managerSummaries(
  cases: readonly CaseEvaluation[],
  findings: readonly RepeatedShortTermFinding[],
  uncovered: readonly UncoveredSickLeave[],
  managerNames: ReadonlyMap<string, string>,
  thresholds: Thresholds,
): ManagerCaseSummary[] {
  const summaries = new Map<string, ManagerCaseSummary>();
  const summaryOf = (email: string): ManagerCaseSummary => {
    const key = managerKey(email);
    let summary = summaries.get(key);
    if (!summary) {
      summary = {
        manager: email,
        managerName: managerNames.get(key) ?? '',
        cases: 0,
        gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 },
        totalGaps: 0,
        needsSupport: 0,
        deeperSupport: false,
        uncoveredSickLeave: 0,
      };
      summaries.set(key, summary);
    }
    return summary;
  };
  for (const evaluation of cases) {
    const summary = summaryOf(evaluation.manager);
    summary.cases += 1;
    for (const check of evaluation.gapChecks) summary.gapsByCheck[check] += 1;
    summary.totalGaps += evaluation.gaps;
    if (evaluation.assessment === 'needs_support') summary.needsSupport += 1;
  }
  // A manager with repeated short-term absence but no open case still gets a row (0 cases) to discuss it.
  for (const finding of findings) summaryOf(finding.manager);
  // Likewise a manager with sick leave that no case follows up.
  for (const entry of uncovered) summaryOf(entry.manager).uncoveredSickLeave += 1;
  for (const summary of summaries.values()) summary.deeperSupport = shouldOfferDeeperSupport(summary.needsSupport, summary.cases, thresholds);
  return [...summaries.values()].sort((a, b) => compareText(managerKey(a.manager), managerKey(b.manager)));
}

/** The case checklist at the as-of date: every open case checked, summed per manager, plus repeated short-term absence to act on. */
export function evaluateCases(dataset: Dataset, params: CaseChecklistParams): CaseChecklistReport {
  const { asOf, thresholds } = params;
  const periodsByEmployment = params.sickPeriods ?? buildSickPeriods(dataset.sickSegments, { relapseGapDays: thresholds.relapseGapDays, asOf });
  const rowsByEmployment = groupBy(dataset.employments, (row) => row.employmentId);
  const openCases = dataset.cases.filter((rehabCase) => isOpenCase(rehabCase, asOf));
  const cases = openCases
    .map((rehabCase) =>
      evaluateCase(rehabCase, employmentRowOn(rowsByEmployment.get(rehabCase.employmentId) ?? [], asOf), periodsByEmployment.get(rehabCase.employmentId) ?? [], asOf, thresholds),
    )
    .sort(
      (a, b) =>
        compareText(managerKey(a.manager), managerKey(b.manager)) ||
        unitNameCollator.compare(a.unitName, b.unitName) ||
        compareText(a.caseId, b.caseId),
    );
  const findings = repeatedShortTermFindings(params.repeatedShortTerm, openCases, rowsByEmployment, asOf, thresholds);
  // The manager's name as written on their latest employment row (names may be corrected over time).
  const managerNames = new Map<string, string>();
  const latestRows = new Map<string, EmploymentRow>();
  for (const row of dataset.employments) {
    const key = managerKey(row.managerEmail);
    const latest = latestRows.get(key);
    if (latest === undefined || row.validFrom > latest.validFrom) latestRows.set(key, row);
  }
  for (const [key, row] of latestRows) managerNames.set(key, row.managerName);
  const uncovered = uncoveredSickLeave({ asOf, thresholds, periodsByEmployment, rowsByEmployment, cases: dataset.cases });
  return {
    asOf,
    cases,
    managers: managerSummaries(cases, findings, uncovered, managerNames, thresholds),
    repeatedShortTermFindings: findings,
    uncoveredSickLeave: uncovered,
  };
}

/** The part of the report that concerns one manager (e-mail compared case-insensitively). */
export function reportForManager(report: CaseChecklistReport, managerEmail: string): CaseChecklistReport {
  const key = managerKey(managerEmail);
  return {
    asOf: report.asOf,
    cases: report.cases.filter((evaluation) => managerKey(evaluation.manager) === key),
    managers: report.managers.filter((summary) => managerKey(summary.manager) === key),
    repeatedShortTermFindings: report.repeatedShortTermFindings.filter((finding) => managerKey(finding.manager) === key),
    uncoveredSickLeave: report.uncoveredSickLeave.filter((entry) => managerKey(entry.manager) === key),
  };
}
