// The process leader's analysis in May and November (seed 000, "Efterarbete"): support to managers, units that
// deviate, changes in sick leave, other patterns, the routine's goal and HR's reflections — from the figures, the
// checklist and what HR wrote in the workbooks after the meetings. Pure; persons are filtered out by the renderers.
import type { DateRange } from './calendarDate.js';
import type { AbsenceReport, AbsenceRates, MonthlyRate, StatutoryFigure, UnitFigures } from './absenceFigures.js';
import type { Assessment, CaseChecklistReport, CheckName } from './caseChecklist.js';
import type { ManagerScope } from './followUpScope.js';
import { checklistCountsByOperation, type OperationChecklistCounts } from './checklistCounts.js';
import { goalShare, type GoalShare } from './goalShare.js';
import type { FunnelSignal } from './funnelLimits.js';
import type { Thresholds } from './thresholds.js';

/** HR's own assessment of a case after the meeting (the drop-down of the HR workbook). */
export type HrMeetingAssessment = 'systematic' | 'partial' | 'needs_support' | 'deeper_support_offered';


/** What HR wrote in one manager's workbook (read back by src/input); no employee names. */
export interface ManagerReflection {
  /** chef_epost as written in the workbook. */
  managerEmail: string;
  overall: string;
  risks: string;
  needs: string;
  deeperSupportBooked: boolean | null;
  /** HR's assessment per case after the meeting, by case id (null = left empty). */
  caseAssessments: { caseId: string; assessment: HrMeetingAssessment | null }[];
  /** Cases with a note or a proposal in the Ärenden sheet. */
  casesWithNotes: number;
  casesWithProposals: number;
}

export interface ManagerSupport {
  /** Lower-cased chef_epost. */
  managerEmail: string;
  operations: string[];
  unitIds: string[];
  cases: number;
  gapsByCheck: Record<CheckName, number>;
  totalGaps: number;
  needsSupport: number;
  /** SPEC §4: at least half the cases, or 3 or more, need support. */
  deeperSupportByChecklist: boolean;
  /** HR assessed a case "Fördjupat stöd erbjudet" or booked deeper support. */
  deeperSupportByHr: boolean;
  deeperSupportBooked: boolean | null;
  /** The routine refers the manager to the verksamhetschef (prioritering, ärendemängd, kompetensutveckling). */
  referToOperationManager: boolean;
  repeatedShortTermFindings: number;
  uncoveredSickLeave: number;
  workbookReturned: boolean;
  /** HR wrote something (reflections, risks, needs or a case assessment). */
  workbookFilledIn: boolean;
  hrAssessments: Record<HrMeetingAssessment | 'none', number>;
}

export interface OperationSupport {
  operation: string;
  managers: number;
  workbooksReturned: number;
  workbooksFilledIn: number;
  cases: number;
  needsSupportCases: number;
  managersForDeeperSupport: number;
  managersOfferedDeeperSupportByHr: number;
  managersReferred: number;
  uncoveredSickLeave: number;
  repeatedShortTermFindings: number;
}

export interface DeviatingUnit {
  unit: UnitFigures;
  byPpRule: boolean;
  signal: FunnelSignal | null;
  /** HR's reflections and risks for the unit's manager (empty when none were written). */
  hrNotes: string[];
}

export interface RatesThen {
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
}

export interface AbsenceChange {
  /** 'administration' or the verksamhet's name. */
  level: 'administration' | 'verksamhet';
  id: string;
  name: string;
  employees: number;
  now: RatesThen;
  previousPeriod: RatesThen | null;
  yearEarlier: RatesThen | null;
}

export interface OtherPatterns {
  repeatedShortTermEmployments: number;
  repeatedShortTermWithoutCase: number;
  repeatedShortTermWithoutHealthTalk: number;
  openCases: number;
  gapsByCheck: Record<CheckName, number>;
  assessments: Record<Assessment, number>;
  statutory: StatutoryFigure[];
  /** Managers by their number of open cases: 0, 1–2, 3–5, 6 or more. */
  managersByCaseCount: { bucket: '0' | '1-2' | '3-5' | '6+'; managers: number }[];
  uncoveredSickLeave: number;
  /** HR's assessments after the meetings, over every case in the workbooks read ('none' = left empty). */
  hrAssessments: Record<HrMeetingAssessment | 'none', number>;
  casesWithHrNotes: number;
  casesWithHrProposals: number;
}

