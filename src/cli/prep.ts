// rehab prep: the HR specialist's material for a follow-up round (seed 000 "Förberedelse", Bilaga 1):
// per manager an .xlsx (Alt. 1), a .pptx (Alt. 2) and an invitation mail; per verksamhet the leadership deck.
// options → read (everything, before anything is written) → core → render → write (staged, atomic).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { computeAbsenceReport, type UnitFigures } from '../core/absenceFigures.js';
import { evaluateCases, type ManagerCaseSummary } from '../core/caseChecklist.js';
import { followUpScope, type HrAssignment, type ManagerScope, type ScopeFilter } from '../core/followUpScope.js';
import { defaultWindow, routineMoment } from '../core/routineCalendar.js';
import { ConfigError } from '../errors.js';
import { loadConfig, type RehabConfig } from '../input/config.js';
import { readMailTemplates } from '../input/mailTemplates.js';
import { readMeetings, type Meeting } from '../input/meetings.js';
import { readDataset } from '../input/readDataset.js';
import { readSlideTexts } from '../input/slideTexts.js';
import { buildHrDeck } from '../render/hrDeck.js';
import { renderHrWorkbook } from '../render/hrWorkbook.js';
import { compileFollowUpMail } from '../render/invitationMail.js';
import { periodName } from '../render/labels.js';
import { buildManagementDeck } from '../render/managementDeck.js';
import { managerFolderName, prepFileNames, safeFileName } from '../render/prepFiles.js';
import { prepSummaryJson, prepSummaryText, type PrepSummary } from '../render/prepSummary.js';
import { manifestJson, type RunManifest } from '../render/runManifest.js';
import { buildEml } from '../write/emlWriter.js';
import { buildMeetingRequest, meetingUid } from '../write/icsWriter.js';
import { StagedFolder } from '../write/outputFolder.js';
import { writeJson, writeMessage } from '../write/output.js';
import { renderPptx } from '../write/pptxWriter.js';
import { writeXlsx } from '../write/xlsxWriter.js';
import { parseAsOf } from './common.js';
import { VERSION } from './version.js';

interface PrepOptions {
  data?: string;
  out?: string;
  asOf?: string;
  config?: string;
  hr?: string;
  verksamhet?: string;
  chef?: string;
  meetings?: string;
  templates?: string;
  json?: boolean;
  ersatt?: boolean;
}

/** Sender of mails when no HR specialist is configured: Outlook replaces it with the account that sends. */
const PLACEHOLDER_SENDER = { name: 'HR-specialist', email: 'hr-specialist@example.invalid' };

