// The one table of Swedish words for the core's codes (STYLE.md: codes in the core, words in the rendering).
import type { RoutinePhase, Season } from '../core/routineCalendar.js';
import type {
  ActivityReasonCode,
  ActivityStatus,
  Assessment,
  CertificateReasonCode,
  CertificateStatus,
  CheckName,
  CheckReason,
  HealthTalkReasonCode,
  HealthTalkStatus,
  RepeatedShortTermFindingCode,
  ReturnPlanReasonCode,
  ReturnPlanStatus,
} from '../core/caseChecklist.js';
import type { StatutoryGroup, UnitLevel } from '../core/absenceFigures.js';
import type { FunnelSignal } from '../core/funnelLimits.js';
import type { CaseType, DataWarningCode } from '../core/types.js';
import type { Thresholds } from '../core/thresholds.js';
import type { Delimiter, DetectedEncoding } from '../input/csvFile.js';
import type { MeetingFinding } from './invitationMail.js';

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

/** 'våren'/'hösten' — as in "rehabiliteringsuppföljning våren 2027". */
export const SEASON_DEFINITE_LABELS: Record<Season, string> = {
  spring: 'våren',
  autumn: 'hösten',
};

/** Index 0 = Sunday, as Date.getUTCDay(). */
export const WEEKDAY_NAMES = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'] as const;

/** 'våren 2027' for the run name '2027-vår': how a document says the period in words (a folder name is no prose). */
export function periodInWords(period: string): string {
  const season = (Object.keys(SEASON_LABELS) as Season[]).find((key) => period.endsWith(`-${SEASON_LABELS[key]}`));
  return season === undefined ? period : `${SEASON_DEFINITE_LABELS[season]} ${period.slice(0, period.length - SEASON_LABELS[season].length - 1)}`;
}

/** '2027-vår' — the name of a run folder. */
export function periodName(seasonYear: number, season: Season): string {
  return `${seasonYear}-${SEASON_LABELS[season]}`;
}


export const CHECK_LABELS: Record<CheckName, string> = {
  certificate: 'Giltigt läkarintyg',
  healthTalk: 'Genomfört hälsosamtal',
  returnPlan: 'Plan för återgång i arbete',
  activity: 'Löpande dokumentation och aktivitet',
};

export const CERTIFICATE_LABELS: Record<CertificateStatus, string> = {
  ok: 'Ja',
  missing: 'Saknas',
  expired: 'Har gått ut',
  expiring: 'Går snart ut',
  not_applicable: 'Ej aktuellt',
};

export const HEALTH_TALK_LABELS: Record<HealthTalkStatus, string> = {
  ok: 'Ja',
  missing: 'Saknas',
  outdated: 'Äldre än 12 månader',
};

export const RETURN_PLAN_LABELS: Record<ReturnPlanStatus, string> = {
  ok: 'Aktuell',
  missing: 'Saknas',
  outdated: 'Inaktuell',
  not_applicable: 'Ej aktuellt',
};

export const ACTIVITY_LABELS: Record<ActivityStatus, string> = {
  ok: 'Ja',
  inactive: 'Ingen aktuell dokumentation',
  no_next_activity: 'Ingen planerad aktivitet',
};

/** Why a check is not ok (SPEC §4), as HR says it; `{datum}` is replaced by the reason's date. */
export const CERTIFICATE_REASON_LABELS: Record<CertificateReasonCode, string> = {
  missing: 'läkarintyg saknas',
  expired: 'läkarintyget gick ut {datum}',
  expiring: 'läkarintyget går ut {datum}',
};

export const HEALTH_TALK_REASON_LABELS: Record<HealthTalkReasonCode, string> = {
  missing: 'inget hälsosamtal registrerat',
  outdated: 'senaste hälsosamtalet {datum}',
};

export const RETURN_PLAN_REASON_LABELS: Record<ReturnPlanReasonCode, string> = {
  missing: 'ingen plan upprättad',
  follow_up_overdue: 'uppföljningen {datum} har passerat',
  stale: 'planen upprättades eller reviderades senast {datum}',
};

export const ACTIVITY_REASON_LABELS: Record<ActivityReasonCode, string> & { no_next_activity_without_date: string } = {
  no_documentation: 'ingen dokumentation i ärendet',
  documentation_stale: 'senaste dokumentationen {datum}',
  no_next_activity: 'nästa aktivitet {datum} har passerat',
  no_next_activity_without_date: 'ingen nästa aktivitet planerad',
};

