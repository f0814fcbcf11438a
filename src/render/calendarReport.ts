// rehab calendar: the routine's phase for a date, as JSON or Swedish text.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import { routineMoment, type RoutinePhase } from '../core/routineCalendar.js';
import { PHASE_LABELS, SEASON_LABELS, periodName } from './labels.js';

export interface CalendarReport {
  asOf: IsoDate;
  phase: RoutinePhase;
  phaseLabel: string;
  season: string;
  period: string;
  window: DateRange;
  previousWindow: DateRange;
}

export function calendarReport(asOf: IsoDate, window: DateRange, previousWindow: DateRange): CalendarReport {
  const moment = routineMoment(asOf);
  return {
    asOf,
    phase: moment.phase,
    phaseLabel: PHASE_LABELS[moment.phase],
    season: SEASON_LABELS[moment.season],
    period: periodName(moment.seasonYear, moment.season),
    window,
    previousWindow,
  };
}

const NEXT_STEP: Record<RoutinePhase, string> = {
  management_team_and_follow_up: 'HR-specialist presenterar "Rehabiliteringsuppföljning till ledningsgrupp" och bokar uppföljningar (rehab prep).',
  follow_up: 'Rehabiliteringsuppföljningar med enhetschefer pågår (rehab prep).',
  analysis: 'Processledare rehabilitering sammanställer analysen (rehab aggregate).',
  between_periods: 'Ingen uppföljning pågår. Nästa period förbereds med rehab prep.',
};

export function calendarText(report: CalendarReport): string {
  return [
    `Datum:            ${report.asOf}`,
    `Fas:              ${report.phaseLabel}`,
    `Termin:           ${report.season} (${report.period})`,
    `Dataperiod:       ${report.window.from} – ${report.window.to}`,
    `Föregående period: ${report.previousWindow.from} – ${report.previousWindow.to}`,
    '',
    NEXT_STEP[report.phase],
  ].join('\n');
}
