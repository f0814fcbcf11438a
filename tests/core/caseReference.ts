// An independent implementation of the SPEC §4 case checklist, written from the spec text WITHOUT importing src/core:
// its own date arithmetic (integer days), its own sick-period walk (backwards from the as-of date), its own rules.
// tests/core/caseChecklist.property.test.ts compares it with src/core/caseChecklist.ts on random datasets.

export interface RefEmployment {
  employmentId: string;
  unitId: string;
  unitName: string;
  managerEmail: string;
  validFrom: string;
  validTo: string | null;
}

export interface RefSegment {
  employmentId: string;
  from: string;
  to: string | null;
  extent: number;
}

export interface RefCase {
  caseId: string;
  employmentId: string;
  status: string;
  openedDate: string;
  expectedOver60Days: string | null;
  certificateTo: string | null;
  healthTalkDate: string | null;
  planMadeDate: string | null;
  planRevisedDate: string | null;
  planFollowUpDate: string | null;
  lastDocumentationDate: string | null;
  nextActivityDate: string | null;
}

export interface RefThresholds {
  relapseGapDays: number;
  certificateFromDay: number;
  certificateExpiringDays: number;
  healthTalkMaxAgeMonths: number;
  returnPlanDay: number;
  returnPlanForcedDay: number;
  planMaxAgeDays: number;
  activityMaxAgeDays: number;
  deeperSupportShare: number;
  deeperSupportCases: number;
  repeatedShortTermPeriods: number;
  sickLeaveWithoutCaseFromDay: number;
}

export type RefReasons = Partial<Record<'certificate' | 'healthTalk' | 'returnPlan' | 'activity', { code: string; date: string | null }>>;

export interface RefUncovered {
  employmentId: string;
  unitId: string;
  manager: string;
  periodStart: string;
  dayNumber: number;
  extent: number;
  nextMilestone: { day: number; date: string } | null;
}

export interface RefCaseResult {
  caseId: string;
  unitId: string;
  manager: string;
  periodStart: string | null;
  dayNumber: number | null;
  checks: { certificate: string; healthTalk: string; returnPlan: string; activity: string };
  gaps: number;
  assessment: string;
  nextMilestone: { day: number; date: string } | null;
  reasons: RefReasons;
}

export interface RefManagerResult {
  manager: string;
  cases: number;
  gapsByCheck: { certificate: number; healthTalk: number; returnPlan: number; activity: number };
  totalGaps: number;
  needsSupport: number;
  deeperSupport: boolean;
  uncoveredSickLeave: number;
}

export interface RefFinding {
  employmentId: string;
  thresholdPeriodStart: string;
  caseId: string | null;
  finding: string;
}

// --- dates as integer days since the epoch ---------------------------------------------------------------------

