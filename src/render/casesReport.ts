// rehab cases: the case checklist as SPEC §5 JSON, a Swedish text overview, or a Swedish CSV for Excel.
import type { IsoDate } from '../core/calendarDate.js';
import type { CaseChecklistReport, CaseChecks, CaseEvaluation, CaseReasons, CheckName, ManagerCaseSummary, RepeatedShortTermFindingCode } from '../core/caseChecklist.js';
import { neutralizeCellText } from './cellText.js';
import { excelCsv } from './excelCsv.js';
import { safeLine } from './safeText.js';
import {
  ACTIVITY_LABELS,
  ASSESSMENT_LABELS,
  CASE_TYPE_LABELS,
  CERTIFICATE_LABELS,
  CHECK_LABELS,
  HEALTH_TALK_LABELS,
  REPEATED_SHORT_TERM_LABELS,
  RETURN_PLAN_LABELS,
  YES_NO_LABELS,
  reasonText,
} from './labels.js';

/** One case exactly as SPEC §5 lists it: these keys, this order, no names. */
export interface CaseJson {
  caseId: string;
  employmentId: string;
  unitId: string;
  manager: string;
  periodStart: IsoDate | null;
  dayNumber: number | null;
  checks: CaseChecks;
  gaps: number;
  assessment: CaseEvaluation['assessment'];
  nextMilestone: CaseEvaluation['nextMilestone'];
  /** SPEC §5 added field: reason code and date for each check that is not ok/not_applicable. */
  reasons: CaseReasons;
}

export type ManagerJson = Omit<ManagerCaseSummary, 'managerName'>;

export interface RepeatedShortTermJson {
  employmentId: string;
  unitId: string;
  manager: string;
  periodCount: number;
  thresholdPeriodStart: IsoDate;
  caseId: string | null;
  finding: RepeatedShortTermFindingCode;
}

/** One employment on sick leave past the threshold day with no open case (SPEC §5 added field). */
export interface UncoveredSickLeaveJson {
  employmentId: string;
  unitId: string;
  manager: string;
  periodStart: IsoDate;
  dayNumber: number;
  extent: number;
  nextMilestone: CaseEvaluation['nextMilestone'];
}

export interface CasesJson {
  asOf: IsoDate;
  cases: CaseJson[];
  managers: ManagerJson[];
  repeatedShortTerm: RepeatedShortTermJson[];
  uncoveredSickLeave: UncoveredSickLeaveJson[];
}

export function casesJson(report: CaseChecklistReport): CasesJson {
  return {
    asOf: report.asOf,
    cases: report.cases.map((evaluation) => ({
      caseId: evaluation.caseId,
      employmentId: evaluation.employmentId,
      unitId: evaluation.unitId,
      manager: evaluation.manager,
      periodStart: evaluation.periodStart,
      dayNumber: evaluation.dayNumber,
      checks: {
        certificate: evaluation.checks.certificate,
        healthTalk: evaluation.checks.healthTalk,
        returnPlan: evaluation.checks.returnPlan,
        activity: evaluation.checks.activity,
      },
      gaps: evaluation.gaps,
      assessment: evaluation.assessment,
      nextMilestone: evaluation.nextMilestone === null ? null : { day: evaluation.nextMilestone.day, date: evaluation.nextMilestone.date },
      reasons: reasonsJson(evaluation.reasons),
    })),
    managers: report.managers.map((summary) => ({
      manager: summary.manager,
      cases: summary.cases,
      gapsByCheck: { ...summary.gapsByCheck },
      totalGaps: summary.totalGaps,
      needsSupport: summary.needsSupport,
      deeperSupport: summary.deeperSupport,
      uncoveredSickLeave: summary.uncoveredSickLeave,
    })),
    repeatedShortTerm: report.repeatedShortTermFindings.map((finding) => ({
      employmentId: finding.employmentId,
      unitId: finding.unitId,
      manager: finding.manager,
      periodCount: finding.periodCount,
      thresholdPeriodStart: finding.thresholdPeriodStart,
      caseId: finding.caseId,
      finding: finding.finding,
    })),
    uncoveredSickLeave: report.uncoveredSickLeave.map((entry) => ({
      employmentId: entry.employmentId,
      unitId: entry.unitId,
      manager: entry.manager,
      periodStart: entry.periodStart,
      dayNumber: entry.dayNumber,
      extent: entry.extent,
      nextMilestone: entry.nextMilestone === null ? null : { day: entry.nextMilestone.day, date: entry.nextMilestone.date },
    })),
  };
}