export interface OperationReflections {
  operation: string;
  overall: string[];
  risks: string[];
  needs: string[];
}

export type FindingCode =
  | 'goal_share'
  | 'deeper_support'
  | 'deviating_units'
  | 'absence_change'
  | 'uncovered_sick_leave'
  | 'repeated_short_term'
  | 'missing_workbooks';

/** One finding for the summary slide; the renderer says it in Swedish. */
export interface Finding {
  code: FindingCode;
  values: Record<string, number | string | null>;
}

export interface PreviousRound {
  period: string;
  asOf: string;
  counts: OperationChecklistCounts[];
}

export interface RehabAnalysisParams {
  thresholds: Thresholds;
  /** The window (SPEC §3) and its trend. */
  absence: AbsenceReport;
  /** The previous period computed as a window of its own (for short and long apart). */
  previousPeriod: AbsenceReport;
  /** The same window one year earlier. */
  yearEarlier: AbsenceReport;
  checklist: CaseChecklistReport;
  /** Managers of the follow-up round (followUpScope). */
  managers: ManagerScope[];
  reflections: ManagerReflection[];
  previousRound: PreviousRound | null;
}

export interface RehabAnalysis {
  window: DateRange;
  previousWindow: DateRange;
  yearEarlierWindow: DateRange;
  managerSupport: ManagerSupport[];
  operationSupport: OperationSupport[];
  deviatingUnits: DeviatingUnit[];
  changes: AbsenceChange[];
  trend: { months: string[]; administration: MonthlyRate[]; operations: Record<string, MonthlyRate[]> };
  patterns: OtherPatterns;
  goal: GoalShare;
  currentCounts: OperationChecklistCounts[];
  previousRound: { period: string; asOf: string } | null;
  reflections: OperationReflections[];
  /** Day of the current period from which sick leave without a case is listed (SPEC §4, configurable). */
  sickLeaveWithoutCaseFromDay: number;
  /** Managers of the round without a workbook among those read. */
  managersWithoutWorkbook: ManagerScope[];
  /** Workbooks whose manager is not among the round's managers (e.g. a manager who left). */
  workbooksWithoutManager: number;
  findings: Finding[];
}

const collator = new Intl.Collator('sv');
const MAX_FINDINGS = 5;


function ratesOf(rates: Pick<AbsenceRates, 'shortPct' | 'longPct' | 'totalPct'> | undefined): RatesThen | null {
  return rates ? { shortPct: rates.shortPct, longPct: rates.longPct, totalPct: rates.totalPct } : null;
}

function emptyGaps(): Record<CheckName, number> {
  return { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 };
}

function hasText(reflection: ManagerReflection): boolean {
  return [reflection.overall, reflection.risks, reflection.needs].some((text) => text.trim() !== '') || reflection.deeperSupportBooked !== null ||
    reflection.caseAssessments.some((entry) => entry.assessment !== null) || reflection.casesWithNotes > 0 || reflection.casesWithProposals > 0;
}

function caseCountBucket(cases: number): OtherPatterns['managersByCaseCount'][number]['bucket'] {
  if (cases === 0) return '0';
  if (cases <= 2) return '1-2';
  if (cases <= 5) return '3-5';
  return '6+';
}

function managerSupportOf(params: RehabAnalysisParams, reflectionByManager: Map<string, ManagerReflection>): ManagerSupport[] {
  const summaries = new Map(params.checklist.managers.map((summary) => [summary.manager.toLowerCase(), summary]));
  const countBy = (emails: string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const email of emails) counts.set(email.toLowerCase(), (counts.get(email.toLowerCase()) ?? 0) + 1);
    return counts;
  };
  const repeated = countBy(params.checklist.repeatedShortTermFindings.map((finding) => finding.manager));
  const uncovered = countBy(params.checklist.uncoveredSickLeave.map((entry) => entry.manager));
  return params.managers.map((manager): ManagerSupport => {
    const summary = summaries.get(manager.email);
    const reflection = reflectionByManager.get(manager.email);
    const hrAssessments: ManagerSupport['hrAssessments'] = { systematic: 0, partial: 0, needs_support: 0, deeper_support_offered: 0, none: 0 };
    for (const entry of reflection?.caseAssessments ?? []) hrAssessments[entry.assessment ?? 'none'] += 1;
    const deeperSupportByChecklist = summary?.deeperSupport ?? false;
    const deeperSupportByHr = hrAssessments.deeper_support_offered > 0 || reflection?.deeperSupportBooked === true;
    return {
      managerEmail: manager.email,
      operations: manager.operations,
      unitIds: manager.unitIds,
      cases: summary?.cases ?? 0,
      gapsByCheck: summary ? { ...summary.gapsByCheck } : emptyGaps(),
      totalGaps: summary?.totalGaps ?? 0,
      needsSupport: summary?.needsSupport ?? 0,
      deeperSupportByChecklist,
      deeperSupportByHr,
      deeperSupportBooked: reflection?.deeperSupportBooked ?? null,
      referToOperationManager: deeperSupportByChecklist || deeperSupportByHr,
      repeatedShortTermFindings: repeated.get(manager.email) ?? 0,
      uncoveredSickLeave: uncovered.get(manager.email) ?? 0,
      workbookReturned: reflection !== undefined,
      workbookFilledIn: reflection !== undefined && hasText(reflection),
      hrAssessments,
    };
  });
}

