// rehab aggregate: the process leader's analysis in May and November (seed 000, "Efterarbete", Bilaga 2):
// the deck "Analys av rehabiliteringsarbetet i förvaltningen", its workbook and the invitations to the HR specialists.
// options → read (data, HR workbooks, earlier round, meetings) → planAggregate → write (staged, atomic).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ManagerReflection } from '../core/rehabAnalysis.js';
import { defaultWindow, routineMoment } from '../core/routineCalendar.js';
import { readHrWorkbooks, type ReadHrWorkbook } from '../input/hrWorkbookReader.js';
import { readMailTemplates } from '../input/mailTemplates.js';
import { readMeetings } from '../input/meetings.js';
import { readPreviousRound } from '../input/previousRound.js';
import { readDataset } from '../input/readDataset.js';
import { planAggregate, type AggregateSummary } from '../plan/aggregatePlan.js';
import { aggregateSummaryJson, aggregateSummaryText } from '../render/aggregateSummary.js';
import { periodName } from '../render/labels.js';
import { applyPlan } from '../write/applyPlan.js';
import { terminalProgress, type ProgressBar } from '../write/progress.js';
import { writeJson, writeMessage } from '../write/output.js';
import { z } from 'zod';
import { today } from './common.js';
import { dateFlag, requiredText, resolveOptions } from './options.js';
import { VERSION } from './version.js';

const aggregateFlags = z.object({
  data: requiredText('mappen med exportfilerna'),
  workbooks: requiredText('mappen med HR:s ifyllda arbetsböcker'),
  out: requiredText('mappen där analysen skrivs'),
  asOf: dateFlag.optional(),
  config: z.string().optional(),
  previous: z.string().optional(),
  meetings: z.string().optional(),
  templates: z.string().optional(),
  json: z.boolean().optional(),
  replace: z.boolean().optional(),
});

export function registerAggregate(program: Command): void {
  program
    .command('aggregate')
    .description('Processledarens analys i maj och november: bildspel och arbetsbok "Analys av rehabiliteringsarbetet i förvaltningen", inbjudningar till HR (Bilaga 2)')
    .requiredOption('--data <mapp>', 'mappen med anstallda.csv, sjukfranvaro.csv och rehabarenden.csv')
    .requiredOption('--workbooks <mapp>', 'mappen med HR:s ifyllda arbetsböcker, t.ex. periodmappen från rehab prep')
    .requiredOption('--out <mapp>', 'mappen där analysens mapp (t.ex. "2027-vår analys") skapas')
    .option('--as-of <datum>', 'datum att utgå från (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .option('--previous <mapp>', 'mappen från föregående omgång (prep eller aggregate) att jämföra rutinens mål med (även --foregaende)')
    .option('--meetings <fil>', 'CSV med mötestider (hr_epost;start;slut;plats) som ger mötesbokningar (.ics)')
    .option('--templates <mapp>', 'mapp med egna mallar (mail/) som ersätter de medföljande')
    .option('--replace', 'ersätt en befintlig mapp för analysen (även --ersatt)')
    .option('--json', 'skriv sammanfattningen som JSON på standard ut')
    .action(async (flags: Record<string, unknown>, command: Command) => {
      const progress = terminalProgress(command.optsWithGlobals<{ quiet?: boolean }>().quiet === true);
      let summary: Awaited<ReturnType<typeof runAggregate>>;
      try {
        summary = await runAggregate(flags, progress);
      } finally {
        progress.finish();
      }
      if (flags['json'] === true) writeJson(aggregateSummaryJson(summary));
      else writeMessage(aggregateSummaryText(summary));
    });
}

/** What HR wrote, without names: the core needs the manager's e-mail to match, and counts of case notes. */
function toReflection({ reflections }: ReadHrWorkbook): ManagerReflection {
  return {
    managerEmail: reflections.managerEmail,
    overall: reflections.overall,
    risks: reflections.risks,
    needs: reflections.needs,
    deeperSupportBooked: reflections.deeperSupportBooked,
    caseAssessments: reflections.cases.map((entry) => ({ caseId: entry.caseId, assessment: entry.assessmentAfterMeeting })),
    casesWithNotes: reflections.caseNotes.filter((note) => note.note !== '').length,
    casesWithProposals: reflections.caseNotes.filter((note) => note.proposal !== '').length,
  };
}

export async function runAggregate(flags: Record<string, unknown>, progress?: ProgressBar): Promise<AggregateSummary & { folder: string; outputs: string[] }> {
  const { options, config } = resolveOptions(aggregateFlags, flags);
  const asOf = options.asOf ?? today();
  const moment = routineMoment(asOf);
  const period = periodName(moment.seasonYear, moment.season);
  const window = defaultWindow(asOf);

  // Read every input first: a mistake anywhere stops the run before a single file is written.
  progress?.phase('Läser exporterna');
  const { compileAnalysisMail } = await import('../render/mailCompiler.js');
  const renderMail = compileAnalysisMail(readMailTemplates(options.templates).bilaga2);
  const meetings = options.meetings ? readMeetings(resolve(options.meetings), 'hr_epost') : [];
  const { dataset, files, warnings } = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: true, maxFileMegabytes: config.maxFileMegabytes });
  progress?.phase('Läser HR:s arbetsböcker');
  const workbooks = await readHrWorkbooks(resolve(options.workbooks), period);
  const previousRound = options.previous ? readPreviousRound(resolve(options.previous)) : null;

  progress?.phase('Sammanställer analysen');
  const plan = planAggregate({
    asOf, window, dataset, thresholds: config.thresholds, administrationName: config.administrationName, processLeader: config.processLeader,
    hrSpecialists: config.hrSpecialists, reflections: workbooks.map(toReflection), previousRound,
    meetings: meetings.map((meeting) => ({ email: meeting.managerEmail, start: meeting.start, end: meeting.end, location: meeting.location })),
    renderMail, files, readWarnings: warnings,
    run: {
      createdAt: new Date().toISOString(),
      version: VERSION,
      options: {
        config: config.source !== null, foregaende: options.previous !== undefined, meetings: options.meetings !== undefined,
        templates: options.templates !== undefined, ersatt: options.replace === true,
      },
    },
  });
  progress?.phase('Skriver dokument', plan.documents.length);
  const applied = await applyPlan(plan, options.out, { replace: options.replace === true, onDocument: () => progress?.tick() });
  return { ...plan.summary, folder: applied.folder, outputs: applied.outputs.map((file) => file.key) };
}