/** The reasons in check order, as plain objects. */
function reasonsJson(reasons: CaseReasons): CaseReasons {
  const json: CaseReasons = {};
  if (reasons.certificate) json.certificate = { ...reasons.certificate };
  if (reasons.healthTalk) json.healthTalk = { ...reasons.healthTalk };
  if (reasons.returnPlan) json.returnPlan = { ...reasons.returnPlan };
  if (reasons.activity) json.activity = { ...reasons.activity };
  return json;
}

/** Swedish sentence per check that is not ok, e.g. returnPlan → "uppföljningen 2027-01-29 har passerat". */
export function reasonTexts(reasons: CaseReasons): Partial<Record<CheckName, string>> {
  const texts: Partial<Record<CheckName, string>> = {};
  for (const check of CHECK_ORDER) {
    const reason = reasons[check];
    if (reason) texts[check] = reasonText(check, reason);
  }
  return texts;
}

/** Swedish words for each check's status. */
export function checkStatusLabels(checks: CaseChecks): Record<CheckName, string> {
  return {
    certificate: CERTIFICATE_LABELS[checks.certificate],
    healthTalk: HEALTH_TALK_LABELS[checks.healthTalk],
    returnPlan: RETURN_PLAN_LABELS[checks.returnPlan],
    activity: ACTIVITY_LABELS[checks.activity],
  };
}

export function milestoneText(milestone: CaseEvaluation['nextMilestone']): string {
  return milestone === null ? '–' : `dag ${milestone.day} (${milestone.date})`;
}

function managerTitle(manager: string, managerName: string): string {
  if (manager === '') return '(chef saknas)';
  return managerName === '' ? manager : `${managerName} <${manager}>`;
}