function operationSupportOf(support: ManagerSupport[], params: RehabAnalysisParams): OperationSupport[] {
  const operations = new Map<string, OperationSupport>();
  const entry = (operation: string): OperationSupport => {
    let found = operations.get(operation);
    if (!found) {
      found = {
        operation, managers: 0, workbooksReturned: 0, workbooksFilledIn: 0, cases: 0, needsSupportCases: 0, managersForDeeperSupport: 0,
        managersOfferedDeeperSupportByHr: 0, managersReferred: 0, uncoveredSickLeave: 0, repeatedShortTermFindings: 0,
      };
      operations.set(operation, found);
    }
    return found;
  };
  // A manager with units in two verksamheter counts in both; cases and findings count where the case's unit is.
  for (const manager of support) {
    for (const operation of manager.operations) {
      const row = entry(operation);
      row.managers += 1;
      if (manager.workbookReturned) row.workbooksReturned += 1;
      if (manager.workbookFilledIn) row.workbooksFilledIn += 1;
      if (manager.deeperSupportByChecklist) row.managersForDeeperSupport += 1;
      if (manager.deeperSupportByHr) row.managersOfferedDeeperSupportByHr += 1;
      if (manager.referToOperationManager) row.managersReferred += 1;
    }
  }
  for (const evaluation of params.checklist.cases) {
    const row = entry(evaluation.operation);
    row.cases += 1;
    if (evaluation.assessment === 'needs_support') row.needsSupportCases += 1;
  }
  const operationOfUnit = new Map(params.absence.units.filter((unit) => unit.level === 'enhet').map((unit) => [unit.id, unit.operation]));
  for (const uncovered of params.checklist.uncoveredSickLeave) {
    const operation = operationOfUnit.get(uncovered.unitId);
    if (operation !== undefined) entry(operation).uncoveredSickLeave += 1;
  }
  for (const finding of params.checklist.repeatedShortTermFindings) {
    const operation = operationOfUnit.get(finding.unitId);
    if (operation !== undefined) entry(operation).repeatedShortTermFindings += 1;
  }
  return [...operations.values()].filter((row) => row.operation !== '').sort((a, b) => collator.compare(a.operation, b.operation));
}

function deviatingUnitsOf(params: RehabAnalysisParams, reflectionByManager: Map<string, ManagerReflection>): DeviatingUnit[] {
  return params.absence.units
    .filter((unit) => unit.level === 'enhet' && (unit.deviates || unit.signal !== null))
    .map((unit) => {
      const reflection = unit.managerEmail ? reflectionByManager.get(unit.managerEmail.toLowerCase()) : undefined;
      const hrNotes = reflection ? [reflection.overall, reflection.risks].map((text) => text.trim()).filter((text) => text !== '') : [];
      return { unit, byPpRule: unit.deviates, signal: unit.signal, hrNotes };
    })
    .sort((a, b) => (b.unit.diffPp ?? -Infinity) - (a.unit.diffPp ?? -Infinity) || collator.compare(a.unit.name, b.unit.name));
}