/** The Swedish sentence for one check's reason, e.g. "uppföljningen 2027-01-29 har passerat". */
export function reasonText(check: CheckName, reason: CheckReason<string>): string {
  let template: string;
  if (check === 'certificate') template = CERTIFICATE_REASON_LABELS[reason.code as CertificateReasonCode];
  else if (check === 'healthTalk') template = HEALTH_TALK_REASON_LABELS[reason.code as HealthTalkReasonCode];
  else if (check === 'returnPlan') template = RETURN_PLAN_REASON_LABELS[reason.code as ReturnPlanReasonCode];
  else if (reason.code === 'no_next_activity' && reason.date === null) template = ACTIVITY_REASON_LABELS.no_next_activity_without_date;
  else template = ACTIVITY_REASON_LABELS[reason.code as ActivityReasonCode];
  return template.replace('{datum}', reason.date ?? '');
}

export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  systematic: 'Bedrivs systematiskt',
  partial: 'Delvis systematiskt',
  needs_support: 'Behöver stöd',
};

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  langtid: 'Långtidsfrånvaro',
  upprepad_korttid: 'Upprepad korttidsfrånvaro',
  annat: 'Annat',
};

export const REPEATED_SHORT_TERM_LABELS: Record<RepeatedShortTermFindingCode, string> = {
  no_open_case: 'Inget öppet rehabärende',
  no_health_talk_after_threshold_period: 'Inget hälsosamtal efter den sjätte sjukperioden',
};

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  enhet: 'Enhet',
  verksamhet: 'Verksamhet',
  avdelning: 'Avdelning',
};

/** Short words for a funnel signal (SPEC §3 "Fair comparison"), for narrow table cells (stats table and CSV). */
export const FUNNEL_SIGNAL_SHORT_LABELS: Record<FunnelSignal, string> = {
  high: 'Hög',
  low: 'Låg',
  watch_high: 'Bevaka, hög',
  watch_low: 'Bevaka, låg',
};

/** What a funnel signal means, for a sentence or a note beside the figure. */
export const FUNNEL_SIGNAL_DESCRIPTIONS: Record<FunnelSignal, string> = {
  high: 'högre än förvaltningen, mer än slumpen förklarar (över 99,8 %-gränsen)',
  low: 'lägre än förvaltningen, mer än slumpen förklarar (under 99,8 %-gränsen)',
  watch_high: 'något högre än slumpen brukar ge (över 95 %-gränsen): bevaka',
  watch_low: 'något lägre än slumpen brukar ge (under 95 %-gränsen)',
};

export const STATUTORY_GROUP_LABELS: Record<StatutoryGroup, string> = {
  women: 'Kvinnor',
  men: 'Män',
  age_29_or_less: '29 år och yngre',
  age_30_to_49: '30–49 år',
  age_50_or_more: '50 år och äldre',
};

export const WARNING_LABELS: Record<DataWarningCode, string> = {
  sick_day_without_employment: 'sjukdagar utan giltig anställning (räknas inte)',
  unusual_extent: 'ovanlig omfattning (annat än 25, 50, 75 eller 100 %)',
  invalid_personnummer: 'personnumret har fel form eller kontrollsiffra (värdet visas inte och används inte)',
  mixed_encoding: 'raden har en annan teckenkodning än resten av filen och har lästs i sin egen; kontrollera å, ä och ö på raden',
};

// The Reflektioner sheet's drop-down values are part of a format that `aggregate` reads back (src/input), so
// they are defined with that format and named here with the other words.
export { HR_MEETING_ASSESSMENT_LABELS, YES_NO_LABELS } from '../input/reflectionsSheet.js';

export const ENCODING_LABELS: Record<DetectedEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 med BOM',
  'windows-1252': 'Windows-1252',
};

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ';': 'semikolon',
  ',': 'komma',
  '\t': 'tabb',
};

/** The funnel plot's verdict on a unit (SPEC §3), as the analysis deck says it. */
export const FUNNEL_SIGNAL_LABELS: Record<'high' | 'low' | 'watch_high' | 'watch_low', string> = {
  high: 'Över 99,8 %-gränsen',
  low: 'Under 99,8 %-gränsen',
  watch_high: 'Över 95 %-gränsen',
  watch_low: 'Under 95 %-gränsen',
};

// --- Counts, and the words of one thing said the same way everywhere (issue 12). ---

