// Data warnings (SPEC §3) in Swedish, for validate and stats alike.
import type { DataWarning, DataWarningCode } from '../core/types.js';
import { WARNING_LABELS } from './labels.js';

export interface WarningJson {
  code: DataWarningCode;
  file: string;
  line: number;
  message: string;
  days?: number;
  value?: number;
}

export function warningMessage(warning: DataWarning): string {
  const label = WARNING_LABELS[warning.code];
  if (warning.code === 'sick_day_without_employment') return `${label}: ${warning.days} ${warning.days === 1 ? 'dag' : 'dagar'}`;
  if (warning.code === 'invalid_personnummer' || warning.code === 'mixed_encoding') return label;
  return `${label}: ${warning.value} %`;
}

export function sortWarnings(warnings: readonly DataWarning[]): DataWarning[] {
  return [...warnings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function warningsJson(warnings: readonly DataWarning[]): WarningJson[] {
  return sortWarnings(warnings).map((warning) => ({
    code: warning.code,
    file: warning.file,
    line: warning.line,
    message: warningMessage(warning),
    ...(warning.days !== undefined ? { days: warning.days } : {}),
    ...(warning.value !== undefined ? { value: warning.value } : {}),
  }));
}