/** Left-aligned text columns separated by two spaces. */
function textTable(header: string[], rawRows: string[][]): string[] {
  // One line per row, no control characters (SPEC §7), before widths are measured so the columns line up.
  const rows = rawRows.map((row) => row.map(safeLine));
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

const SHORT_CHECK_HEADERS: Record<CheckName, string> = {
  certificate: 'Läkarintyg',
  healthTalk: 'Hälsosamtal',
  returnPlan: 'Plan',
  activity: 'Aktivitet',
};

const CHECK_ORDER: readonly CheckName[] = ['certificate', 'healthTalk', 'returnPlan', 'activity'];

export function casesText(report: CaseChecklistReport): string {
  const lines: string[] = [`Rehabärenden per ${report.asOf}: ${report.cases.length} öppna ärenden`];
  if (report.managers.length === 0) {
    lines.push('', 'Inga öppna rehabärenden, ingen sjukfrånvaro utan ärende och ingen upprepad korttidsfrånvaro att följa upp.');
    return lines.join('\n');
  }

  lines.push('', 'Översikt per chef (antal ärenden med brist per kontroll)');
  lines.push(
    ...textTable(
      ['Chef', 'Ärenden', 'Behöver stöd', ...CHECK_ORDER.map((check) => SHORT_CHECK_HEADERS[check]), 'Brister totalt', 'Erbjud fördjupat stöd', 'Sjuk utan ärende'],
      report.managers.map((summary) => [
        managerTitle(summary.manager, summary.managerName),
        String(summary.cases),
        String(summary.needsSupport),
        ...CHECK_ORDER.map((check) => String(summary.gapsByCheck[check])),
        String(summary.totalGaps),
        summary.deeperSupport ? YES_NO_LABELS.yes : YES_NO_LABELS.no,
        String(summary.uncoveredSickLeave),
      ]),
    ),
  );

  for (const summary of report.managers) {
    const key = summary.manager.toLowerCase();
    const cases = report.cases.filter((evaluation) => evaluation.manager.toLowerCase() === key);
    if (cases.length === 0) continue;
    lines.push('', `Ärenden – ${managerTitle(summary.manager, summary.managerName)}`);
    lines.push(
      ...textTable(
        ['Ärende', 'Enhet', 'Typ', 'Sjuk sedan', 'Dag', ...CHECK_ORDER.map((check) => SHORT_CHECK_HEADERS[check]), 'Brister', 'Bedömning', 'Nästa milstolpe', 'Varför'],
        cases.map((evaluation) => {
          const statuses = checkStatusLabels(evaluation.checks);
          return [
            evaluation.caseId,
            evaluation.unitName || evaluation.unitId,
            CASE_TYPE_LABELS[evaluation.caseType],
            evaluation.periodStart ?? '–',
            evaluation.dayNumber === null ? '–' : String(evaluation.dayNumber),
            ...CHECK_ORDER.map((check) => statuses[check]),
            String(evaluation.gaps),
            ASSESSMENT_LABELS[evaluation.assessment],
            milestoneText(evaluation.nextMilestone),
            Object.values(reasonTexts(evaluation.reasons)).join('; '),
          ];
        }),
      ),
    );
  }

  if (report.uncoveredSickLeave.length > 0) {
    lines.push('', 'Sjukfrånvaro utan öppet rehabärende (längst först)');
    lines.push(
      ...textTable(
        ['Anställning', 'Enhet', 'Chef', 'Sjuk sedan', 'Dag', 'Omfattning', 'Nästa milstolpe'],
        report.uncoveredSickLeave.map((entry) => [
          entry.employmentId,
          entry.unitName || entry.unitId,
          entry.manager,
          entry.periodStart,
          String(entry.dayNumber),
          `${String(entry.extent).replace('.', ',')} %`,
          milestoneText(entry.nextMilestone),
        ]),
      ),
    );
  }

  if (report.repeatedShortTermFindings.length > 0) {
    lines.push('', 'Upprepad korttidsfrånvaro att följa upp');
    lines.push(
      ...textTable(
        ['Anställning', 'Enhet', 'Chef', 'Sjukperioder', 'Tröskelperiod från', 'Ärende', 'Iakttagelse'],
        report.repeatedShortTermFindings.map((finding) => [
          finding.employmentId,
          finding.unitName || finding.unitId,
          finding.manager,
          String(finding.periodCount),
          finding.thresholdPeriodStart,
          finding.caseId ?? '–',
          REPEATED_SHORT_TERM_LABELS[finding.finding],
        ]),
      ),
    );
  }
  return lines.join('\n');
}

export const CASES_CSV_HEADERS = [
  'Ärende',
  'Anställning',
  'Ärendetyp',
  'Öppnat',
  'Enhets-id',
  'Enhet',
  'Chef (e-post)',
  'Sjukperiod från',
  'Dag i sjukperioden',
  ...CHECK_ORDER.map((check) => CHECK_LABELS[check]),
  'Antal brister',
  'Bedömning',
  'Nästa milstolpe (dag)',
  'Milstolpen nås',
  ...CHECK_ORDER.map((check) => `Varför: ${CHECK_LABELS[check].toLowerCase()}`),
] as const;

export const UNCOVERED_CSV_HEADERS = [
  'Sjukfrånvaro utan öppet rehabärende: anställning',
  'Enhets-id',
  'Enhet',
  'Chef (e-post)',
  'Sjukperiod från',
  'Dag i sjukperioden',
  'Omfattning (%)',
  'Nästa milstolpe (dag)',
  'Milstolpen nås',
] as const;

/** Semicolon-separated, UTF-8 with BOM and CRLF: what Swedish Excel opens directly. */
export function casesCsv(report: CaseChecklistReport): string {
  const rows = report.cases.map((evaluation) => {
    const statuses = checkStatusLabels(evaluation.checks);
    const reasons = reasonTexts(evaluation.reasons);
    return [
      evaluation.caseId,
      evaluation.employmentId,
      CASE_TYPE_LABELS[evaluation.caseType],
      evaluation.openedDate,
      evaluation.unitId,
      evaluation.unitName,
      evaluation.manager,
      evaluation.periodStart ?? '',
      evaluation.dayNumber === null ? '' : String(evaluation.dayNumber),
      ...CHECK_ORDER.map((check) => statuses[check]),
      String(evaluation.gaps),
      ASSESSMENT_LABELS[evaluation.assessment],
      evaluation.nextMilestone === null ? '' : String(evaluation.nextMilestone.day),
      evaluation.nextMilestone?.date ?? '',
      ...CHECK_ORDER.map((check) => reasons[check] ?? ''),
    ];
  });
  // Sick leave without a case follows the cases after an empty row, with its own header (one file for Excel).
  const uncovered =
    report.uncoveredSickLeave.length === 0
      ? []
      : [
          [],
          [...UNCOVERED_CSV_HEADERS],
          ...report.uncoveredSickLeave.map((entry) => [
            entry.employmentId,
            entry.unitId,
            entry.unitName,
            entry.manager,
            entry.periodStart,
            String(entry.dayNumber),
            String(entry.extent).replace('.', ','),
            entry.nextMilestone === null ? '' : String(entry.nextMilestone.day),
            entry.nextMilestone?.date ?? '',
          ]),
        ];
  return excelCsv([[...CASES_CSV_HEADERS], ...[...rows, ...uncovered].map((row) => row.map(neutralizeCellText))]);
}
