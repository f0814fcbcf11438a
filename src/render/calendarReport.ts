// rehab calendar: the routine's phase for a date and the round it prepares, as JSON or Swedish text.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import { routineMoment, type RoutinePhase, type RoutineRound } from '../core/routineCalendar.js';
import { PHASE_LABELS, SEASON_LABELS, periodName } from './labels.js';

export interface CalendarReport {
  asOf: IsoDate;
  phase: RoutinePhase;
  phaseLabel: string;
  season: string;
  period: string;
  /** The data window of the round: what prep uses on the as-of date, or on the round's first day when that is later. */
  window: DateRange;
  previousWindow: DateRange;
  round: {
    start: IsoDate;
    followUp: DateRange;
    analysis: DateRange;
    /** The date the window is counted from (the as-of date, or the round's start). */
    windowAsOf: IsoDate;
  };
}

export function calendarReport(asOf: IsoDate, round: RoutineRound, previousWindow: DateRange): CalendarReport {
  const moment = routineMoment(asOf);
  return {
    asOf,
    phase: moment.phase,
    phaseLabel: PHASE_LABELS[moment.phase],
    season: SEASON_LABELS[round.season],
    period: periodName(round.seasonYear, round.season),
    window: round.window,
    previousWindow,
    round: { start: round.start, followUp: round.followUp, analysis: round.analysis, windowAsOf: round.windowAsOf },
  };
}

const NEXT_STEP: Record<RoutinePhase, string> = {
  management_team_and_follow_up: 'HR-specialist presenterar "Rehabiliteringsuppföljning till ledningsgrupp" och bokar uppföljningar (rehab prep).',
  follow_up: 'Rehabiliteringsuppföljningar med enhetschefer pågår (rehab prep).',
  analysis: 'Processledare rehabilitering sammanställer analysen (rehab aggregate).',
  between_periods: 'Ingen uppföljning pågår.',
};

export function calendarText(report: CalendarReport): string {
  const waiting = report.round.windowAsOf !== report.asOf;
  const nextStep = waiting
    ? `Ingen uppföljning pågår. Omgången ${report.period} förbereds med rehab prep från ${report.round.start}; då är dataperioden den ovan.`
    : NEXT_STEP[report.phase];
  return [
    `Datum:             ${report.asOf}`,
    `Fas:               ${report.phaseLabel}`,
    `Omgång:            ${report.period} (ledningsgrupp och uppföljningar ${report.round.followUp.from} – ${report.round.followUp.to}, analys ${report.round.analysis.from} – ${report.round.analysis.to})`,
    `Dataperiod:        ${report.window.from} – ${report.window.to}${waiting ? ` (räknat från ${report.round.windowAsOf})` : ''}`,
    `Föregående period: ${report.previousWindow.from} – ${report.previousWindow.to}`,
    '',
    nextStep,
  ].join('\n');
}
