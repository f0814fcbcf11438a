// The columns of the three exports (SPEC §2) and one row reader per file: cells → typed record, or Swedish
// messages per cell in column order. Plain code, not zod: a schema per row costs a quarter of a city-scale run.
import type { IsoDate } from '../core/calendarDate.js';
import type { CaseStatus, CaseType, EmploymentRow, Gender, RehabCase, SickSegment, YesNoUnknown } from '../core/types.js';
import { parseDateCell, parseNumberCell, type CellResult } from './cells.js';
import { normalizeHeader } from './csvFile.js';

export const MISSING_VALUE = 'värde saknas';

/** The columns of each file, in the order their problems are reported. */
export const ALL_COLUMNS = {
  anstallda: [
    'anstallnings_id', 'namn', 'personnummer', 'forvaltning', 'avdelning', 'verksamhet', 'enhet_id', 'enhet',
    'chef_namn', 'chef_epost', 'sysselsattningsgrad', 'kon', 'fodelsear', 'giltig_from', 'giltig_tom',
  ],
  sjukfranvaro: ['anstallnings_id', 'from_datum', 'tom_datum', 'omfattning'],
  rehabarenden: [
    'arende_id', 'anstallnings_id', 'arendetyp', 'status', 'oppnat_datum', 'avslutat_datum', 'forvantas_over_60_dagar',
    'lakarintyg_tom', 'halsosamtal_datum', 'plan_upprattad_datum', 'plan_reviderad_datum', 'plan_uppfoljning_datum',
    'senaste_dokumentation_datum', 'nasta_aktivitet_datum',
  ],
} as const;

/** Columns that must be present; the others may be left out of the export. */
export const REQUIRED_COLUMNS = {
  anstallda: ['anstallnings_id', 'namn', 'forvaltning', 'avdelning', 'verksamhet', 'enhet_id', 'enhet', 'chef_namn', 'chef_epost', 'sysselsattningsgrad', 'giltig_from'],
  sjukfranvaro: ['anstallnings_id', 'from_datum', 'omfattning'],
  rehabarenden: ['arende_id', 'anstallnings_id', 'arendetyp', 'status', 'oppnat_datum'],
} as const;

/** Fields whose value is never shown, not even in an error message. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['personnummer']);

/** One bad cell: the field (a column name above) and what is wrong with it. */
export interface CellIssue {
  field: string;
  message: string;
}

// One plain address (RFC 5322 dot-atom, ASCII): a comma, semicolon, quote or angle bracket would add recipients or
// break the To header of the draft mail (SPEC §7).
const EMAIL_ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
export const email = (text: string): CellResult<string> =>
  EMAIL_ADDRESS.test(text) ? { ok: true, value: text } : { ok: false, message: 'ogiltig e-postadress' };

const employmentRate = (text: string): CellResult<number> => {
  const number = parseNumberCell(text);
  if (!number.ok) return number;
  return number.value > 0 && number.value <= 100 ? number : { ok: false, message: 'sysselsättningsgraden ska vara större än 0 och högst 100' };
};

const extent = (text: string): CellResult<number> => {
  const number = parseNumberCell(text);
  if (!number.ok) return number;
  return number.value >= 1 && number.value <= 100 ? number : { ok: false, message: 'omfattningen ska vara 1–100 procent' };
};

const GENDERS: Record<string, Gender> = { k: 'K', kvinna: 'K', m: 'M', man: 'M' };
const gender = (text: string): CellResult<Gender> => {
  const value = GENDERS[normalizeHeader(text)];
  return value ? { ok: true, value } : { ok: false, message: 'ange K eller M' };
};

const birthYear = (text: string): CellResult<number> => {
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= 1900 && year <= 2100 ? { ok: true, value: year } : { ok: false, message: 'ange ett fyrsiffrigt år mellan 1900 och 2100' };
};

