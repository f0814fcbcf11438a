// Absence figures (SPEC §3): exposure and sick full-time-equivalent days per unit, short/long split, roll-ups, trend.
import type { DateRange, IsoDate } from './calendarDate.js';
import type { Thresholds } from './thresholds.js';
import type { DataWarning, Dataset } from './types.js';

export type UnitLevel = 'enhet' | 'verksamhet' | 'avdelning';

export interface AbsenceRates {
  /** Distinct anstallnings_id with at least one employment day in the group in the window. */
  employees: number;
  exposureDays: number;
  shortSickDays: number;
  longSickDays: number;
  /** Sick days (FTE) in periods of ≥ longSpellDays sick days, counted up to the window end. */
  longSpellSickDays: number;
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
  longSpellSharePct: number;
  previousTotalPct: number | null;
}

export interface UnitFigures extends AbsenceRates {
  level: UnitLevel;
  /** enhet_id for an enhet; the name for a verksamhet or avdelning. */
  id: string;
  name: string;
  /** Name of the parent: verksamhet of an enhet, avdelning of a verksamhet, förvaltning of an avdelning. */
  parent: string;
  /** The avdelning and verksamhet this group belongs to (an avdelning's operation is ''). */
  department: string;
  operation: string;
  /** Manager of an enhet (from its latest employment row); null for higher levels. */
  managerName: string | null;
  managerEmail: string | null;
  diffPp: number | null;
  deviates: boolean;
  /** Fewer employees than the minimum group size (primary suppression; decks add secondary suppression). */
  suppressed: boolean;
}

export interface AdministrationFigures extends AbsenceRates {
  name: string;
}

export interface MonthlyRate {
  /** First day of the month. */
  month: IsoDate;
  shortPct: number | null;
  longPct: number | null;
  totalPct: number | null;
}

export type StatutoryGroup = 'women' | 'men' | 'age_29_or_less' | 'age_30_to_49' | 'age_50_or_more';

export interface StatutoryFigure {
  group: StatutoryGroup;
  employees: number;
  exposureDays: number;
  totalPct: number | null;
  /** The group has statutoryGroupMaxSuppressed (10) or fewer employees: its rate is not shown. */
  suppressed: boolean;
}

export interface RepeatedShortTermAbsence {
  employmentId: string;
  /** Starts of the sick periods that began in the 12 months ending with the window end. */
  periodStarts: IsoDate[];
}

export interface AbsenceReport {
  asOf: IsoDate;
  window: DateRange;
  previousWindow: DateRange;
  administration: AdministrationFigures;
  /** Every enhet, verksamhet and avdelning with an employment day in the window. */
  units: UnitFigures[];
  trend: {
    /** First days of the 12 months that end with the window. */
    months: IsoDate[];
    administration: MonthlyRate[];
    /** Keyed by `${level}:${id}`. */
    units: Record<string, MonthlyRate[]>;
  };
  statutory: StatutoryFigure[];
  repeatedShortTerm: RepeatedShortTermAbsence[];
  warnings: DataWarning[];
}

export interface AbsenceParams {
  asOf: IsoDate;
  window: DateRange;
  thresholds: Thresholds;
  /** Name from the config; else the förvaltning of the latest employment row. */
  administrationName?: string | null;
}

export function computeAbsenceReport(_dataset: Pick<Dataset, 'employments' | 'sickSegments'>, _params: AbsenceParams): AbsenceReport {
  throw new Error('not implemented');
}
