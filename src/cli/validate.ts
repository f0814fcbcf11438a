// rehab validate: reads the exports, reports every problem (exit 3) or a summary of what was read.
import type { Command } from 'commander';
import { sickDataRange, sickDaysWithoutEmployment } from '../core/dataWarnings.js';
import { ConfigError } from '../errors.js';
import { loadConfig } from '../input/config.js';
import { readDataset } from '../input/readDataset.js';
import { validateReport, validateText } from '../render/validateReport.js';
import { writeJson, writeResult } from '../write/output.js';
import { parseAsOf, parseChoice } from './common.js';

interface ValidateOptions {
  data?: string;
  config?: string;
  format?: string;
  asOf?: string;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('kontrollera exportfilerna och visa vad som lästes')
    .option('--data <mapp>', 'mappen med anstallda.csv, sjukfranvaro.csv och rehabarenden.csv (måste anges)')
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .option('--format <format>', 'text (standard) eller json')
    .option('--as-of <datum>', 'datum då pågående sjukfrånvaro räknas som slut (ÅÅÅÅ-MM-DD), standard i dag')
    .action((options: ValidateOptions) => {
      if (options.data === undefined) throw new ConfigError('--data måste anges: mappen med exportfilerna', '--data');
      const format = parseChoice(options.format, ['text', 'json'] as const, 'text', '--format');
      const asOf = parseAsOf(options.asOf);
      const config = loadConfig(options.config);
      const read = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: false, maxFileMegabytes: config.maxFileMegabytes });
      // Over all data: the range is the sick data's own first and last day.
      const dateRange = sickDataRange(read.dataset.sickSegments, asOf);
      const warnings = [...read.warnings, ...(dateRange ? sickDaysWithoutEmployment(read.dataset, dateRange, asOf) : [])];
      const report = validateReport(read, asOf, dateRange, warnings);
      if (format === 'json') writeJson(report);
      else writeResult(validateText(report, options.data));
    });
}
