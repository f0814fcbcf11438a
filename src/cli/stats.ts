// rehab stats: SPEC §3 absence figures per enhet, verksamhet, avdelning and the förvaltning (SPEC §5 JSON, table, CSV).
import type { Command } from 'commander';
import { computeAbsenceReport } from '../core/absenceFigures.js';
import { disclosureForRun } from '../core/suppression.js';
import { defaultWindow } from '../core/routineCalendar.js';
import { readDataset } from '../input/readDataset.js';
import { statsCsv, statsJson, statsTable, warningLines } from '../render/statsReport.js';
import { writeJson, writeMessage, writeResult } from '../write/output.js';
import { z } from 'zod';
import { today } from './common.js';
import { choiceFlag, choiceOption, dateFlag, monthsFlag, requiredText, resolveOptions, windowRules } from './options.js';

const LEVELS = ['enhet', 'verksamhet', 'avdelning', 'all'] as const;
const FORMATS = ['table', 'json', 'csv'] as const;

const statsFlags = z
  .object({
    data: requiredText('mappen med exportfilerna'),
    asOf: dateFlag.optional(),
    months: monthsFlag.optional(),
    from: dateFlag.optional(),
    to: dateFlag.optional(),
    level: choiceFlag(LEVELS, 'all'),
    format: choiceFlag(FORMATS, 'table'),
    config: z.string().optional(),
  })
  .superRefine(windowRules);

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('sjukfrånvaro per enhet, verksamhet, avdelning och förvaltning (kort- och långtid, jämförelse, trend)')
    .requiredOption('--data <mapp>', 'mappen med anstallda.csv och sjukfranvaro.csv')
    .option('--as-of <datum>', 'datum att räkna per (ÅÅÅÅ-MM-DD); pågående sjukfrånvaro räknas till detta datum, standard i dag')
    .option('--months <antal>', 'antal hela månader före as-of-månaden (standard 6)')
    .option('--from <datum>', 'periodens första dag (ÅÅÅÅ-MM-DD), tillsammans med --to')
    .option('--to <datum>', 'periodens sista dag (ÅÅÅÅ-MM-DD), tillsammans med --from')
    .addOption(choiceOption('--level <nivå>', 'nivå att visa (standard all)', LEVELS))
    .addOption(choiceOption('--format <format>', 'utdataformat (standard table)', FORMATS))
    .option('--config <fil>', 'konfigurationsfil, standard rehab.config.json i arbetsmappen om den finns')
    .action((flags: Record<string, unknown>) => {
      const { options, config } = resolveOptions(statsFlags, flags);
      const { format, level } = options;
      const asOf = options.asOf ?? today();
      const window = options.from !== undefined && options.to !== undefined ? { from: options.from, to: options.to } : defaultWindow(asOf, options.months ?? 6);
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
        const { disclosure } = disclosureForRun(report, config.thresholds);
        writeJson(statsJson(report, warnings, level, disclosure));
        return;
      }
      // Table and CSV stay clean on stdout; warnings go to stderr.
      for (const line of warningLines(warnings)) writeMessage(line);
      writeResult(format === 'csv' ? statsCsv(report, config.thresholds, level) : statsTable(report, config.thresholds, level));
    });
}
