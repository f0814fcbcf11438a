// planAggregate: the dataset, the HR workbooks read back and the options → every document of `rehab aggregate`
// (analysis deck, its workbook, Bilaga 2 mails with meeting requests), the summary and the manifest. Pure.
import { addDays, addMonths, type DateRange, type IsoDate } from '../core/calendarDate.js';
import { computeAbsenceReport, type AbsenceReport } from '../core/absenceFigures.js';
import { evaluateCases } from '../core/caseChecklist.js';
import { buildSickPeriods, type SickPeriod } from '../core/sickPeriods.js';
import { followUpScope, type ManagerScope } from '../core/followUpScope.js';
import { analyseRehabWork, type ManagerReflection, type PreviousRound, type RehabAnalysis } from '../core/rehabAnalysis.js';
import { routineMoment, wholeMonths } from '../core/routineCalendar.js';
import { disclosureForRun, hiddenReason, sharedVisibility } from '../core/suppression.js';
import type { Thresholds } from '../core/thresholds.js';
import type { DataWarning, Dataset } from '../core/types.js';
import type { FileReport, InputFileName } from '../input/readDataset.js';
import { buildAnalysisDeck, ANALYSIS_DECK_TITLE, type AnalysisDeckInput } from '../render/analysisDeck.js';
import { analysisInvitation, analysisMailFileName, PLACEHOLDER_PROCESS_LEADER } from '../render/analysisMail.js';
import { buildAnalysisTables, caseHiddenOperations, findingSentences, type HiddenSets } from '../render/analysisTables.js';
import { buildAnalysisWorkbook } from '../render/analysisWorkbook.js';
import type { AnalysisInvitation, RenderedMail } from '../render/invitationMail.js';
import { periodName, SEASON_DEFINITE_LABELS } from '../render/labels.js';
import { fileNameSegment, managerUnitLabel } from '../render/prepFiles.js';
import { meetingUid, type MailModel } from '../render/mailModel.js';
import type { RunManifest } from '../render/runManifest.js';
import type { Plan, PlannedDocument } from './types.js';

export interface AggregateHrSpecialist {
  name: string;
  email: string;
  operations: string[];
  phone?: string;
}

export interface AggregateMeeting {
  /** Lower-cased e-mail of the HR specialist. */
  email: string;
  start: string;
  end: string;
  location: string;
}

export interface AggregatePlanInput {
  asOf: IsoDate;
  window: DateRange;
  dataset: Dataset;
  thresholds: Thresholds;
  administrationName: string | null;
  processLeader: { name: string; email: string } | null;
  hrSpecialists: AggregateHrSpecialist[];
  /** What HR wrote, one per workbook read (already checked to be of this period). */
  reflections: ManagerReflection[];
  previousRound: PreviousRound | null;
  meetings: AggregateMeeting[];
  renderMail: (model: AnalysisInvitation) => RenderedMail;
  /** From readDataset, for the manifest. */
  files: Partial<Record<InputFileName, FileReport>>;
  readWarnings: readonly DataWarning[];
  run: {
    /** ISO instant of the run: manifest, mail Date header, DTSTAMP. */
    createdAt: string;
    version: string;
    /** Which options were given (recorded in the manifest as true/false). */
    options: Record<string, boolean>;
  };
}

export interface AggregateSummary {
  period: string;
  asOf: IsoDate;
  window: DateRange;
  managers: number;
  workbooksRead: number;
  workbooksFilledIn: number;
  /** Managers of the round without a workbook, named by their units (never by name). */
  managersWithoutWorkbook: string[];
  workbooksWithoutManager: number;
  openCases: number;
  goalSharePct: number | null;
  previousGoalSharePct: number | null;
  goalShareChangePp: number | null;
  previousRound: string | null;
  managersForDeeperSupport: number;
  /** The managers to offer fördjupat stöd and refer to their verksamhetschef, named by their units (never by name). */
  deeperSupport: { units: string; operations: string[]; byChecklist: boolean; byHr: boolean }[];
  deviatingUnits: number;
  mails: number;
  meetingRequests: number;
  hrSpecialistsConfigured: number;
  processLeaderConfigured: boolean;
  findings: string[];
}

