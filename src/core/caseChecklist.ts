// Case checklist (SPEC §4): the four checks per open case, gaps, assessment, rehabiliteringskedjan milestone, per manager.
import type { IsoDate } from './calendarDate.js';
import type { RepeatedShortTermAbsence } from './absenceFigures.js';
import type { Thresholds } from './thresholds.js';
import type { CaseType, Dataset, RehabCase, YesNoUnknown } from './types.js';

export type CertificateStatus = 'ok' | 'missing' | 'expired' | 'expiring' | 'not_applicable';
export type HealthTalkStatus = 'ok' | 'missing' | 'outdated';
export type ReturnPlanStatus = 'ok' | 'missing' | 'outdated' | 'not_applicable';
export type ActivityStatus = 'ok' | 'inactive' | 'no_next_activity';
export type CheckName = 'certificate' | 'healthTalk' | 'returnPlan' | 'activity';
export type Assessment = 'systematic' | 'partial' | 'needs_support';

export interface CaseChecks {
  certificate: CertificateStatus;
  healthTalk: HealthTalkStatus;
  returnPlan: ReturnPlanStatus;
  activity: ActivityStatus;
}

export type CaseDates = Pick<
  RehabCase,
  'certificateTo' | 'healthTalkDate' | 'planMadeDate' | 'planRevisedDate' | 'planFollowUpDate' | 'lastDocumentationDate' | 'nextActivityDate'
>;

export interface CaseEvaluation {
  caseId: string;
  employmentId: string;
  /** Shown only in HR material (never in shared decks, logs or mails). */
  employeeName: string;
  caseType: CaseType;
  openedDate: IsoDate;
  expectedOver60Days: YesNoUnknown;
  /** Unit and manager of the employment row valid on the as-of date, else its latest row. */
  unitId: string;
  unitName: string;
  operation: string;
  department: string;
  /** chef_epost. */
  manager: string;
  managerName: string;
  periodStart: IsoDate | null;
  dayNumber: number | null;
  checks: CaseChecks;
  gaps: number;
  /** The checks that count as gaps, in the order certificate, healthTalk, returnPlan, activity. */
  gapChecks: CheckName[];
  assessment: Assessment;
  nextMilestone: { day: 90 | 180 | 365; date: IsoDate } | null;
  dates: CaseDates;
}

export interface ManagerCaseSummary {
  manager: string;
  managerName: string;
  cases: number;
  gapsByCheck: Record<CheckName, number>;
  totalGaps: number;
  needsSupport: number;
  /** Offer fördjupat stöd: at least half the cases, or 3 or more, need support. */
  deeperSupport: boolean;
}

export type RepeatedShortTermFindingCode = 'no_open_case' | 'no_health_talk_after_threshold_period';

export interface RepeatedShortTermFinding {
  employmentId: string;
  employeeName: string;
  unitId: string;
  unitName: string;
  manager: string;
  periodCount: number;
  /** Start of the period that reached the threshold (the sixth by default). */
  thresholdPeriodStart: IsoDate;
  caseId: string | null;
  finding: RepeatedShortTermFindingCode;
}

export interface CaseChecklistReport {
  asOf: IsoDate;
  cases: CaseEvaluation[];
  managers: ManagerCaseSummary[];
  repeatedShortTermFindings: RepeatedShortTermFinding[];
}

export interface CaseChecklistParams {
  asOf: IsoDate;
  thresholds: Thresholds;
  /** From computeAbsenceReport (the figures own the repeated short-term rule). */
  repeatedShortTerm: RepeatedShortTermAbsence[];
}

export function evaluateCases(_dataset: Dataset, _params: CaseChecklistParams): CaseChecklistReport {
  throw new Error('not implemented');
}
