// planPrep: everything a prep run writes (seed 000 "Förberedelse", Bilaga 1), as plain data — per manager the
// workbook (Alt. 1), the deck (Alt. 2), the invitation mail and its meeting request; per verksamhet the leadership
// deck; the summary and the manifest. Pure: no file system, no clock (createdAt comes in), no document library.
import { groupBy } from '../core/groupBy.js';
import { computeAbsenceReport, type UnitFigures } from '../core/absenceFigures.js';
import { buildSickPeriods } from '../core/sickPeriods.js';
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import { evaluateCases, type ManagerCaseSummary } from '../core/caseChecklist.js';
import { checklistCountsByOperation } from '../core/checklistCounts.js';
import { followUpScope, type HrAssignment, type ManagerScope, type ScopeFilter } from '../core/followUpScope.js';
import { routineMoment } from '../core/routineCalendar.js';
import { disclosureForRun, hiddenReason } from '../core/suppression.js';
import type { DataWarning, Dataset } from '../core/types.js';
import type { RehabConfig } from '../input/config.js';
import type { Meeting } from '../input/meetings.js';
import type { FileReport, InputFileName } from '../input/readDataset.js';
import type { SlideTexts } from '../input/slideTexts.js';
import { buildHrDeck } from '../render/hrDeck.js';
import { renderHrWorkbook } from '../render/hrWorkbook.js';
import { followUpMeetingText, matchMeetings, type FollowUpInvitation, type RenderedMail } from '../render/invitationMail.js';
import { periodName } from '../render/labels.js';
import { meetingUid, type MailModel, type MeetingRequestModel } from '../render/mailModel.js';
import { buildManagementDeck } from '../render/managementDeck.js';
import { MEETING_ATTACHMENT_NAME, RunFileNames } from '../render/prepFiles.js';
import type { PrepSummary } from '../render/prepSummary.js';
import type { RunManifest } from '../render/runManifest.js';
import { MANIFEST_FILE, type Plan, type PlannedDocument } from './types.js';

export interface PrepFilters {
  /** --hr: name or e-mail of a configured HR specialist. */
  hr?: string;
  /** --operation: a verksamhet's name, any case. */
  verksamhet?: string;
  /** --manager: a unit manager's e-mail, any case. */
  chef?: string;
}

export interface PrepPlanInput {
  dataset: Dataset;
  /** From readDataset: rows, encoding, delimiter and hash per file, for the manifest. */
  files: Partial<Record<InputFileName, FileReport>>;
  readWarnings: readonly DataWarning[];
  config: RehabConfig;
  asOf: IsoDate;
  window: DateRange;
  filters: PrepFilters;
  meetings: readonly Meeting[];
  /** Bilaga 1, compiled from its Handlebars templates. */
  renderInvitation: (model: FollowUpInvitation) => RenderedMail;
  slideTexts: SlideTexts;
  run: {
    /** ISO instant of the run: manifest, mail Date header, DTSTAMP. */
    createdAt: string;
    version: string;
    /** Which other options were given (recorded in the manifest as true/false). */
    meetings: boolean;
    /** Base name of the --meetings file, for messages about its lines. */
    meetingsFile?: string;
    templates: boolean;
    ersatt: boolean;
  };
}

/** A filter that matches nothing: the CLI turns these into one usage error (exit 2) naming every one. */
export type PrepFinding =
  | { code: 'unknown_hr_specialist'; option: '--hr'; value: string; configFile: string | null }
  | { code: 'unknown_operation'; option: '--operation'; value: string; known: string[] }
  | { code: 'unknown_manager'; option: '--manager'; value: string };

export type PrepPlan = Plan<PrepSummary>;

export type PrepPlanResult = { ok: true; plan: PrepPlan } | { ok: false; findings: PrepFinding[] };

/** Sender of mails when no HR specialist is configured: Outlook replaces it with the account that sends. */
const PLACEHOLDER_SENDER = { name: 'HR-specialist', email: 'hr-specialist@example.invalid' };