/** Swedish nouns by count: '1 ärende', '2 ärenden', '0 ärenden'. */
export const NOUNS = {
  case: ['ärende', 'ärenden'],
  manager: ['chef', 'chefer'],
  employment: ['anställning', 'anställningar'],
  gap: ['brist', 'brister'],
  workbook: ['arbetsbok', 'arbetsböcker'],
  deck: ['bildspel', 'bildspel'],
  invitation: ['inbjudan', 'inbjudningar'],
  meetingRequest: ['mötesbokning', 'mötesbokningar'],
  unit: ['enhet', 'enheter'],
  day: ['dag', 'dagar'],
  sickPeriod: ['sjukperiod', 'sjukperioder'],
  warning: ['varning', 'varningar'],
  row: ['rad', 'rader'],
} as const satisfies Record<string, readonly [string, string]>;

export type Noun = keyof typeof NOUNS;

export function countText(count: number, noun: Noun): string {
  const [singular, plural] = NOUNS[noun];
  return `${count} ${count === 1 ? singular : plural}`;
}

/** The glossary: each term written one way in every document and message. */
export const TERMS = {
  rate: 'Sjukfrånvaro i procent av tillgänglig arbetstid (kalenderdagar omräknade till heltid)',
  percentagePoints: 'procentenheter',
  percentagePointsShort: 'pe',
  shortAbsence: 'Korttid (dag 1–14)',
  longAbsence: 'Långtid (dag 15–)',
  /** The start of the sick period that made the employment reach the repeated short-term threshold. */
  thresholdPeriodStart: 'Sjukperioden som nådde gränsen började',
  uncoveredSickLeave: 'Sjukfrånvaro utan rehabärende',
  toRaise: 'Att ta upp på mötet',
  milestone: 'Nästa milstolpe i rehabiliteringskedjan',
} as const;


/** One line for stderr; names no person (SPEC §7), only the line of the file or a count. */
export function meetingFindingText(finding: MeetingFinding, file: string): string {
  switch (finding.code) {
    case 'meeting_without_manager':
      return `${file}:${finding.line}: chef_epost: ingen enhetschef med den e-postadressen finns i anstallda.csv (raden används inte)`;
    case 'managers_without_meeting':
      return `${countText(finding.count, 'manager')} saknar mötestid i ${file}: deras inbjudningar ber om att få återkomma med en tid och ingen mötesbokning skrevs (se Mötestid saknas.txt).`;
  }
}

/** SPEC §4 reason codes per check (the core's `reasons`), each with the date behind it. */
export interface ReasonCodes {
  certificate: 'missing' | 'expired' | 'expiring';
  healthTalk: 'missing' | 'outdated';
  returnPlan: 'missing' | 'follow_up_overdue' | 'stale';
  activity: 'no_documentation' | 'documentation_stale' | 'no_next_activity';
}

export type ReasonLabels = { [check in CheckName]: Record<ReasonCodes[check], string> };

/** Full words for Alt. 1 (the status cell of a check that is not ok); the date stands in the cell beside it. */
export function fullReasonLabels(thresholds: Pick<Thresholds, 'healthTalkMaxAgeMonths' | 'planMaxAgeDays' | 'activityMaxAgeDays'>): ReasonLabels {
  return {
    certificate: { missing: 'Saknas', expired: 'Har gått ut', expiring: 'Går snart ut' },
    healthTalk: { missing: 'Saknas', outdated: `Äldre än ${thresholds.healthTalkMaxAgeMonths} månader` },
    returnPlan: { missing: 'Saknas', follow_up_overdue: 'Uppföljning passerad', stale: `Ej reviderad på ${thresholds.planMaxAgeDays} dagar` },
    activity: {
      no_documentation: 'Ingen dokumentation',
      documentation_stale: `Ingen dokumentation på ${thresholds.activityMaxAgeDays} dagar`,
      no_next_activity: 'Ingen planerad aktivitet',
    },
  };
}

/** Short words for the slides of Alt. 2 (the date goes on the line below). */
export const SHORT_REASON_LABELS: ReasonLabels = {
  certificate: { missing: 'Saknas', expired: 'Gått ut', expiring: 'Går ut' },
  healthTalk: { missing: 'Saknas', outdated: 'För gammalt' },
  returnPlan: { missing: 'Saknas', follow_up_overdue: 'Uppföljning passerad', stale: 'Ej reviderad' },
  activity: { no_documentation: 'Ingen dokumentation', documentation_stale: 'Gammal dokumentation', no_next_activity: 'Ingen nästa aktivitet' },
};

/** The word of a check that is ok, and of one that does not apply. */
export const CHECK_OK_LABELS: Record<CheckName, string> = { certificate: 'Ja', healthTalk: 'Ja', returnPlan: 'Aktuell', activity: 'Ja' };
export const NOT_APPLICABLE_LABEL = 'Ej aktuellt';
