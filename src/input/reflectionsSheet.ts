// The Reflektioner sheet of HR's workbook (Alt. 1) is a format: src/render/hrWorkbook.ts writes it and
// src/input/hrWorkbookReader.ts reads it back for `rehab aggregate`. Its layout and the values of its drop-downs
// live here, upstream of both, so the reader needs nothing from the render layer.
import type { HrMeetingAssessment } from '../core/rehabAnalysis.js';

/**
 * The Reflektioner sheet is read back by `rehab aggregate`: column A (hidden) holds a key per row, A1 the
 * marker with the layout version, so the reader finds its rows even when HR inserts or moves rows.
 */
export const REFLECTIONS_LAYOUT = {
  marker: 'rehab-reflektioner v1',
  keyColumn: 1,
  /** Value of a key row (period, manager, overall, risks, needs, deeper support booked). */
  valueColumn: 3,
  /** Case rows: key `case:<caseId>`; the case id is also shown in column B. */
  caseKeyPrefix: 'case:',
  caseAssessmentColumn: 6,
  caseCommentColumn: 7,
  keys: {
    period: 'period',
    managerName: 'manager_name',
    managerEmail: 'manager_email',
    hrSpecialist: 'hr_specialist',
    overall: 'overall',
    risks: 'risks',
    needs: 'needs',
    deeperSupportBooked: 'deeper_support_booked',
  },
} as const;

/** HR's own assessment after the follow-up meeting (drop-down in the HR workbook; read back by `aggregate`). */
export const HR_MEETING_ASSESSMENT_LABELS: Record<HrMeetingAssessment, string> = {
  systematic: 'Bedrivs systematiskt',
  partial: 'Delvis systematiskt',
  needs_support: 'Behöver stöd',
  deeper_support_offered: 'Fördjupat stöd erbjudet',
};

export const YES_NO_LABELS = { yes: 'Ja', no: 'Nej' } as const;
