// The config file (rehab.config.json): one zod schema with Swedish keys, errors that name the key (exit 2).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { DEFAULT_MAX_FILE_MEGABYTES } from './csvFile.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../core/thresholds.js';
import { issueLines } from './zodMessages.js';


export const DEFAULT_CONFIG_FILE = 'rehab.config.json';

const person = z.strictObject({
  namn: z.string().min(1),
  epost: z.email(),
});

const hrSpecialist = z.strictObject({
  namn: z.string().min(1),
  epost: z.email(),
  /** Verksamheter this HR specialist covers; empty or absent = all. */
  verksamheter: z.array(z.string().min(1)).default([]),
  telefon: z.string().optional(),
});

/** A whole number in [min, max] with one Swedish message (issue 13: a threshold of 100 000 months must not crash a run). */
function intInRange(min: number, max: number) {
  const error = `ange ett heltal från ${min} till ${max}`;
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** Swedish config keys → Thresholds fields. */
export const THRESHOLD_KEYS = {
  korttidMaxDag: 'shortTermMaxDay',
  langaPerioderDagar: 'longSpellDays',
  aterinsjuknandeDagar: 'relapseGapDays',
  avvikelseProcentenheter: 'deviationPp',
  upprepadKorttidPerioder: 'repeatedShortTermPeriods',
  upprepadKorttidManader: 'repeatedShortTermMonths',
  lagstadgadGruppDoljsVidHogst: 'statutoryGroupMaxSuppressed',
  lakarintygFranDag: 'certificateFromDay',
  lakarintygUtgarInomDagar: 'certificateExpiringDays',
  halsosamtalMaxAlderManader: 'healthTalkMaxAgeMonths',
  planFranDag: 'returnPlanDay',
  planSenastDag: 'returnPlanForcedDay',
  planMaxAlderDagar: 'planMaxAgeDays',
  aktivitetMaxAlderDagar: 'activityMaxAgeDays',
  fordjupatStodAndel: 'deeperSupportShare',
  fordjupatStodArenden: 'deeperSupportCases',
  sjukfallUtanArendeFranDag: 'sickLeaveWithoutCaseFromDay',
} as const satisfies Record<string, keyof Thresholds>;

const thresholdsSchema = z.strictObject({
  korttidMaxDag: intInRange(1, 365).optional(),
  langaPerioderDagar: intInRange(1, 3650).optional(),
  aterinsjuknandeDagar: intInRange(0, 365).optional(),
  avvikelseProcentenheter: z.number({ error: 'ange ett tal från 0 till 100' }).min(0, { error: 'ange ett tal från 0 till 100' }).max(100, { error: 'ange ett tal från 0 till 100' }).optional(),
  upprepadKorttidPerioder: intInRange(1, 366).optional(),
  upprepadKorttidManader: intInRange(1, 60).optional(),
  lagstadgadGruppDoljsVidHogst: intInRange(0, 100_000).optional(),
  lakarintygFranDag: intInRange(1, 365).optional(),
  lakarintygUtgarInomDagar: intInRange(0, 365).optional(),
  halsosamtalMaxAlderManader: intInRange(1, 120).optional(),
  planFranDag: intInRange(1, 3650).optional(),
  planSenastDag: intInRange(1, 3650).optional(),
  planMaxAlderDagar: intInRange(1, 3650).optional(),
  aktivitetMaxAlderDagar: intInRange(1, 3650).optional(),
  fordjupatStodAndel: z.number().min(0).max(1).optional(),
  fordjupatStodArenden: intInRange(1, 100_000).optional(),
  sjukfallUtanArendeFranDag: intInRange(1, 3650).optional(),
});

/** Per file: canonical field name → other header names that mean the same. */
const headerMapping = z.record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1))]));

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  forvaltning: z.string().min(1).optional(),
  processledare: person.optional(),
  hrSpecialister: z.array(hrSpecialist).default([]),
  minstaGruppstorlek: intInRange(1, 100_000).optional(),
  skyddMotInsyn: z.boolean().optional(),
  /** Largest export file read, in MB (a larger one is refused with exit 3 instead of exhausting memory). */
  maxFilstorlekMB: z.number().positive().max(4096).optional(),
  troskelvarden: thresholdsSchema.default({}),
  kolumner: z
    .strictObject({
      anstallda: headerMapping.optional(),
      sjukfranvaro: headerMapping.optional(),
      rehabarenden: headerMapping.optional(),
    })
    .default({}),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Person {
  name: string;
  email: string;
}