/**
 * 10 or 12 digits with an optional - or +, and the Luhn check digit → true; anything else → false.
 * Never an error: the tool does not use the field, and a reserve number must not stop a run. Never echoed anywhere.
 */
export function isValidPersonalNumber(text: string): boolean {
  const match = /^(?:\d{2})?(\d{6})[-+]?(\d{4})$/.exec(text);
  if (!match) return false;
  const digits = `${match[1]}${match[2]}`.split('').map(Number);
  const sum = digits.reduce((total, digit, index) => {
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    return total + (weighted > 9 ? weighted - 9 : weighted);
  }, 0);
  return sum % 10 === 0;
}

/** Accepts the code, any case, with or without å/ä/ö, spaces or `_`. */
function choice<T extends string>(codes: Record<string, T>, message: string) {
  return (text: string): CellResult<T> => {
    const value = codes[normalizeHeader(text)];
    return value ? { ok: true, value } : { ok: false, message };
  };
}

const caseType = choice<CaseType>({ langtid: 'langtid', upprepadkorttid: 'upprepad_korttid', annat: 'annat' }, 'ange langtid, upprepad_korttid eller annat');
const caseStatus = choice<CaseStatus>({ oppet: 'oppet', oppen: 'oppet', avslutat: 'avslutat', avslutad: 'avslutat' }, 'ange oppet eller avslutat');
const yesNo = choice<Exclude<YesNoUnknown, null>>({ ja: 'ja', nej: 'nej' }, 'ange ja, nej eller lämna tomt');

/** Distinct date cells are few (days of a few years): each text is parsed once and every row shares the one string. */
const MAX_CACHED_DATES = 100_000;

/**
 * Reads the cells of one file's rows (trimmed, in ALL_COLUMNS order; '' for an absent column). Each method
 * returns the record, or null after adding the row's issues in column order.
 */
export class RowReader {
  private readonly dates = new Map<string, IsoDate>();
  private readonly texts = new Map<string, string>();
  issues: CellIssue[] = [];