export function planPrep(input: PrepPlanInput): PrepPlanResult {
  const { dataset, config, asOf, window } = input;
  const moment = routineMoment(asOf);
  const period = periodName(moment.seasonYear, moment.season);
  // Sick periods once, for the figures and the checklist.
  const sickPeriods = buildSickPeriods(dataset.sickSegments, { relapseGapDays: config.thresholds.relapseGapDays, asOf });
  const absenceParams = { asOf, window, thresholds: config.thresholds, administrationName: config.administrationName, sickPeriods };
  const absence = computeAbsenceReport(dataset, absenceParams);
  // Once per run, over the whole administration: every shared deck hides the same cells (SPEC §7).
  const { disclosure, operationStatutory } = disclosureForRun(absence, absenceParams.thresholds);
  const checklist = evaluateCases(dataset, { asOf, thresholds: config.thresholds, repeatedShortTerm: absence.repeatedShortTerm, sickPeriods });

  const resolved = resolveFilters(input, absence.units);
  if (resolved.findings.length > 0) return { ok: false, findings: resolved.findings };
  const filter = resolved.filter;

  const unitsOfEnhet = absence.units.filter((unit) => unit.level === 'enhet');
  const scope = followUpScope(unitsOfEnhet, checklist.cases, config.hrSpecialists, filter);
  const meetingByManager = new Map(input.meetings.map((meeting) => [meeting.managerEmail, meeting]));
  const knownManagers = new Set(dataset.employments.map((row) => row.managerEmail.toLowerCase()));
  const meetingMatch = matchMeetings(input.meetings, knownManagers, scope.managers.map((manager) => manager.email));
  // Indexes by lower-cased manager e-mail, in data order: filtering the whole lists per manager was quadratic.
  const casesByManager = groupBy(checklist.cases, (rehabCase) => rehabCase.manager.toLowerCase());
  const findingsByManager = groupBy(checklist.repeatedShortTermFindings, (finding) => finding.manager.toLowerCase());
  const uncoveredByManager = groupBy(checklist.uncoveredSickLeave, (entry) => entry.manager.toLowerCase());
  const summaryByManager = new Map<string, ManagerCaseSummary>();
  for (const summary of checklist.managers) {
    const key = summary.manager.toLowerCase();
    if (!summaryByManager.has(key)) summaryByManager.set(key, summary);
  }
  const unitPositionsById = groupBy([...unitsOfEnhet.keys()], (position) => unitsOfEnhet[position]!.id);
  const managersInScope = new Set(scope.managers.map((manager) => manager.email));

  const documents: PlannedDocument[] = [];
  const counts = { managers: 0, workbooks: 0, managerDecks: 0, managementDecks: 0, mails: 0, meetingRequests: 0 };
  const fileNames = new RunFileNames();
  for (const manager of scope.managers) {
    // The manager's units in the order of the figures, as a filter over all units would give them.
    const managerUnits = [...new Set(manager.unitIds)]
      .flatMap((id) => unitPositionsById.get(id) ?? [])
      .sort((a, b) => a - b)
      .map((position) => unitsOfEnhet[position]!);
    const cases = casesByManager.get(manager.email) ?? [];
    const caseSummary = summaryByManager.get(manager.email) ?? null;
    const repeatedShortTerm = findingsByManager.get(manager.email) ?? [];
    const uncoveredSickLeave = uncoveredByManager.get(manager.email) ?? [];
    const uncoveredFromDay = config.thresholds.sickLeaveWithoutCaseFromDay;
    const managerPerson = { name: manager.name || manager.email, email: manager.email };
    const hrPerson = manager.hrSpecialist ? { name: manager.hrSpecialist.name, email: manager.hrSpecialist.email } : null;
    const names = fileNames.manager(manager, unitsOfEnhet);

    documents.push({
      ...names.file('workbook'),
      kind: 'xlsx',
      model: renderHrWorkbook({
        period, asOf, window, previousWindow: absence.previousWindow, administration: absence.administration,
        manager: managerPerson, units: managerUnits, cases, caseSummary, repeatedShortTerm, hrSpecialist: hrPerson, thresholds: config.thresholds,
        uncoveredSickLeave,
      }),
    });
    counts.workbooks += 1;

    documents.push({
      ...names.file('managerDeck'),
      kind: 'pptx',
      model: buildHrDeck({
        period, asOf, window, administration: absence.administration, manager: managerPerson, units: managerUnits,
        trend: absence.trend, cases, summary: caseSummary ?? emptySummary(manager), repeatedShortTerm, hrSpecialist: hrPerson,
        uncoveredSickLeave, uncoveredFromDay,
      }),
    });
    counts.managerDecks += 1;

    const meeting = meetingByManager.get(manager.email) ?? null;
    const sender = hrPerson ?? PLACEHOLDER_SENDER;
    const mail = input.renderInvitation({
      manager: managerPerson,
      sender: { name: hrPerson?.name ?? null, email: hrPerson?.email ?? null },
      period: { season: moment.season, seasonYear: moment.seasonYear },
      meeting: meeting ? { start: meeting.start, end: meeting.end, location: meeting.location } : null,
      administrationName: config.administrationName ?? absence.administration.name,
      hasOpenCases: cases.length > 0,
    });
    let meetingRequest: MeetingRequestModel | undefined;
    if (meeting) {
      meetingRequest = {
        start: meeting.start, end: meeting.end, location: meeting.location, ...followUpMeetingText({ period: { season: moment.season, seasonYear: moment.seasonYear } }),
        organizer: sender, attendee: managerPerson, uid: meetingUid(['bilaga1', period, sender.email, manager.email]), stamp: input.run.createdAt,
      };
      documents.push({ ...names.file('meetingRequest'), kind: 'ics', model: meetingRequest });
      counts.meetingRequests += 1;
    }
    const eml: MailModel = {
      from: sender, to: managerPerson, subject: mail.subject, text: mail.text, html: mail.html, date: input.run.createdAt,
      ...(meetingRequest ? { meetingRequest: { model: meetingRequest, fileName: MEETING_ATTACHMENT_NAME } } : {}),
    };
    documents.push({ ...names.file('mail'), kind: 'eml', model: eml });
    counts.mails += 1;
    counts.managers += 1;
  }

  if (input.meetings.length > 0 && meetingMatch.managersWithoutMeeting.length > 0) {
    // The names go into a file in the run folder for HR, not into a message (SPEC §7).
    const byEmail = new Map(scope.managers.map((manager) => [manager.email, manager]));
    const lines = meetingMatch.managersWithoutMeeting.map((email) => `${byEmail.get(email)?.name ?? ''} <${email}>`.trim());
    documents.push({ ...fileNames.topLevel('Mötestid saknas', 'txt'), kind: 'txt', model: `Enhetschefer utan mötestid:\n${lines.join('\n')}\n` });
  }

  // The leadership deck's case picture and theme figures: counts per verksamhet, over all its cases (no filter by manager).
  const caseCountsByOperation = new Map(checklistCountsByOperation(checklist.cases, scope.operations).map((counts) => [counts.operation, counts]));
  const operationOfUnit = new Map(unitsOfEnhet.map((unit) => [unit.id, unit.operation]));
  const latestRow = new Map<string, { validFrom: string; unitId: string }>();
  for (const row of dataset.employments) {
    const current = latestRow.get(row.employmentId);
    if (row.validFrom <= asOf && (!current || row.validFrom >= current.validFrom)) latestRow.set(row.employmentId, row);
  }
  const latestUnit = new Map([...latestRow].map(([id, row]) => [id, row.unitId]));
  const repeatedShortTermOf = (operation: string): { employments: number; withoutCase: number } => {
    const employments = absence.repeatedShortTerm.filter((item) => operationOfUnit.get(latestUnit.get(item.employmentId) ?? '') === operation).length;
    const withoutCase = checklist.repeatedShortTermFindings.filter((finding) => finding.finding === 'no_open_case' && operationOfUnit.get(finding.unitId) === operation).length;
    return { employments, withoutCase };
  };
  // Sick leave without a case per verksamhet of today's organisation (the unit's latest row), for the case picture.
  const uncoveredOf = (operation: string): number =>
    checklist.uncoveredSickLeave.filter((entry) => (operationOfUnit.get(entry.unitId) ?? entry.operation) === operation).length;
  for (const operation of scope.operations) {
    const operationFigures = absence.units.find((unit) => unit.level === 'verksamhet' && unit.id === operation);
    if (!operationFigures) continue;
    documents.push({
      ...fileNames.managementDeck(operation),
      kind: 'pptx',
      model: buildManagementDeck({
        period, season: moment.season, asOf, window, administrationName: absence.administration.name, operation,
        administration: absence.administration, operationFigures,
        units: unitsOfEnhet.filter((unit) => unit.operation === operation), trend: absence.trend, disclosure,
        thresholds: config.thresholds, slideTexts: input.slideTexts, statutory: absence.statutory, operationStatutory: operationStatutory[operation],
        caseCounts: caseCountsByOperation.get(operation) ?? null,
        repeatedShortTerm: repeatedShortTermOf(operation),
        uncoveredSickLeave: uncoveredOf(operation),
      }),
    });
    counts.managementDecks += 1;
  }

  const openCases = scope.managers.reduce((sum, manager) => sum + (casesByManager.get(manager.email)?.length ?? 0), 0);
  const inScope = checklist.cases.filter((rehabCase) => managersInScope.has(rehabCase.manager.toLowerCase()));
  const summary: PrepSummary = {
    period,
    asOf,
    window,
    configFile: config.source,
    hrSpecialistsConfigured: config.hrSpecialists.length,
    managers: counts.managers,
    operations: counts.managementDecks,
    openCases,
    casesWithGaps: inScope.filter((rehabCase) => rehabCase.gaps > 0).length,
    gaps: inScope.reduce((sum, rehabCase) => sum + rehabCase.gaps, 0),
    needsSupport: inScope.filter((rehabCase) => rehabCase.assessment === 'needs_support').length,
    managersForDeeperSupport: checklist.managers.filter((m) => m.deeperSupport && managersInScope.has(m.manager.toLowerCase())).length,
    repeatedShortTermFindings: checklist.repeatedShortTermFindings.filter((f) => managersInScope.has(f.manager.toLowerCase())).length,
    warnings: input.readWarnings.length + absence.warnings.length,
    meetingsFile: input.run.meetingsFile ?? null,
    meetingFindings: meetingMatch.findings,
    operationsWithoutFigures: scope.operations.filter((operation) => hiddenReason(disclosure, `verksamhet:${operation}`, 'window') === 'small_group'),
    files: { ...counts, manifest: 1 },
    // Keys, not paths: paths carry managers' names (SPEC §7: no names in what a job may log).
    outputs: [...documents.map((document) => document.manifestKey ?? document.path), MANIFEST_FILE],
  };

  const manifest: RunManifest = {
    tool: 'rehab',
    version: input.run.version,
    command: 'prep',
    createdAt: input.run.createdAt,
    asOf,
    period,
    window,
    previousWindow: absence.previousWindow,
    options: {
      config: config.source !== null,
      hr: input.filters.hr !== undefined,
      verksamhet: filter.operation ?? false,
      chef: input.filters.chef !== undefined,
      meetings: input.run.meetings,
      templates: input.run.templates,
      ersatt: input.run.ersatt,
    },
    thresholds: config.thresholds,
    inputs: Object.entries(input.files).map(([file, report]) => ({ file, rows: report.rows, encoding: report.encoding, delimiter: report.delimiter, sha256: report.sha256 })),
    counts: {
      employments: new Set(dataset.employments.map((row) => row.employmentId)).size,
      units: unitsOfEnhet.length,
      managers: counts.managers,
      operations: counts.managementDecks,
      openCases,
      casesWithGaps: summary.casesWithGaps,
      warnings: summary.warnings,
    },
    checklist: checklistCountsByOperation(inScope, scope.operations),
    outputs: [],
  };
  return { ok: true, plan: { folder: period, documents, summary, manifest } };
}

