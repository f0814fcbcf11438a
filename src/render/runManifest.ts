// The run manifest (SPEC §6): what was run on which inputs and what was written. No names, no ids, no health data.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { OperationChecklistCounts } from '../core/checklistCounts.js';
import type { Thresholds } from '../core/thresholds.js';

export interface ManifestInput {
  file: string;
  rows: number;
  encoding: string;
  delimiter: string;
  sha256: string;
}

export interface ManifestOutput {
  /** Not the path: paths carry managers' names. `chef-001/alt1` etc. for a manager's files, the path for others (prepFiles.ts). */
  key: string;
  bytes: number;
  sha256: string;
}

export interface RunManifest {
  tool: 'rehab';
  version: string;
  command: string;
  /** When the run started (UTC). */
  createdAt: string;
  asOf: IsoDate;
  period: string;
  window: DateRange;
  previousWindow: DateRange;
  /** Which options were given; values that could identify a person are reduced to true. */
  options: Record<string, string | boolean | number>;
  thresholds: Thresholds;
  inputs: ManifestInput[];
  counts: Record<string, number>;
  /** prep: per verksamhet, the checklist counts of the open cases in the run (SPEC §6); aggregate compares rounds with them. */
  checklist?: OperationChecklistCounts[];
  /** Every file of the run but the manifest, in the order written. */
  outputs: ManifestOutput[];
}

export function manifestJson(manifest: RunManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