  /** A repeated text (unit, manager, administration) as one shared string. */
  private shared(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size < MAX_CACHED_DATES) this.texts.set(text, text);
    return text;
  }

  private required<T>(field: string, text: string, parse: (text: string) => CellResult<T>): T | undefined {
    if (text === '') {
      this.issues.push({ field, message: MISSING_VALUE });
      return undefined;
    }
    const result = parse(text);
    if (result.ok) return result.value;
    this.issues.push({ field, message: result.message });
    return undefined;
  }

  private optional<T>(field: string, text: string, parse: (text: string) => CellResult<T>): T | null | undefined {
    return text === '' ? null : this.required(field, text, parse);
  }

  private text(field: string, text: string): string | undefined {
    if (text !== '') return this.shared(text);
    this.issues.push({ field, message: MISSING_VALUE });
    return undefined;
  }

  private readonly date = (text: string): CellResult<IsoDate> => {
    const known = this.dates.get(text);
    if (known !== undefined) return { ok: true, value: known };
    const result = parseDateCell(text);
    if (result.ok && this.dates.size < MAX_CACHED_DATES) {
      const canonical = this.dates.get(result.value) ?? result.value;
      this.dates.set(text, canonical);
      this.dates.set(canonical, canonical);
      return { ok: true, value: canonical };
    }
    return result;
  };

  private requiredDate(field: string, text: string): IsoDate | undefined {
    return this.required(field, text, this.date);
  }

  private optionalDate(field: string, text: string): IsoDate | null | undefined {
    return this.optional(field, text, this.date);
  }

  /** Also tells whether the personnummer (never kept) passed its check: false = warn, null = empty. */
  employment(cells: readonly string[], line: number): { row: EmploymentRow; validPersonalNumber: boolean | null } | null {
    this.issues = [];
    const employmentId = this.text('anstallnings_id', cells[0]!);
    const name = this.text('namn', cells[1]!);
    const validPersonalNumber = cells[2] === '' ? null : isValidPersonalNumber(cells[2]!);
    const administration = this.text('forvaltning', cells[3]!);
    const department = this.text('avdelning', cells[4]!);
    const operation = this.text('verksamhet', cells[5]!);
    const unitId = this.text('enhet_id', cells[6]!);
    const unitName = this.text('enhet', cells[7]!);
    const managerName = this.text('chef_namn', cells[8]!);
    const managerEmail = this.required('chef_epost', cells[9]!, email);
    const rate = this.required('sysselsattningsgrad', cells[10]!, employmentRate);
    const genderValue = this.optional('kon', cells[11]!, gender);
    const birthYearValue = this.optional('fodelsear', cells[12]!, birthYear);
    const validFrom = this.requiredDate('giltig_from', cells[13]!);
    const validTo = this.optionalDate('giltig_tom', cells[14]!);
    if (this.issues.length > 0) return null;
    return {
      row: {
        employmentId: employmentId!,
        name: name!,
        administration: administration!,
        department: department!,
        operation: operation!,
        unitId: unitId!,
        unitName: unitName!,
        managerName: managerName!,
        managerEmail: this.shared(managerEmail!),
        employmentRate: rate!,
        gender: genderValue!,
        birthYear: birthYearValue!,
        validFrom: validFrom!,
        validTo: validTo!,
        line,
      },
      validPersonalNumber,
    };
  }

  sickSegment(cells: readonly string[], line: number): SickSegment | null {
    this.issues = [];
    const employmentId = cells[0] === '' ? this.text('anstallnings_id', '') : cells[0]!;
    const from = this.requiredDate('from_datum', cells[1]!);
    const to = this.optionalDate('tom_datum', cells[2]!);
    const extentValue = this.required('omfattning', cells[3]!, extent);
    if (this.issues.length > 0) return null;
    return { employmentId: employmentId!, from: from!, to: to!, extent: extentValue!, line };
  }

  rehabCase(cells: readonly string[], line: number): RehabCase | null {
    this.issues = [];
    const caseId = cells[0] === '' ? this.text('arende_id', '') : cells[0]!;
    const employmentId = cells[1] === '' ? this.text('anstallnings_id', '') : cells[1]!;
    const caseTypeValue = this.required('arendetyp', cells[2]!, caseType);
    const status = this.required('status', cells[3]!, caseStatus);
    const openedDate = this.requiredDate('oppnat_datum', cells[4]!);
    const closedDate = this.optionalDate('avslutat_datum', cells[5]!);
    const expectedOver60Days = this.optional('forvantas_over_60_dagar', cells[6]!, yesNo);
    const certificateTo = this.optionalDate('lakarintyg_tom', cells[7]!);
    const healthTalkDate = this.optionalDate('halsosamtal_datum', cells[8]!);
    const planMadeDate = this.optionalDate('plan_upprattad_datum', cells[9]!);
    const planRevisedDate = this.optionalDate('plan_reviderad_datum', cells[10]!);
    const planFollowUpDate = this.optionalDate('plan_uppfoljning_datum', cells[11]!);
    const lastDocumentationDate = this.optionalDate('senaste_dokumentation_datum', cells[12]!);
    const nextActivityDate = this.optionalDate('nasta_aktivitet_datum', cells[13]!);
    if (this.issues.length > 0) return null;
    return {
      caseId: caseId!,
      employmentId: employmentId!,
      caseType: caseTypeValue!,
      status: status!,
      openedDate: openedDate!,
      closedDate: closedDate!,
      expectedOver60Days: expectedOver60Days!,
      certificateTo: certificateTo!,
      healthTalkDate: healthTalkDate!,
      planMadeDate: planMadeDate!,
      planRevisedDate: planRevisedDate!,
      planFollowUpDate: planFollowUpDate!,
      lastDocumentationDate: lastDocumentationDate!,
      nextActivityDate: nextActivityDate!,
      line,
    };
  }
}
