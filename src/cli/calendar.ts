import type { Command } from 'commander';
import { previousWindow } from '../core/routineCalendar.js';
import { calendarReport, calendarText } from '../render/calendarReport.js';
import { writeJson, writeResult } from '../write/output.js';
import { parseAsOf, parseChoice, resolveWindow } from './common.js';

export function registerCalendar(program: Command): void {
  program
    .command('calendar')
    .description('visa rutinens fas, termin och dataperiod för ett datum')
    .option('--as-of <datum>', 'datum att utgå från (ÅÅÅÅ-MM-DD), standard i dag')
    .option('--months <antal>', 'antal hela månader i dataperioden (standard 6)')
    .option('--format <format>', 'text (standard) eller json')
    .action((options: { asOf?: string; months?: string; format?: string }) => {
      const asOf = parseAsOf(options.asOf);
      const format = parseChoice(options.format, ['text', 'json'] as const, 'text', '--format');
      const window = resolveWindow(asOf, options);
      const report = calendarReport(asOf, window, previousWindow(window));
      if (format === 'json') writeJson(report);
      else writeResult(calendarText(report));
    });
}
