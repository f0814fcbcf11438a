// rehab calendar: the round a date prepares, and the data window prep and aggregate use for it.
import type { Command } from 'commander';
import { previousWindow, routineRound } from '../core/routineCalendar.js';
import { calendarReport, calendarText } from '../render/calendarReport.js';
import { writeJson, writeResult } from '../write/output.js';
import { parseAsOf, parseChoice, parseMonthsOption } from './common.js';

export function registerCalendar(program: Command): void {
  program
    .command('calendar')
    .description('visa rutinens fas, omgången som datumet förbereder och dess dataperiod')
    .option('--as-of <datum>', 'datum att utgå från (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--months <antal>', 'antal hela månader i dataperioden (standard 6)')
    .option('--format <format>', 'text (standard) eller json')
    .action((options: { asOf?: string; months?: string; format?: string }) => {
      const asOf = parseAsOf(options.asOf);
      const format = parseChoice(options.format, ['text', 'json'] as const, 'text', '--format');
      const months = options.months === undefined ? 6 : parseMonthsOption(options.months);
      const round = routineRound(asOf, months);
      const report = calendarReport(asOf, round, previousWindow(round.window));
      if (format === 'json') writeJson(report);
      else writeResult(calendarText(report));
    });
}