export interface HrSpecialist extends Person {
  /** Empty = covers every verksamhet. */
  operations: string[];
  phone?: string;
}

export type InputFileKey = 'anstallda' | 'sjukfranvaro' | 'rehabarenden';

export interface RehabConfig {
  /** Path of the file read, or null when defaults are used. */
  source: string | null;
  administrationName: string | null;
  processLeader: Person | null;
  hrSpecialists: HrSpecialist[];
  thresholds: Thresholds;
  headerAliases: Record<InputFileKey, Record<string, string[]>>;
  /** Largest export file read (maxFilstorlekMB). */
  maxFileMegabytes: number;
}

function toRehabConfig(raw: RawConfig, source: string | null): RehabConfig {
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS };
  for (const [swedishKey, field] of Object.entries(THRESHOLD_KEYS)) {
    const value = raw.troskelvarden[swedishKey as keyof typeof THRESHOLD_KEYS];
    if (value !== undefined) thresholds[field] = value;
  }
  if (raw.minstaGruppstorlek !== undefined) thresholds.minGroupSize = raw.minstaGruppstorlek;
  if (raw.skyddMotInsyn !== undefined) thresholds.protectAgainstInsiders = raw.skyddMotInsyn;
  const aliases = (mapping: Record<string, string | string[]> | undefined): Record<string, string[]> =>
    Object.fromEntries(Object.entries(mapping ?? {}).map(([field, names]) => [field, Array.isArray(names) ? names : [names]]));
  return {
    source,
    administrationName: raw.forvaltning ?? null,
    maxFileMegabytes: raw.maxFilstorlekMB ?? DEFAULT_MAX_FILE_MEGABYTES,
    processLeader: raw.processledare ? { name: raw.processledare.namn, email: raw.processledare.epost } : null,
    hrSpecialists: raw.hrSpecialister.map((hr) => ({
      name: hr.namn,
      email: hr.epost,
      operations: hr.verksamheter,
      ...(hr.telefon ? { phone: hr.telefon } : {}),
    })),
    thresholds,
    headerAliases: {
      anstallda: aliases(raw.kolumner.anstallda),
      sjukfranvaro: aliases(raw.kolumner.sjukfranvaro),
      rehabarenden: aliases(raw.kolumner.rehabarenden),
    },
  };
}

/** JSON has no comments: keys that start with `_` (e.g. `_kommentar`, written by rehab init) are ignored at any level. */
export function withoutCommentKeys(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withoutCommentKeys);
  if (json === null || typeof json !== 'object') return json;
  return Object.fromEntries(Object.entries(json).filter(([key]) => !key.startsWith('_')).map(([key, value]) => [key, withoutCommentKeys(value)]));
}

export function parseConfig(json: unknown, source: string | null): RehabConfig {
  const result = configSchema.safeParse(withoutCommentKeys(json));
  if (!result.success) {
    // Every problem at once, one line each: "fil: nyckel: vad som är fel (värde)".
    const where = source ?? 'konfigurationen';
    const lines = issueLines(result.error);
    throw new ConfigError(lines.map((line) => `${where}: ${line.path || '(roten)'}: ${line.message}`).join('\n'), lines[0]!.path);
  }
  return toRehabConfig(result.data, source);
}

/** Reads --config FILE, or rehab.config.json in the working folder when present, else defaults. */
export function loadConfig(configPath: string | undefined, cwd: string = process.cwd()): RehabConfig {
  const path = configPath ? resolve(cwd, configPath) : resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!configPath && !existsSync(path)) return parseConfig({}, null);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`Konfigurationsfilen ${configPath ?? path} kan inte läsas.`, 'config');
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${configPath ?? DEFAULT_CONFIG_FILE}: ogiltig JSON (${(error as Error).message})`, 'config');
  }
  return parseConfig(json, configPath ?? DEFAULT_CONFIG_FILE);
}