function day(iso: string): number {
  const [y, m, d] = iso.split('-').map((part) => parseInt(part, 10)) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function iso(dayCount: number): string {
  const date = new Date(dayCount * 86_400_000);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function daysInMonth(year: number, monthIndex: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][monthIndex]!;
}

/** The same day `months` months earlier, clamped to that month's last day. */
function monthsBefore(date: string, months: number): number {
  const [y, m, d] = date.split('-').map((part) => parseInt(part, 10)) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  return Math.round(Date.UTC(year, monthIndex, Math.min(d, daysInMonth(year, monthIndex))) / 86_400_000);
}

// --- the rules ---------------------------------------------------------------------------------------------------

/** Walk back from the as-of date over the employment's sick days; a run of more than relapseGapDays well days ends the period. */
function currentPeriod(segments: readonly RefSegment[], asOf: number, relapseGapDays: number): { start: number; dayNumber: number } | null {
  const sickDays = new Set<number>();
  let earliest = asOf;
  for (const segment of segments) {
    const from = day(segment.from);
    if (from > asOf) continue;
    const to = Math.min(segment.to === null ? asOf : day(segment.to), asOf);
    for (let d = from; d <= to; d += 1) sickDays.add(d);
    earliest = Math.min(earliest, from);
  }
  if (!sickDays.has(asOf)) return null;
  let count = 0;
  let start = asOf;
  let wellRun = 0;
  for (let d = asOf; d >= earliest; d -= 1) {
    if (sickDays.has(d)) {
      count += 1;
      start = d;
      wellRun = 0;
    } else {
      wellRun += 1;
      if (wellRun > relapseGapDays) break;
    }
  }
  return { start, dayNumber: count };
}

function rowFor(rows: readonly RefEmployment[], asOf: number): RefEmployment | undefined {
  const valid = rows.find((row) => day(row.validFrom) <= asOf && (row.validTo === null || asOf <= day(row.validTo)));
  if (valid) return valid;
  return [...rows].sort((a, b) => day(b.validFrom) - day(a.validFrom))[0];
}

function evaluateOne(rehabCase: RefCase, segments: readonly RefSegment[], row: RefEmployment | undefined, asOfIso: string, t: RefThresholds): RefCaseResult {
  const asOf = day(asOfIso);
  const period = currentPeriod(segments, asOf, t.relapseGapDays);
  const n = period ? period.dayNumber : -1;
  const opt = (value: string | null) => (value === null ? null : day(value));

  let certificate: string;
  const certificateTo = opt(rehabCase.certificateTo);
  if (!period || n < t.certificateFromDay) certificate = 'not_applicable';
  else if (certificateTo === null) certificate = 'missing';
  else if (certificateTo < asOf) certificate = 'expired';
  else if (certificateTo - asOf <= t.certificateExpiringDays) certificate = 'expiring';
  else certificate = 'ok';

  const talk = opt(rehabCase.healthTalkDate);
  const healthTalk = talk === null ? 'missing' : talk < monthsBefore(asOfIso, t.healthTalkMaxAgeMonths) ? 'outdated' : 'ok';

  let returnPlan: string;
  const needsPlan = period !== null && ((n >= t.returnPlanDay && rehabCase.expectedOver60Days !== 'nej') || n >= t.returnPlanForcedDay);
  const planDates = [opt(rehabCase.planMadeDate), opt(rehabCase.planRevisedDate)].filter((value): value is number => value !== null);
  const followUp = opt(rehabCase.planFollowUpDate);
  if (!needsPlan) returnPlan = 'not_applicable';
  else if (planDates.length === 0) returnPlan = 'missing';
  else if (asOf - Math.max(...planDates) > t.planMaxAgeDays || (followUp !== null && followUp < asOf)) returnPlan = 'outdated';
  else returnPlan = 'ok';

  let activity: string;
  const documented = opt(rehabCase.lastDocumentationDate);
  const next = opt(rehabCase.nextActivityDate);
  if (documented === null || asOf - documented > t.activityMaxAgeDays) activity = 'inactive';
  else if (next === null || next < asOf) activity = 'no_next_activity';
  else activity = 'ok';

  const checks = { certificate, healthTalk, returnPlan, activity };

  // Why a check is not ok: a code and the date behind it (SPEC §4 "Why a check is not ok").
  const reasons: RefReasons = {};
  if (certificate !== 'ok' && certificate !== 'not_applicable') reasons.certificate = { code: certificate, date: certificate === 'missing' ? null : rehabCase.certificateTo };
  if (healthTalk !== 'ok') reasons.healthTalk = { code: healthTalk, date: healthTalk === 'missing' ? null : rehabCase.healthTalkDate };
  if (returnPlan === 'missing') reasons.returnPlan = { code: 'missing', date: null };
  else if (returnPlan === 'outdated') {
    reasons.returnPlan = followUp !== null && followUp < asOf ? { code: 'follow_up_overdue', date: rehabCase.planFollowUpDate } : { code: 'stale', date: iso(Math.max(...planDates)) };
  }
  if (activity === 'inactive') reasons.activity = documented === null ? { code: 'no_documentation', date: null } : { code: 'documentation_stale', date: rehabCase.lastDocumentationDate };
  else if (activity === 'no_next_activity') reasons.activity = { code: 'no_next_activity', date: rehabCase.nextActivityDate };
  const gapNames = Object.entries(checks)
    .filter(([, status]) => !['ok', 'not_applicable', 'expiring'].includes(status))
    .map(([name]) => name);
  const assessment =
    gapNames.length === 0 ? 'systematic' : gapNames.length === 1 && gapNames[0] !== 'certificate' && gapNames[0] !== 'returnPlan' ? 'partial' : 'needs_support';

  const nextMilestone = period ? milestoneAfter(n, asOf) : null;

  return {
    caseId: rehabCase.caseId,
    unitId: row?.unitId ?? '',
    manager: row?.managerEmail ?? '',
    periodStart: period ? iso(period.start) : null,
    dayNumber: period ? n : null,
    checks,
    gaps: gapNames.length,
    assessment,
    nextMilestone,
    reasons,
  };
}

function milestoneAfter(n: number, asOf: number): { day: number; date: string } | null {
  for (const milestone of [90, 180, 365]) if (milestone > n) return { day: milestone, date: iso(asOf + milestone - n) };
  return null;
}

export interface ReferenceInput {
  employments: readonly RefEmployment[];
  sickSegments: readonly RefSegment[];
  cases: readonly RefCase[];
}

export interface ReferenceResult {
  /** Sorted by caseId (the comparison is case by case, not about order). */
  cases: RefCaseResult[];
  /** Keyed by the lower-cased manager e-mail. */
  managers: Map<string, RefManagerResult>;
  /** Sorted by employmentId. */
  findings: RefFinding[];
  /** Sick leave without a case: highest day number first, then employmentId. */
  uncovered: RefUncovered[];
}

export function referenceCaseChecklist(
  input: ReferenceInput,
  asOfIso: string,
  t: RefThresholds,
  repeated: readonly { employmentId: string; periodStarts: readonly string[] }[],
): ReferenceResult {
  const asOf = day(asOfIso);
  const open = input.cases.filter((c) => c.status === 'oppet' && day(c.openedDate) <= asOf);
  const rowsOf = (employmentId: string) => input.employments.filter((row) => row.employmentId === employmentId);
  const cases = open
    .map((c) => evaluateOne(c, input.sickSegments.filter((s) => s.employmentId === c.employmentId), rowFor(rowsOf(c.employmentId), asOf), asOfIso, t))
    .sort((a, b) => (a.caseId < b.caseId ? -1 : 1));

  const findings: RefFinding[] = [];
  for (const entry of repeated) {
    const ordered = entry.periodStarts.map(day).sort((a, b) => a - b);
    if (ordered.length < t.repeatedShortTermPeriods) continue;
    const threshold = ordered[t.repeatedShortTermPeriods - 1]!;
    const mine = open.filter((c) => c.employmentId === entry.employmentId).map((c) => c.caseId).sort();
    const talked = open.some((c) => c.employmentId === entry.employmentId && c.healthTalkDate !== null && day(c.healthTalkDate) >= threshold);
    if (mine.length === 0) findings.push({ employmentId: entry.employmentId, thresholdPeriodStart: iso(threshold), caseId: null, finding: 'no_open_case' });
    else if (!talked)
      findings.push({ employmentId: entry.employmentId, thresholdPeriodStart: iso(threshold), caseId: mine[0]!, finding: 'no_health_talk_after_threshold_period' });
  }
  findings.sort((a, b) => (a.employmentId < b.employmentId ? -1 : 1));

  // Sick leave without a case: current period at the as-of date on day ≥ the threshold, and no open case.
  const uncovered: RefUncovered[] = [];
  for (const employmentId of [...new Set(input.sickSegments.map((s) => s.employmentId))].sort()) {
    if (open.some((c) => c.employmentId === employmentId)) continue;
    const segments = input.sickSegments.filter((s) => s.employmentId === employmentId);
    const period = currentPeriod(segments, asOf, t.relapseGapDays);
    if (!period || period.dayNumber < t.sickLeaveWithoutCaseFromDay) continue;
    const covering = segments.find((s) => day(s.from) <= asOf && (s.to === null || day(s.to) >= asOf))!;
    const row = rowFor(rowsOf(employmentId), asOf);
    uncovered.push({
      employmentId,
      unitId: row?.unitId ?? '',
      manager: row?.managerEmail ?? '',
      periodStart: iso(period.start),
      dayNumber: period.dayNumber,
      extent: covering.extent,
      nextMilestone: milestoneAfter(period.dayNumber, asOf),
    });
  }
  uncovered.sort((a, b) => b.dayNumber - a.dayNumber);

  const managers = new Map<string, RefManagerResult>();
  const touch = (email: string) => {
    const key = email.toLowerCase();
    if (!managers.has(key))
      managers.set(key, { manager: key, cases: 0, gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 }, totalGaps: 0, needsSupport: 0, deeperSupport: false, uncoveredSickLeave: 0 });
    return managers.get(key)!;
  };
  for (const result of cases) {
    const summary = touch(result.manager);
    summary.cases += 1;
    summary.totalGaps += result.gaps;
    if (result.assessment === 'needs_support') summary.needsSupport += 1;
    for (const name of ['certificate', 'healthTalk', 'returnPlan', 'activity'] as const) {
      if (!['ok', 'not_applicable', 'expiring'].includes(result.checks[name])) summary.gapsByCheck[name] += 1;
    }
  }
  for (const finding of findings) touch(rowFor(rowsOf(finding.employmentId), asOf)?.managerEmail ?? '');
  for (const entry of uncovered) touch(entry.manager).uncoveredSickLeave += 1;
  for (const summary of managers.values()) {
    summary.deeperSupport = summary.needsSupport >= t.deeperSupportCases || (summary.cases > 0 && summary.needsSupport * 1 >= t.deeperSupportShare * summary.cases);
  }
  return { cases, managers, findings, uncovered };
}