function changesOf(params: RehabAnalysisParams): AbsenceChange[] {
  const find = (report: AbsenceReport, id: string) => report.units.find((unit) => unit.level === 'verksamhet' && unit.id === id);
  const administration: AbsenceChange = {
    level: 'administration',
    id: 'administration',
    name: params.absence.administration.name,
    employees: params.absence.administration.employees,
    now: ratesOf(params.absence.administration)!,
    previousPeriod: params.previousPeriod.administration.exposureDays > 0 ? ratesOf(params.previousPeriod.administration) : null,
    yearEarlier: params.yearEarlier.administration.exposureDays > 0 ? ratesOf(params.yearEarlier.administration) : null,
  };
  const operations = params.absence.units
    .filter((unit) => unit.level === 'verksamhet')
    .map((unit): AbsenceChange => ({
      level: 'verksamhet',
      id: unit.id,
      name: unit.name,
      employees: unit.employees,
      now: ratesOf(unit)!,
      previousPeriod: ratesOf(find(params.previousPeriod, unit.id)),
      yearEarlier: ratesOf(find(params.yearEarlier, unit.id)),
    }));
  return [administration, ...operations];
}

function patternsOf(params: RehabAnalysisParams, support: ManagerSupport[]): OtherPatterns {
  const hrAssessments: OtherPatterns['hrAssessments'] = { systematic: 0, partial: 0, needs_support: 0, deeper_support_offered: 0, none: 0 };
  for (const manager of support) for (const key of Object.keys(hrAssessments) as (keyof typeof hrAssessments)[]) hrAssessments[key] += manager.hrAssessments[key];
  const inScope = new Set(params.managers.map((manager) => manager.email));
  const read = params.reflections.filter((reflection) => inScope.has(reflection.managerEmail.toLowerCase()));
  const gapsByCheck = emptyGaps();
  const assessments: Record<Assessment, number> = { systematic: 0, partial: 0, needs_support: 0 };
  for (const evaluation of params.checklist.cases) {
    for (const check of evaluation.gapChecks) gapsByCheck[check] += 1;
    assessments[evaluation.assessment] += 1;
  }
  const casesByManager = new Map(params.managers.map((manager) => [manager.email, 0]));
  for (const evaluation of params.checklist.cases) {
    const key = evaluation.manager.toLowerCase();
    casesByManager.set(key, (casesByManager.get(key) ?? 0) + 1);
  }
  const buckets: OtherPatterns['managersByCaseCount'] = [
    { bucket: '0', managers: 0 },
    { bucket: '1-2', managers: 0 },
    { bucket: '3-5', managers: 0 },
    { bucket: '6+', managers: 0 },
  ];
  for (const cases of casesByManager.values()) buckets.find((bucket) => bucket.bucket === caseCountBucket(cases))!.managers += 1;
  const findings = params.checklist.repeatedShortTermFindings;
  return {
    repeatedShortTermEmployments: params.absence.repeatedShortTerm.length,
    repeatedShortTermWithoutCase: findings.filter((finding) => finding.finding === 'no_open_case').length,
    repeatedShortTermWithoutHealthTalk: findings.filter((finding) => finding.finding === 'no_health_talk_after_threshold_period').length,
    openCases: params.checklist.cases.length,
    gapsByCheck,
    assessments,
    statutory: params.absence.statutory,
    managersByCaseCount: buckets,
    uncoveredSickLeave: params.checklist.uncoveredSickLeave.length,
    hrAssessments,
    casesWithHrNotes: read.reduce((sum, reflection) => sum + reflection.casesWithNotes, 0),
    casesWithHrProposals: read.reduce((sum, reflection) => sum + reflection.casesWithProposals, 0),
  };
}

function reflectionsOf(params: RehabAnalysisParams, reflectionByManager: Map<string, ManagerReflection>): OperationReflections[] {
  const byOperation = new Map<string, OperationReflections>();
  for (const manager of [...params.managers].sort((a, b) => collator.compare(a.unitIds[0] ?? '', b.unitIds[0] ?? ''))) {
    const reflection = reflectionByManager.get(manager.email);
    if (!reflection) continue;
    for (const operation of manager.operations) {
      let entry = byOperation.get(operation);
      if (!entry) {
        entry = { operation, overall: [], risks: [], needs: [] };
        byOperation.set(operation, entry);
      }
      for (const field of ['overall', 'risks', 'needs'] as const) {
        const text = reflection[field].trim();
        if (text !== '' && !entry[field].includes(text)) entry[field].push(text);
      }
    }
  }
  return [...byOperation.values()]
    .filter((entry) => entry.overall.length + entry.risks.length + entry.needs.length > 0)
    .sort((a, b) => collator.compare(a.operation, b.operation));
}