export function registerPrep(program: Command): void {
  program
    .command('prep')
    .description('HR:s underlag inför rehabiliteringsuppföljningen: arbetsbok och bildspel per chef, bildspel till ledningsgrupp, inbjudningar')
    .option('--data <mapp>', 'mappen med anstallda.csv, sjukfranvaro.csv och rehabarenden.csv (måste anges)')
    .option('--out <mapp>', 'mappen där periodens mapp (t.ex. 2027-vår) skapas (måste anges)')
    .option('--as-of <datum>', 'datum att utgå från (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .option('--hr <namn|epost>', 'bara chefer i de verksamheter som HR-specialisten har')
    .option('--verksamhet <namn>', 'bara denna verksamhet')
    .option('--chef <epost>', 'bara chefen med denna e-postadress')
    .option('--meetings <fil>', 'CSV med mötestider (chef_epost;start;slut;plats) som ger mötesbokningar (.ics)')
    .option('--templates <mapp>', 'mapp med egna mallar (mail/, ledningsgrupp/) som ersätter de medföljande')
    .option('--ersatt', 'ersätt en befintlig mapp för perioden (ifyllda filer i den försvinner)')
    .option('--json', 'skriv sammanfattningen som JSON på standard ut')
    .action(async (options: PrepOptions) => {
      const summary = await runPrep(options);
      if (options.json) writeJson(prepSummaryJson(summary));
      else writeMessage(prepSummaryText(summary));
    });
}

function findHrSpecialist(config: RehabConfig, wanted: string): HrAssignment {
  const needle = wanted.trim().toLowerCase();
  const match = config.hrSpecialists.find((hr) => hr.email.toLowerCase() === needle || hr.name.toLowerCase() === needle);
  if (!match) {
    const where = config.source ? `i ${config.source}` : '(ingen konfigurationsfil finns)';
    throw new ConfigError(`--hr: ingen HR-specialist med namn eller e-post "${wanted}" ${where}`, '--hr');
  }
  return match;
}

function findOperation(units: readonly UnitFigures[], wanted: string): string {
  const operations = [...new Set(units.filter((unit) => unit.level === 'verksamhet').map((unit) => unit.id))];
  const match = operations.find((operation) => operation.toLowerCase() === wanted.trim().toLowerCase());
  if (!match) throw new ConfigError(`--verksamhet: ingen verksamhet heter "${wanted}". Finns: ${operations.join(', ')}`, '--verksamhet');
  return match;
}

export async function runPrep(options: PrepOptions): Promise<PrepSummary> {
  if (options.data === undefined) throw new ConfigError('--data måste anges: mappen med exportfilerna', '--data');
  if (options.out === undefined) throw new ConfigError('--out måste anges: mappen där underlaget skrivs', '--out');
  const asOf = parseAsOf(options.asOf);
  const config = loadConfig(options.config);
  const moment = routineMoment(asOf);
  const period = periodName(moment.seasonYear, moment.season);
  const window = defaultWindow(asOf);

  // Read every input first: a mistake anywhere stops the run before a single file is written.
  const meetings: Meeting[] = options.meetings ? readMeetings(resolve(options.meetings)) : [];
  const mailTemplates = readMailTemplates(options.templates);
  const renderInvitation = compileFollowUpMail(mailTemplates.bilaga1);
  const slideTexts = readSlideTexts(options.templates);
  const { dataset, files, warnings: readWarnings } = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: true });

  const absence = computeAbsenceReport(dataset, { asOf, window, thresholds: config.thresholds, administrationName: config.administrationName });
  const checklist = evaluateCases(dataset, { asOf, thresholds: config.thresholds, repeatedShortTerm: absence.repeatedShortTerm });

  const filter: ScopeFilter = {};
  if (options.hr !== undefined) filter.hrSpecialist = findHrSpecialist(config, options.hr);
  if (options.verksamhet !== undefined) filter.operation = findOperation(absence.units, options.verksamhet);
  if (options.chef !== undefined) {
    const chef = options.chef.trim().toLowerCase();
    if (!dataset.employments.some((row) => row.managerEmail.toLowerCase() === chef)) {
      throw new ConfigError(`--chef: ingen enhetschef med e-post "${options.chef}" finns i anstallda.csv`, '--chef');
    }
    filter.managerEmail = chef;
  }
  const unitsOfEnhet = absence.units.filter((unit) => unit.level === 'enhet');
  const scope = followUpScope(unitsOfEnhet, checklist.cases, config.hrSpecialists, filter);
  const meetingByManager = new Map(meetings.map((meeting) => [meeting.managerEmail, meeting]));
  // Indexes by lower-cased manager e-mail, in data order: filtering the whole lists per manager was quadratic.
  const casesByManager = groupBy(checklist.cases, (rehabCase) => rehabCase.manager.toLowerCase());
  const findingsByManager = groupBy(checklist.repeatedShortTermFindings, (finding) => finding.manager.toLowerCase());
  const summaryByManager = new Map<string, ManagerCaseSummary>();
  for (const summary of checklist.managers) {
    const key = summary.manager.toLowerCase();
    if (!summaryByManager.has(key)) summaryByManager.set(key, summary);
  }
  const unitPositionsById = groupBy([...unitsOfEnhet.keys()], (position) => unitsOfEnhet[position]!.id);
  const managersInScope = new Set(scope.managers.map((manager) => manager.email));

  const folder = StagedFolder.create(options.out, period, { replace: options.ersatt === true });
  try {
    const counts = { managers: 0, workbooks: 0, managerDecks: 0, managementDecks: 0, mails: 0, meetingRequests: 0 };
    const usedFolders = new Set<string>();
    for (const manager of scope.managers) {
      // The manager's units in the order of the figures, as a filter over all units would give them.
      const managerUnits = [...new Set(manager.unitIds)]
        .flatMap((id) => unitPositionsById.get(id) ?? [])
        .sort((a, b) => a - b)
        .map((position) => unitsOfEnhet[position]!);
      const cases = casesByManager.get(manager.email) ?? [];
      const caseSummary = summaryByManager.get(manager.email) ?? null;
      const repeatedShortTerm = findingsByManager.get(manager.email) ?? [];
      const managerPerson = { name: manager.name || manager.email, email: manager.email };
      const hrPerson = manager.hrSpecialist ? { name: manager.hrSpecialist.name, email: manager.hrSpecialist.email } : null;
      const names = prepFileNames();
      const managerFolder = uniqueFolder(managerFolderName(manager, unitsOfEnhet), usedFolders);

      const workbook = renderHrWorkbook({
        period, asOf, window, previousWindow: absence.previousWindow, administration: absence.administration,
        manager: managerPerson, units: managerUnits, cases, caseSummary, repeatedShortTerm, hrSpecialist: hrPerson, thresholds: config.thresholds,
      });
      folder.write(`${managerFolder}/${names.workbook}`, await writeXlsx(workbook));
      counts.workbooks += 1;

      const deck = buildHrDeck({
        period, asOf, window, administration: absence.administration, manager: managerPerson, units: managerUnits,
        trend: absence.trend, cases, summary: caseSummary ?? emptySummary(manager), repeatedShortTerm, hrSpecialist: hrPerson,
      });
      folder.write(`${managerFolder}/${names.managerDeck}`, await renderPptx(deck));
      counts.managerDecks += 1;

      const meeting = meetingByManager.get(manager.email) ?? null;
      const sender = hrPerson ?? PLACEHOLDER_SENDER;
      const mail = renderInvitation({
        manager: managerPerson,
        sender: { name: hrPerson?.name ?? null, email: hrPerson?.email ?? null },
        period: { season: moment.season, seasonYear: moment.seasonYear },
        meeting: meeting ? { start: meeting.start, end: meeting.end, location: meeting.location } : null,
        administrationName: config.administrationName ?? absence.administration.name,
      });
      let meetingRequest: string | undefined;
      if (meeting) {
        meetingRequest = buildMeetingRequest({
          start: meeting.start, end: meeting.end, location: meeting.location, title: mail.subject, description: mail.text,
          organizer: sender, attendee: managerPerson, uid: meetingUid(['bilaga1', period, sender.email, manager.email]),
        });
        folder.write(`${managerFolder}/${names.meetingRequest}`, meetingRequest);
        counts.meetingRequests += 1;
      }
      const eml = await buildEml({ from: sender, to: managerPerson, subject: mail.subject, text: mail.text, html: mail.html, meetingRequest, meetingFileName: names.meetingRequest });
      folder.write(`${managerFolder}/${names.mail}`, eml);
      counts.mails += 1;
      counts.managers += 1;
    }

    for (const operation of scope.operations) {
      const operationFigures = absence.units.find((unit) => unit.level === 'verksamhet' && unit.id === operation);
      if (!operationFigures) continue;
      const deck = buildManagementDeck({
        period, season: moment.season, asOf, window, administrationName: absence.administration.name, operation,
        administration: absence.administration, operationFigures,
        units: unitsOfEnhet.filter((unit) => unit.operation === operation), allUnits: absence.units, trend: absence.trend,
        minGroupSize: config.thresholds.minGroupSize, slideTexts, statutory: absence.statutory,
      });
      folder.write(`Ledningsgrupp/${safeFileName(`Rehabiliteringsuppföljning till ledningsgrupp – ${operation}`)}.pptx`, await renderPptx(deck));
      counts.managementDecks += 1;
    }

    const openCases = scope.managers.reduce((sum, manager) => sum + (casesByManager.get(manager.email)?.length ?? 0), 0);
    const inScope = checklist.cases.filter((rehabCase) => managersInScope.has(rehabCase.manager.toLowerCase()));
    const summary: PrepSummary = {
      period,
      asOf,
      window,
      folder: folder.finalPath,
      configFile: config.source,
      hrSpecialistsConfigured: config.hrSpecialists.length,
      managers: counts.managers,
      operations: counts.managementDecks,
      openCases,
      casesWithGaps: inScope.filter((rehabCase) => rehabCase.gaps > 0).length,
      gaps: inScope.reduce((sum, rehabCase) => sum + rehabCase.gaps, 0),
      needsSupport: inScope.filter((rehabCase) => rehabCase.assessment === 'needs_support').length,
      managersForDeeperSupport: checklist.managers.filter((m: ManagerCaseSummary) => m.deeperSupport && managersInScope.has(m.manager.toLowerCase())).length,
      repeatedShortTermFindings: checklist.repeatedShortTermFindings.filter((f) => managersInScope.has(f.manager.toLowerCase())).length,
      warnings: readWarnings.length + absence.warnings.length,
      files: { ...counts, manifest: 1 },
      outputs: [],
    };

    const manifest: RunManifest = {
      tool: 'rehab',
      version: VERSION,
      command: 'prep',
      createdAt: new Date().toISOString(),
      asOf,
      period,
      window,
      previousWindow: absence.previousWindow,
      options: {
        config: config.source !== null,
        hr: options.hr !== undefined,
        verksamhet: filter.operation ?? false,
        chef: options.chef !== undefined,
        meetings: options.meetings !== undefined,
        templates: options.templates !== undefined,
        ersatt: options.ersatt === true,
      },
      thresholds: config.thresholds,
      inputs: Object.entries(files).map(([file, report]) => ({ file, rows: report.rows, encoding: report.encoding, delimiter: report.delimiter, sha256: report.sha256 })),
      counts: {
        employments: new Set(dataset.employments.map((row) => row.employmentId)).size,
        units: unitsOfEnhet.length,
        managers: counts.managers,
        operations: counts.managementDecks,
        openCases,
        casesWithGaps: summary.casesWithGaps,
        warnings: summary.warnings,
      },
      outputs: [...folder.written],
    };
    folder.write('manifest.json', manifestJson(manifest));
    summary.outputs = folder.written.map((file) => file.path);
    folder.commit();
    return summary;
  } catch (error) {
    folder.discard();
    throw error;
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function uniqueFolder(name: string, used: Set<string>): string {
  let candidate = name;
  for (let index = 2; used.has(candidate.toLowerCase()); index += 1) candidate = `${name} (${index})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function emptySummary(manager: ManagerScope): ManagerCaseSummary {
  return {
    manager: manager.email, managerName: manager.name, cases: 0,
    gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 }, totalGaps: 0, needsSupport: 0, deeperSupport: false,
  };
}
