// Each verksamhet's statutory breakdown (kön, ålder; SPEC §3 LKBR) for the leadership deck's kön/ålder slide.
// The figures give the förvaltning's breakdown only; a verksamhet's is the same computation over the employment
// rows of its enheter (today's organisation: every row of a unit whose latest row names the verksamhet). Sick
// periods still see all of an employment's segments, so day numbers and long spells are those of the whole period.
import { computeAbsenceReport, type AbsenceParams, type AbsenceReport, type StatutoryFigure } from '../absenceFigures.js';
import type { Dataset } from '../types.js';

export function statutoryByOperation(
  dataset: Pick<Dataset, 'employments' | 'sickSegments'>,
  report: Pick<AbsenceReport, 'units'>,
  params: AbsenceParams,
): Record<string, StatutoryFigure[]> {
  const operationOfUnit = new Map(report.units.filter((unit) => unit.level === 'enhet').map((unit) => [unit.id, unit.operation]));
  const rowsByOperation = new Map<string, Dataset['employments']>();
  for (const row of dataset.employments) {
    const operation = operationOfUnit.get(row.unitId);
    if (operation === undefined) continue;
    const rows = rowsByOperation.get(operation);
    if (rows) rows.push(row);
    else rowsByOperation.set(operation, [row]);
  }
  const segmentsById = new Map<string, Dataset['sickSegments']>();
  for (const segment of dataset.sickSegments) {
    const list = segmentsById.get(segment.employmentId);
    if (list) list.push(segment);
    else segmentsById.set(segment.employmentId, [segment]);
  }
  const result: Record<string, StatutoryFigure[]> = {};
  for (const unit of report.units.filter((candidate) => candidate.level === 'verksamhet')) {
    const employments = rowsByOperation.get(unit.id) ?? [];
    const ids = new Set(employments.map((row) => row.employmentId));
    const sickSegments = [...ids].flatMap((id) => segmentsById.get(id) ?? []);
    result[unit.id] = computeAbsenceReport({ employments, sickSegments }, params).statutory;
  }
  return result;
}