function findingsOf(analysis: Omit<RehabAnalysis, 'findings'>): Finding[] {
  const findings: Finding[] = [];
  const total = analysis.goal.total;
  findings.push({
    code: 'goal_share',
    values: { sharePct: total.sharePct, cases: total.cases, withoutGaps: total.withoutGaps, changePp: total.changePp, previousSharePct: total.previous?.sharePct ?? null },
  });
  const support = analysis.managerSupport;
  const forSupport = support.filter((manager) => manager.deeperSupportByChecklist || manager.deeperSupportByHr);
  if (forSupport.length > 0) {
    findings.push({
      code: 'deeper_support',
      values: {
        managers: forSupport.length,
        ofManagers: support.length,
        operations: new Set(forSupport.flatMap((manager) => manager.operations)).size,
        byHr: support.filter((manager) => manager.deeperSupportByHr).length,
      },
    });
  }
  const byPp = analysis.deviatingUnits.filter((unit) => unit.byPpRule).length;
  const high = analysis.deviatingUnits.filter((unit) => unit.signal === 'high').length;
  if (byPp + high > 0) findings.push({ code: 'deviating_units', values: { byPpRule: byPp, aboveFunnel: high } });
  const administration = analysis.changes.find((change) => change.level === 'administration')!;
  findings.push({
    code: 'absence_change',
    values: {
      totalPct: administration.now.totalPct,
      previousTotalPct: administration.previousPeriod?.totalPct ?? null,
      yearEarlierTotalPct: administration.yearEarlier?.totalPct ?? null,
      shortPct: administration.now.shortPct,
      longPct: administration.now.longPct,
    },
  });
  if (analysis.patterns.uncoveredSickLeave > 0) {
    findings.push({ code: 'uncovered_sick_leave', values: { employments: analysis.patterns.uncoveredSickLeave, fromDay: analysis.sickLeaveWithoutCaseFromDay } });
  }
  if (analysis.patterns.repeatedShortTermWithoutCase > 0) {
    findings.push({ code: 'repeated_short_term', values: { withoutCase: analysis.patterns.repeatedShortTermWithoutCase, total: analysis.patterns.repeatedShortTermEmployments } });
  }
  if (analysis.managersWithoutWorkbook.length > 0) {
    findings.push({ code: 'missing_workbooks', values: { managers: analysis.managersWithoutWorkbook.length, ofManagers: support.length } });
  }
  return findings.slice(0, MAX_FINDINGS);
}

export function analyseRehabWork(params: RehabAnalysisParams): RehabAnalysis {
  const reflectionByManager = new Map(params.reflections.map((reflection) => [reflection.managerEmail.toLowerCase(), reflection]));
  const managerEmails = new Set(params.managers.map((manager) => manager.email));
  const managerSupport = managerSupportOf(params, reflectionByManager);
  const currentCounts = checklistCountsByOperation(params.checklist.cases, [...new Set(params.managers.flatMap((manager) => manager.operations))]);
  const operationTrend: Record<string, MonthlyRate[]> = {};
  for (const unit of params.absence.units) if (unit.level === 'verksamhet') operationTrend[unit.id] = params.absence.trend.units[`verksamhet:${unit.id}`] ?? [];
  const analysis: Omit<RehabAnalysis, 'findings'> = {
    window: params.absence.window,
    previousWindow: params.absence.previousWindow,
    yearEarlierWindow: params.yearEarlier.window,
    managerSupport,
    operationSupport: operationSupportOf(managerSupport, params),
    deviatingUnits: deviatingUnitsOf(params, reflectionByManager),
    changes: changesOf(params),
    trend: { months: params.absence.trend.months, administration: params.absence.trend.administration, operations: operationTrend },
    patterns: patternsOf(params, managerSupport),
    goal: goalShare(currentCounts, params.previousRound?.counts ?? null),
    currentCounts,
    previousRound: params.previousRound ? { period: params.previousRound.period, asOf: params.previousRound.asOf } : null,
    reflections: reflectionsOf(params, reflectionByManager),
    managersWithoutWorkbook: params.managers.filter((manager) => !reflectionByManager.has(manager.email)),
    sickLeaveWithoutCaseFromDay: params.thresholds.sickLeaveWithoutCaseFromDay,
    workbooksWithoutManager: [...reflectionByManager.keys()].filter((email) => !managerEmails.has(email)).length,
  };
  return { ...analysis, findings: findingsOf(analysis) };
}
