// rehab prep: the HR specialist's material for a follow-up round (seed 000 "Förberedelse", Bilaga 1).
// options → read (everything, before anything is written) → plan (pure, src/plan/prepPlan.ts) → apply → report.
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultWindow } from '../core/routineCalendar.js';
import { ConfigError } from '../errors.js';
import type { RehabConfig } from '../input/config.js';
import { readMailTemplates } from '../input/mailTemplates.js';
import { readMeetings } from '../input/meetings.js';
import { readDataset } from '../input/readDataset.js';
import { readSlideTexts } from '../input/slideTexts.js';
import { prepSummaryJson, prepSummaryText } from '../render/prepSummary.js';
import { planPrep, type PrepFinding } from '../plan/prepPlan.js';
import { applyPlan } from '../write/applyPlan.js';
import { writeJson, writeMessage } from '../write/output.js';
import { terminalProgress, type ProgressBar } from '../write/progress.js';
import { z } from 'zod';
import { today } from './common.js';
import { dateFlag, requiredText, resolveOptions } from './options.js';
import { VERSION } from './version.js';

const prepFlags = z.object({
  data: requiredText('mappen med exportfilerna'),
  out: requiredText('mappen där underlaget skrivs'),
  asOf: dateFlag.optional(),
  config: z.string().optional(),
  hr: z.string().optional(),
  operation: z.string().optional(),
  manager: z.string().optional(),
  meetings: z.string().optional(),
  templates: z.string().optional(),
  json: z.boolean().optional(),
  replace: z.boolean().optional(),
});

type PrepOptions = z.output<typeof prepFlags>;

export function registerPrep(program: Command): void {
  program
    .command('prep')
    .description('HR:s underlag inför rehabiliteringsuppföljningen: arbetsbok och bildspel per chef, bildspel till ledningsgrupp, inbjudningar')
    .requiredOption('--data <mapp>', 'mappen med anstallda.csv, sjukfranvaro.csv och rehabarenden.csv')
    .requiredOption('--out <mapp>', 'mappen där periodens mapp (t.ex. 2027-vår) skapas')
    .option('--as-of <datum>', 'datum att utgå från (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .option('--hr <namn|epost>', 'bara chefer i de verksamheter som HR-specialisten har')
    .option('--operation <namn>', 'bara denna verksamhet (även --verksamhet)')
    .option('--manager <epost>', 'bara chefen med denna e-postadress (även --chef)')
    .option('--meetings <fil>', 'CSV med mötestider (chef_epost;start;slut;plats) som ger mötesbokningar (.ics)')
    .option('--templates <mapp>', 'mapp med egna mallar (mail/, ledningsgrupp/) som ersätter de medföljande')
    .option('--replace', 'ersätt en befintlig mapp för perioden; ifyllda filer i den försvinner (även --ersatt)')
    .option('--json', 'skriv sammanfattningen som JSON på standard ut')
    .action(async (flags: Record<string, unknown>, command: Command) => {
      const progress = terminalProgress(command.optsWithGlobals<{ quiet?: boolean }>().quiet === true);
      try {
        await runPrep(flags, progress);
      } finally {
        progress.finish();
      }
    });
}

export async function runPrep(flags: Record<string, unknown>, progress?: ProgressBar): Promise<void> {
  const { options, config }: { options: PrepOptions; config: RehabConfig } = resolveOptions(prepFlags, flags);
  const asOf = options.asOf ?? today();

  // Read every input first: a mistake anywhere stops the run before a single file is written.
  progress?.phase('Läser exporterna');
  const meetings = options.meetings ? readMeetings(resolve(options.meetings)) : [];
  // Handlebars is loaded by the commands that write mail only.
  const { compileFollowUpMail } = await import('../render/mailCompiler.js');
  const renderInvitation = compileFollowUpMail(readMailTemplates(options.templates).bilaga1);
  const slideTexts = readSlideTexts(options.templates);
  const { dataset, files, warnings } = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: true, maxFileMegabytes: config.maxFileMegabytes });

  progress?.phase('Räknar frånvaro och går igenom ärendena');
  const result = planPrep({
    dataset, files, readWarnings: warnings, config, asOf, window: defaultWindow(asOf),
    filters: { hr: options.hr, verksamhet: options.operation, chef: options.manager },
    meetings, renderInvitation, slideTexts,
    run: {
      createdAt: new Date().toISOString(), version: VERSION,
      meetings: options.meetings !== undefined, templates: options.templates !== undefined, ersatt: options.replace === true,
      ...(options.meetings ? { meetingsFile: basename(options.meetings) } : {}),
    },
  });
  if (!result.ok) throw new ConfigError(result.findings.map(findingMessage).join('\n'), result.findings[0]!.option);

  progress?.phase('Skriver dokument', result.plan.documents.length);
  const applied = await applyPlan(result.plan, options.out, { replace: options.replace === true, onDocument: () => progress?.tick() });
  progress?.finish();
  if (options.json) writeJson(prepSummaryJson(result.plan.summary, applied.folder));
  else writeMessage(prepSummaryText(result.plan.summary, applied.folder));
}

function findingMessage(finding: PrepFinding): string {
  switch (finding.code) {
    case 'unknown_hr_specialist':
      return `--hr: ingen HR-specialist med namn eller e-post "${finding.value}" ${finding.configFile ? `i ${finding.configFile}` : '(ingen konfigurationsfil finns)'}`;
    case 'unknown_operation':
      return `--operation: ingen verksamhet heter "${finding.value}". Finns: ${finding.known.join(', ')}`;
    case 'unknown_manager':
      return `--manager: ingen enhetschef med e-post "${finding.value}" finns i anstallda.csv`;
  }
}
