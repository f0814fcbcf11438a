// rehab stats: SPEC §3 absence figures per enhet, verksamhet, avdelning and the förvaltning (SPEC §5 JSON, table, CSV).
import type { Command } from 'commander';
import { computeAbsenceReport } from '../core/absenceFigures.js';
import { disclosureForRun } from '../core/suppression.js';
import { ConfigError } from '../errors.js';
import { loadConfig } from '../input/config.js';
import { readDataset } from '../input/readDataset.js';
import { statsCsv, statsJson, statsTable, warningLines } from '../render/statsReport.js';
import { writeJson, writeMessage, writeResult } from '../write/output.js';
import { parseAsOf, parseChoice, resolveWindow } from './common.js';

interface StatsOptions {
  data?: string;
  asOf?: string;
  months?: string;
  from?: string;
  to?: string;
  level?: string;
  format?: string;
  config?: string;
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('sjukfrånvaro per enhet, verksamhet, avdelning och förvaltning (kort- och långtid, jämförelse, trend)')
    .option('--data <mapp>', 'mappen med anstallda.csv och sjukfranvaro.csv (måste anges)')
    .option('--as-of <datum>', 'datum att räkna per (ÅÅÅÅ-MM-DD); pågående sjukfrånvaro räknas till detta datum, standard i dag')
    .option('--months <antal>', 'antal hela månader före as-of-månaden (standard 6)')
    .option('--from <datum>', 'periodens första dag (ÅÅÅÅ-MM-DD), tillsammans med --to')
    .option('--to <datum>', 'periodens sista dag (ÅÅÅÅ-MM-DD), tillsammans med --from')
    .option('--level <nivå>', 'enhet, verksamhet, avdelning eller all (standard all)')
    .option('--format <format>', 'table (standard), json eller csv')
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .action((options: StatsOptions) => {
      if (options.data === undefined) throw new ConfigError('--data måste anges: mappen med exportfilerna', '--data');
      const format = parseChoice(options.format, ['table', 'json', 'csv'] as const, 'table', '--format');
      const level = parseChoice(options.level, ['enhet', 'verksamhet', 'avdelning', 'all'] as const, 'all', '--level');
      const asOf = parseAsOf(options.asOf);
      const window = resolveWindow(asOf, options);
      const config = loadConfig(options.config);
      const read = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: false, maxFileMegabytes: config.maxFileMegabytes });
      const report = computeAbsenceReport(read.dataset, {
        asOf,
        window,
        thresholds: config.thresholds,
        administrationName: config.administrationName,
      });
      const warnings = [...read.warnings, ...report.warnings];
      if (format === 'json') {
        // The decision every shared deck of a run would make, so a user sees what the decks hide and why (SPEC §7).
        const { disclosure } = disclosureForRun(read.dataset, report, { asOf, window, thresholds: config.thresholds, administrationName: config.administrationName });
        writeJson(statsJson(report, warnings, level, disclosure));
        return;
      }
      // Table and CSV stay clean on stdout; warnings go to stderr.
      for (const line of warningLines(warnings)) writeMessage(line);
      writeResult(format === 'csv' ? statsCsv(report, config.thresholds, level) : statsTable(report, config.thresholds, level));
    });
}
