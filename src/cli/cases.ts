// rehab cases: the SPEC §4 checklist for every open rehab case at the as-of date, per manager.
import type { Command } from 'commander';
import { computeAbsenceReport } from '../core/absenceFigures.js';
import { evaluateCases, reportForManager } from '../core/caseChecklist.js';
import { defaultWindow } from '../core/routineCalendar.js';
import { ConfigError } from '../errors.js';
import { loadConfig } from '../input/config.js';
import { readDataset } from '../input/readDataset.js';
import { casesCsv, casesJson, casesText } from '../render/casesReport.js';
import { writeJson, writeMessage, writeResult } from '../write/output.js';
import { parseAsOf, parseChoice } from './common.js';

interface CasesOptions {
  data?: string;
  asOf?: string;
  manager?: string;
  format?: string;
  config?: string;
}

export function registerCases(program: Command): void {
  program
    .command('cases')
    .description('kontrollera öppna rehabärenden mot rutinens checklista (läkarintyg, hälsosamtal, plan, aktivitet)')
    .option('--data <mapp>', 'mappen med anstallda.csv, sjukfranvaro.csv och rehabarenden.csv (måste anges)')
    .option('--as-of <datum>', 'datum att bedöma ärendena per (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--manager <epost>', 'visa bara ärenden för chefen med denna e-postadress (även --chef)')
    .option('--format <format>', 'table (standard), json eller csv')
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .action((options: CasesOptions) => {
      if (options.data === undefined) throw new ConfigError('--data måste anges: mappen med exportfilerna', '--data');
      const format = parseChoice(options.format, ['table', 'json', 'csv'] as const, 'table', '--format');
      const asOf = parseAsOf(options.asOf);
      const config = loadConfig(options.config);
      const { dataset } = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: true, maxFileMegabytes: config.maxFileMegabytes });
      // Repeated short-term absence is a figure of the default window (SPEC §3), owned by absenceFigures.
      const absence = computeAbsenceReport(dataset, {
        asOf,
        window: defaultWindow(asOf),
        thresholds: config.thresholds,
        administrationName: config.administrationName,
      });
      let report = evaluateCases(dataset, { asOf, thresholds: config.thresholds, repeatedShortTerm: absence.repeatedShortTerm });
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
