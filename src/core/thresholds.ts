// The numbers of SPEC §3–4 with their defaults; the config file may override each one.
export interface Thresholds {
  /** Last day number that counts as short-term absence (korttid). */
  shortTermMaxDay: number;
  /** A period of this many days or more counts in the statutory long-spell share. */
  longSpellDays: number;
  /** At most this many calendar days without sick leave merge two segments into one period (sjuklönelagen 7 §). */
  relapseGapDays: number;
  /** A unit deviates when its totalPct exceeds the administration's by at least this (percentage points). */
  deviationPp: number;
  /** Repeated short-term absence: this many periods starting within ... */
  repeatedShortTermPeriods: number;
  /** ... this many months ending with the window end. */
  repeatedShortTermMonths: number;
  /** Groups smaller than this are hidden in shared decks (SPEC §7). */
  minGroupSize: number;
  /** Statutory breakdown groups with this many employees or fewer are suppressed. */
  statutoryGroupMaxSuppressed: number;
  /** skyddMotInsyn: hidden groups stay hidden also from a manager who knows her own unit's figures (SPEC §7). */
  protectAgainstInsiders: boolean;
  /** Certificate needed from this day of the period (sjuklönelagen 8 §). */
  certificateFromDay: number;
  /** A certificate ending within this many days after as-of is 'expiring'. */
  certificateExpiringDays: number;
  /** A health talk older than this many months is 'outdated'. */
  healthTalkMaxAgeMonths: number;
  /** Plan for return to work needed from this day when ≥ 60 days is expected (SFB 30 kap. 6 §). */
  returnPlanDay: number;
  /** ... and from this day whatever was expected. */
  returnPlanForcedDay: number;
  /** A plan not made/revised within this many days is 'outdated'. */
  planMaxAgeDays: number;
  /** A case without documentation within this many days is 'inactive'. */
  activityMaxAgeDays: number;
  /** Offer deeper support when at least this share of a manager's cases needs support ... */
  deeperSupportShare: number;
  /** ... or at least this many cases do. */
  deeperSupportCases: number;
  /** Sick leave without a case: listed from this day of the current period when no case is open (SPEC §4). */
  sickLeaveWithoutCaseFromDay: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  shortTermMaxDay: 14,
  longSpellDays: 60,
  relapseGapDays: 5,
  deviationPp: 2.0,
  repeatedShortTermPeriods: 6,
  repeatedShortTermMonths: 12,
  minGroupSize: 5,
  statutoryGroupMaxSuppressed: 10,
  protectAgainstInsiders: true,
  certificateFromDay: 8,
  certificateExpiringDays: 14,
  healthTalkMaxAgeMonths: 12,
  returnPlanDay: 30,
  returnPlanForcedDay: 60,
  planMaxAgeDays: 90,
  activityMaxAgeDays: 30,
  deeperSupportShare: 0.5,
  deeperSupportCases: 3,
  sickLeaveWithoutCaseFromDay: 15,
};