export interface AggregatePlan extends Plan<AggregateSummary> {
  /** The analysis behind the documents (tests compare it with stats and cases). */
  analysis: RehabAnalysis;
}

/** The same window one year earlier (whole months stay whole months). */
export function yearEarlierWindow(window: DateRange): DateRange {
  if (wholeMonths(window) !== null) return { from: addMonths(window.from, -12), to: addDays(addMonths(addDays(window.to, 1), -12), -1) };
  return { from: addMonths(window.from, -12), to: addMonths(window.to, -12) };
}

export function analysisFolderName(period: string): string {
  return `${period} analys`;
}

function report(dataset: Dataset, input: AggregatePlanInput, window: DateRange, sickPeriods: ReadonlyMap<string, readonly SickPeriod[]>): AbsenceReport {
  return computeAbsenceReport(dataset, { asOf: input.asOf, window, thresholds: input.thresholds, administrationName: input.administrationName, sickPeriods });
}

export function planAggregate(input: AggregatePlanInput): AggregatePlan {
  const { createdAt } = input.run;
  const { asOf, window, dataset, thresholds } = input;
  const moment = routineMoment(asOf);
  const period = periodName(moment.seasonYear, moment.season);
  // Sick periods once, for the three windows' figures and the checklist.
  const sickPeriods = buildSickPeriods(dataset.sickSegments, { relapseGapDays: thresholds.relapseGapDays, asOf });
  const absence = report(dataset, input, window, sickPeriods);
  const previousPeriod = report(dataset, input, absence.previousWindow, sickPeriods);
  const yearEarlier = report(dataset, input, yearEarlierWindow(window), sickPeriods);
  const checklist = evaluateCases(dataset, { asOf, thresholds, repeatedShortTerm: absence.repeatedShortTerm, sickPeriods });
  const unitsOfEnhet = absence.units.filter((unit) => unit.level === 'enhet');
  const scope = followUpScope(unitsOfEnhet, checklist.cases, input.hrSpecialists);

  const analysis = analyseRehabWork({
    thresholds, absence, previousPeriod, yearEarlier, checklist, managers: scope.managers, reflections: input.reflections,
    previousRound: input.previousRound,
  });

  // One disclosure decision for the window, the previous period, the trend months and the statutory groups, as prep's.
  const protect = thresholds.protectAgainstInsiders;
  const { disclosure } = disclosureForRun(absence, thresholds);
  const isHidden: HiddenSets['isHidden'] = (group, period) => hiddenReason(disclosure, group, period) !== null;
  const hidden: HiddenSets = {
    isHidden,
    yearEarlier: sharedVisibility(yearEarlier.units, thresholds.minGroupSize, { protectAgainstInsiders: protect }),
    caseOperations: caseHiddenOperations(analysis, isHidden, thresholds.minGroupSize, protect),
  };
  const administrationName = input.administrationName ?? absence.administration.name;
  const tablesInput = { analysis, hidden, minGroupSize: thresholds.minGroupSize, units: absence.units, administrationName, deviationPp: thresholds.deviationPp };
  const tables = buildAnalysisTables(tablesInput);
  const periodText = `${SEASON_DEFINITE_LABELS[moment.season]} ${moment.seasonYear}`;
  const workbooksRead = analysis.managerSupport.filter((manager) => manager.workbookReturned).length;
  const deckInput: AnalysisDeckInput = { ...tablesInput, period, periodText, asOf, tables, workbooksRead };
  const baseName = fileNameSegment(`${ANALYSIS_DECK_TITLE} ${period}`);

  const meetingByEmail = new Map(input.meetings.map((meeting) => [meeting.email, meeting]));
  const sender = input.processLeader ?? PLACEHOLDER_PROCESS_LEADER;
  const mailDocuments: PlannedDocument[] = [];
  for (const [index, hr] of input.hrSpecialists.entries()) {
    const meeting = meetingByEmail.get(hr.email.toLowerCase()) ?? null;
    const rendered = input.renderMail(
      analysisInvitation({
        hrSpecialist: hr,
        processLeader: input.processLeader,
        period: { season: moment.season, seasonYear: moment.seasonYear },
        meeting: meeting ? { start: meeting.start, end: meeting.end, location: meeting.location } : null,
        administrationName,
      }),
    );
    const fileName = analysisMailFileName(index, hr.operations);
    const to = { name: hr.name, email: hr.email };
    const request = meeting
      ? {
          start: meeting.start, end: meeting.end, location: meeting.location, title: rendered.subject, description: rendered.text,
          organizer: sender, attendee: to, uid: meetingUid(['bilaga2', period, sender.email, hr.email]), stamp: createdAt,
        }
      : null;
    if (request) mailDocuments.push({ path: `Bilaga 2/${fileName}.ics`, kind: 'ics', model: request });
    const mail: MailModel = {
      from: sender, to, subject: rendered.subject, text: rendered.text, html: rendered.html, date: createdAt,
      ...(request ? { meetingRequest: { model: request, fileName: 'Mötesbokning.ics' } } : {}),
    };
    mailDocuments.push({ path: `Bilaga 2/${fileName}.eml`, kind: 'eml', model: mail });
  }
  const mails = mailDocuments.filter((document) => document.kind === 'eml').length;
  const meetingRequests = mailDocuments.length - mails;

  const managerLabel = (manager: ManagerScope): string => managerUnitLabel(manager, unitsOfEnhet);
  const summary: AggregateSummary = {
    period,
    asOf,
    window,
    managers: scope.managers.length,
    workbooksRead: input.reflections.length,
    workbooksFilledIn: analysis.managerSupport.filter((manager) => manager.workbookFilledIn).length,
    managersWithoutWorkbook: analysis.managersWithoutWorkbook.map(managerLabel),
    workbooksWithoutManager: analysis.workbooksWithoutManager,
    openCases: checklist.cases.length,
    goalSharePct: analysis.goal.total.sharePct,
    previousGoalSharePct: analysis.goal.total.previous?.sharePct ?? null,
    goalShareChangePp: analysis.goal.total.changePp,
    previousRound: input.previousRound?.period ?? null,
    managersForDeeperSupport: analysis.managerSupport.filter((manager) => manager.referToOperationManager).length,
    deeperSupport: analysis.managerSupport
      .filter((manager) => manager.referToOperationManager)
      .map((manager) => ({
        units: managerLabel(scope.managers.find((candidate) => candidate.email === manager.managerEmail)!),
        operations: manager.operations,
        byChecklist: manager.deeperSupportByChecklist,
        byHr: manager.deeperSupportByHr,
      })),
    deviatingUnits: analysis.deviatingUnits.filter((entry) => entry.byPpRule).length,
    mails,
    meetingRequests,
    hrSpecialistsConfigured: input.hrSpecialists.length,
    processLeaderConfigured: input.processLeader !== null,
    findings: findingSentences(analysis, thresholds.deviationPp),
  };

  const manifest: RunManifest = {
    tool: 'rehab',
    version: input.run.version,
    command: 'aggregate',
    createdAt,
    asOf,
    period,
    window,
    previousWindow: absence.previousWindow,
    options: input.run.options,
    thresholds,
    inputs: Object.entries(input.files).map(([file, report]) => ({ file, rows: report.rows, encoding: report.encoding, delimiter: report.delimiter, sha256: report.sha256 })),
    counts: {
      employments: new Set(dataset.employments.map((row) => row.employmentId)).size,
      units: unitsOfEnhet.length,
      managers: scope.managers.length,
      workbooksRead: input.reflections.length,
      workbooksFilledIn: summary.workbooksFilledIn,
      managersWithoutWorkbook: analysis.managersWithoutWorkbook.length,
      openCases: checklist.cases.length,
      casesWithoutGaps: analysis.goal.total.withoutGaps,
      mails,
      meetingRequests,
      warnings: input.readWarnings.length + absence.warnings.length,
    },
    // The next round's --previous compares the goal share with these, as with prep's.
    checklist: analysis.currentCounts,
    outputs: [],
  };

  return {
    folder: analysisFolderName(period),
    documents: [
      { path: `${baseName}.pptx`, kind: 'pptx', model: buildAnalysisDeck(deckInput) },
      { path: `${baseName}.xlsx`, kind: 'xlsx', model: buildAnalysisWorkbook(deckInput) },
      ...mailDocuments,
    ],
    summary,
    manifest,
    analysis,
  };
}