function resolveFilters(input: PrepPlanInput, units: readonly UnitFigures[]): { filter: ScopeFilter; findings: PrepFinding[] } {
  const { filters, config, dataset } = input;
  const filter: ScopeFilter = {};
  const findings: PrepFinding[] = [];
  if (filters.hr !== undefined) {
    const hr = findHrSpecialist(config.hrSpecialists, filters.hr);
    if (hr) filter.hrSpecialist = hr;
    else findings.push({ code: 'unknown_hr_specialist', option: '--hr', value: filters.hr, configFile: config.source });
  }
  if (filters.verksamhet !== undefined) {
    const operations = [...new Set(units.filter((unit) => unit.level === 'verksamhet').map((unit) => unit.id))];
    const wanted = filters.verksamhet.trim().toLowerCase();
    const match = operations.find((operation) => operation.toLowerCase() === wanted);
    if (match !== undefined) filter.operation = match;
    else findings.push({ code: 'unknown_operation', option: '--operation', value: filters.verksamhet, known: operations });
  }
  if (filters.chef !== undefined) {
    const chef = filters.chef.trim().toLowerCase();
    if (dataset.employments.some((row) => row.managerEmail.toLowerCase() === chef)) filter.managerEmail = chef;
    else findings.push({ code: 'unknown_manager', option: '--manager', value: filters.chef });
  }
  return { filter, findings };
}

function findHrSpecialist(hrSpecialists: readonly HrAssignment[], wanted: string): HrAssignment | undefined {
  const needle = wanted.trim().toLowerCase();
  return hrSpecialists.find((hr) => hr.email.toLowerCase() === needle || hr.name.toLowerCase() === needle);
}




function emptySummary(manager: ManagerScope): ManagerCaseSummary {
  return {
    manager: manager.email, managerName: manager.name, cases: 0,
    gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 }, totalGaps: 0, needsSupport: 0, deeperSupport: false, uncoveredSickLeave: 0,
  };
}
