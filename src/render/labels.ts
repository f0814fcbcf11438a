// The one table of Swedish words for the core's codes (STYLE.md: codes in the core, words in the rendering).
import type { RoutinePhase, Season } from '../core/routineCalendar.js';

export const PHASE_LABELS: Record<RoutinePhase, string> = {
  management_team_and_follow_up: 'Genomgång i ledningsgrupp och rehabiliteringsuppföljningar',
  follow_up: 'Rehabiliteringsuppföljningar med enhetschefer',
  analysis: 'Analys och sammanställning',
  between_periods: 'Mellan perioderna',
};

export const SEASON_LABELS: Record<Season, string> = {
  spring: 'vår',
  autumn: 'höst',
};

export const MONTH_NAMES = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
] as const;

/** '2027-vår' — the name of a run folder and of the period in documents. */
export function periodName(seasonYear: number, season: Season): string {
  return `${seasonYear}-${SEASON_LABELS[season]}`;
}
