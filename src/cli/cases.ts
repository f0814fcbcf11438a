// rehab cases: the SPEC §4 checklist for every open rehab case at the as-of date, per manager.
import type { Command } from 'commander';
import { repeatedShortTermAbsence } from '../core/repeatedShortTerm.js';
import { buildSickPeriods } from '../core/sickPeriods.js';
import { evaluateCases, reportForManager } from '../core/caseChecklist.js';
import { defaultWindow } from '../core/routineCalendar.js';
import { readDataset } from '../input/readDataset.js';
import { casesCsv, casesJson, casesText } from '../render/casesReport.js';
import { writeJson, writeMessage, writeResult } from '../write/output.js';
import { z } from 'zod';
import { today } from './common.js';
import { choiceFlag, choiceOption, dateFlag, requiredText, resolveOptions } from './options.js';

const FORMATS = ['table', 'json', 'csv'] as const;

const casesFlags = z.object({
  data: requiredText('mappen med exportfilerna'),
  asOf: dateFlag.optional(),
  manager: z.string().optional(),
  format: choiceFlag(FORMATS, 'table'),
  config: z.string().optional(),
});

export function registerCases(program: Command): void {
  program
    .command('cases')
    .description('kontrollera öppna rehabärenden mot rutinens checklista (läkarintyg, hälsosamtal, plan, aktivitet)')
    .requiredOption('--data <mapp>', 'mappen med anstallda.csv, sjukfranvaro.csv och rehabarenden.csv')
    .option('--as-of <datum>', 'datum att bedöma ärendena per (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--manager <epost>', 'visa bara ärenden för chefen med denna e-postadress (även --chef)')
    .addOption(choiceOption('--format <format>', 'utdataformat (standard table)', FORMATS))
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .action((flags: Record<string, unknown>) => {
      const { options, config } = resolveOptions(casesFlags, flags);
      const { format } = options;
      const asOf = options.asOf ?? today();
      const { dataset } = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: true, maxFileMegabytes: config.maxFileMegabytes });
      // Repeated short-term absence is counted over the default window (SPEC §3), as the figures count it.
      const sickPeriods = buildSickPeriods(dataset.sickSegments, { relapseGapDays: config.thresholds.relapseGapDays, asOf });
      const repeatedShortTerm = repeatedShortTermAbsence(sickPeriods, defaultWindow(asOf), config.thresholds);
      let report = evaluateCases(dataset, { asOf, thresholds: config.thresholds, repeatedShortTerm, sickPeriods });
      if (options.manager !== undefined) {
        const chef = options.manager.trim();
        const known = dataset.employments.some((row) => row.managerEmail.toLowerCase() === chef.toLowerCase());
        if (!known) writeMessage(`rehab: ingen chef med e-post ${chef} finns i anstallda.csv. Resultatet är tomt.`);
        report = reportForManager(report, chef);
      }
      if (format === 'json') writeJson(casesJson(report));
      else if (format === 'csv') writeResult(casesCsv(report));
      else writeResult(casesText(report));
    });
}
