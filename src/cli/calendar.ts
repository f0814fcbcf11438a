// rehab calendar: the round a date prepares, and the data window prep and aggregate use for it.
import type { Command } from 'commander';
import { previousWindow, routineRound } from '../core/routineCalendar.js';
import { calendarReport, calendarText } from '../render/calendarReport.js';
import { writeJson, writeResult } from '../write/output.js';
import { z } from 'zod';
import { today } from './common.js';
import { choiceFlag, choiceOption, dateFlag, monthsFlag, resolveFlags } from './options.js';

const FORMATS = ['text', 'json'] as const;

const calendarFlags = z.object({
  asOf: dateFlag.optional(),
  months: monthsFlag.optional(),
  format: choiceFlag(FORMATS, 'text'),
});

export function registerCalendar(program: Command): void {
  program
    .command('calendar')
    .description('visa rutinens fas, omgången som datumet förbereder och dess dataperiod')
    .option('--as-of <datum>', 'datum att utgå från (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--months <antal>', 'antal hela månader i dataperioden (standard 6)')
    .addOption(choiceOption('--format <format>', 'utdataformat (standard text)', FORMATS))
    .action((flags: Record<string, unknown>) => {
      const { asOf = today(), months = 6, format } = resolveFlags(calendarFlags, flags);
      const round = routineRound(asOf, months);
      const report = calendarReport(asOf, round, previousWindow(round.window));
      if (format === 'json') writeJson(report);
      else writeResult(calendarText(report));
    });
}
