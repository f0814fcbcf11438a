// Reads the three Adato exports from a folder (SPEC §2) into typed records, or throws InputError with every problem.
import type { DataWarning, Dataset } from '../core/types.js';
import type { InputFileKey } from './config.js';

import type { Delimiter, DetectedEncoding } from './csvFile.js';

export type { Delimiter, DetectedEncoding } from './csvFile.js';

export interface FileReport {
  rows: number;
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  /** sha256 of the file's bytes, for the run manifest. */
  sha256: string;
}

export interface ReadDatasetResult {
  dataset: Dataset;
  /** Keyed by file name, e.g. 'anstallda.csv'. rehabarenden.csv is absent when the file is missing and not required. */
  files: Partial<Record<'anstallda.csv' | 'sjukfranvaro.csv' | 'rehabarenden.csv', FileReport>>;
  /** Non-fatal findings while reading (unusual extents). Figures add their own (sick days without employment). */
  warnings: DataWarning[];
}

export interface ReadDatasetOptions {
  /** Extra header names per file and canonical field, from the config. */
  headerAliases: Record<InputFileKey, Record<string, string[]>>;
  /** rehabarenden.csv is required for prep, aggregate and cases. */
  requireCases: boolean;
}

export function readDataset(_dataDir: string, _options: ReadDatasetOptions): ReadDatasetResult {
  throw new Error('not implemented');
}
