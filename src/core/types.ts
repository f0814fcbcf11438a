// The records every command works on (made by src/input, consumed by src/core). Codes, not prose.
import type { IsoDate } from './calendarDate.js';

export type Gender = 'K' | 'M';

/** One row of anstallda.csv: an employment in one unit during one validity period. */
export interface EmploymentRow {
  employmentId: string;
  name: string;
  administration: string;
  department: string;
  operation: string;
  unitId: string;
  unitName: string;
  managerName: string;
  managerEmail: string;
  /** Percent, 0 < x ≤ 100. */
  employmentRate: number;
  gender: Gender | null;
  birthYear: number | null;
  validFrom: IsoDate;
  /** null = still valid. */
  validTo: IsoDate | null;
  /** 1-based physical line in the file where the record starts (for messages). */
  line: number;
}

/** One row of sjukfranvaro.csv. */
export interface SickSegment {
  employmentId: string;
  from: IsoDate;
  /** null = ongoing at the export date (runs to the as-of date). */
  to: IsoDate | null;
  /** Percent 1–100. */
  extent: number;
  line: number;
}

export type CaseType = 'langtid' | 'upprepad_korttid' | 'annat';
export type CaseStatus = 'oppet' | 'avslutat';
export type YesNoUnknown = 'ja' | 'nej' | null;

/** One row of rehabarenden.csv. */
export interface RehabCase {
  caseId: string;
  employmentId: string;
  caseType: CaseType;
  status: CaseStatus;
  openedDate: IsoDate;
  closedDate: IsoDate | null;
  expectedOver60Days: YesNoUnknown;
  certificateTo: IsoDate | null;
  healthTalkDate: IsoDate | null;
  planMadeDate: IsoDate | null;
  planRevisedDate: IsoDate | null;
  planFollowUpDate: IsoDate | null;
  lastDocumentationDate: IsoDate | null;
  nextActivityDate: IsoDate | null;
  line: number;
}

export interface Dataset {
  employments: EmploymentRow[];
  sickSegments: SickSegment[];
  /** Empty when rehabarenden.csv is absent (it is optional for validate/stats). */
  cases: RehabCase[];
}

/** Non-fatal findings in the data (SPEC §3). */
export type DataWarningCode = 'sick_day_without_employment' | 'unusual_extent' | 'invalid_personnummer' | 'mixed_encoding';

export interface DataWarning {
  code: DataWarningCode;
  file: string;
  line: number;
  /** For sick_day_without_employment: the number of sick days left out. */
  days?: number;
  /** For unusual_extent: the extent. */
  value?: number;
}
