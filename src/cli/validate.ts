// rehab validate: reads the exports, reports every problem (exit 3) or a summary of what was read.
import type { Command } from 'commander';
import { sickDataRange, sickDaysWithoutEmployment } from '../core/dataWarnings.js';
import { readDataset } from '../input/readDataset.js';
import { validateReport, validateText } from '../render/validateReport.js';
import { writeJson, writeResult } from '../write/output.js';
import { z } from 'zod';
import { today } from './common.js';
import { choiceFlag, choiceOption, dateFlag, requiredText, resolveOptions } from './options.js';

const FORMATS = ['text', 'json'] as const;

const validateFlags = z.object({
  data: requiredText('mappen med exportfilerna'),
  config: z.string().optional(),
  format: choiceFlag(FORMATS, 'text'),
  asOf: dateFlag.optional(),
});

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('kontrollera exportfilerna och visa vad som lästes')
    .requiredOption('--data <mapp>', 'mappen med anstallda.csv, sjukfranvaro.csv och rehabarenden.csv')
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .addOption(choiceOption('--format <format>', 'utdataformat (standard text)', FORMATS))
    .option('--as-of <datum>', 'datum då pågående sjukfrånvaro räknas som slut (ÅÅÅÅ-MM-DD), standard i dag')
    .action((flags: Record<string, unknown>) => {
      const { options, config } = resolveOptions(validateFlags, flags);
      const { format } = options;
      const asOf = options.asOf ?? today();
      const read = readDataset(options.data, { headerAliases: config.headerAliases, requireCases: false, maxFileMegabytes: config.maxFileMegabytes });
      // Over all data: the range is the sick data's own first and last day.
      const dateRange = sickDataRange(read.dataset.sickSegments, asOf);
      const warnings = [...read.warnings, ...(dateRange ? sickDaysWithoutEmployment(read.dataset, dateRange, asOf) : [])];
      const report = validateReport(read, asOf, dateRange, warnings);
      if (format === 'json') writeJson(report);
      else writeResult(validateText(report, options.data));
    });
}
