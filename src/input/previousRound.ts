// --previous DIR: the checklist counts per verksamhet of an earlier round, from that run's manifest.json (SPEC §6).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationChecklistCounts } from '../core/checklistCounts.js';
import type { PreviousRound } from '../core/rehabAnalysis.js';
import { InputError } from '../errors.js';

type Json = Record<string, unknown>;

const CHECKS = ['certificate', 'healthTalk', 'returnPlan', 'activity'] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

/** One verksamhet's counts, whichever of the known shapes a manifest uses; null when it has no case count. */
function countsOf(operation: string, entry: Json): OperationChecklistCounts | null {
  const cases = count(entry['cases']);
  if (cases === null) return null;
  const assessments = isObject(entry['assessments']) ? entry['assessments'] : {};
  const systematic = count(assessments['systematic']) ?? count(entry['systematic']);
  const withoutGaps = count(entry['casesWithoutGaps']) ?? count(entry['withoutGaps']) ?? systematic;
  if (withoutGaps === null || withoutGaps > cases) return null;
  const gaps = isObject(entry['gapsByCheck']) ? entry['gapsByCheck'] : {};
  return {
    operation,
    cases,
    casesWithoutGaps: withoutGaps,
    gapsByCheck: Object.fromEntries(CHECKS.map((check) => [check, count(gaps[check]) ?? 0])) as OperationChecklistCounts['gapsByCheck'],
    assessments: {
      systematic: systematic ?? withoutGaps,
      partial: count(assessments['partial']) ?? 0,
      needs_support: count(assessments['needs_support']) ?? count(assessments['needsSupport']) ?? 0,
    },
  };
}

function listOf(manifest: Json): [string, Json][] | null {
  for (const key of ['checklist', 'checklistByOperation', 'operations', 'verksamheter']) {
    const value = manifest[key];
    if (Array.isArray(value)) {
      return value.filter(isObject).flatMap((entry): [string, Json][] => {
        const name = entry['operation'] ?? entry['verksamhet'] ?? entry['name'];
        return typeof name === 'string' ? [[name, entry]] : [];
      });
    }
    if (isObject(value)) return Object.entries(value).filter((pair): pair is [string, Json] => isObject(pair[1]));
  }
  return null;
}

/** Reads DIR/manifest.json of an earlier prep or aggregate run; a folder without usable counts is invalid input (exit 3). */
export function readPreviousRound(folder: string): PreviousRound {
  const file = join(folder, 'manifest.json');
  const fail = (message: string): never => {
    throw new InputError([{ file, line: 0, field: '--previous', message }]);
  };
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail('manifest.json finns inte eller kan inte läsas: ange mappen från en tidigare körning av rehab prep eller rehab aggregate');
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    fail('manifest.json är inte giltig JSON');
  }
  if (!isObject(manifest) || manifest['tool'] !== 'rehab') return fail('filen är inte ett manifest från rehab');
  const entries = listOf(manifest);
  if (entries === null) return fail('manifestet saknar ärendenas räkning per verksamhet (körningen gjordes med en äldre version av rehab)');
  const counts = entries.map(([operation, entry]) => countsOf(operation, entry));
  if (counts.some((entry) => entry === null)) fail('ärendenas räkning per verksamhet är ofullständig i manifestet');
  return {
    period: typeof manifest['period'] === 'string' ? manifest['period'] : '',
    asOf: typeof manifest['asOf'] === 'string' ? manifest['asOf'] : '',
    counts: counts as OperationChecklistCounts[],
  };
}
