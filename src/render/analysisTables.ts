// The tables of "Analys av rehabiliteringsarbetet i förvaltningen", shared by its deck and its workbook so both show
// the same figures and hide the same cells (SPEC §7). No person: managers appear only as counts per verksamhet.
import type { DateRange, IsoDate } from '../core/calendarDate.js';
import type { UnitFigures } from '../core/absenceFigures.js';
import type { RatesThen, RehabAnalysis } from '../core/rehabAnalysis.js';
import { hiddenGoalShareOperations } from '../core/goalShare.js';
import { ADMINISTRATION_VISIBILITY_KEY, statutoryGroupKey, visibilityKey, type CellPeriod } from '../core/suppression.js';
import { ASSESSMENT_LABELS, CHECK_LABELS, FUNNEL_SIGNAL_LABELS, HR_MEETING_ASSESSMENT_LABELS, STATUTORY_GROUP_LABELS } from './labels.js';

export type AnalysisColumnKind = 'text' | 'pct' | 'pp' | 'count' | 'decimal';

export interface AnalysisColumn {
  header: string;
  kind: AnalysisColumnKind;
  /** Relative width (deck) and characters (workbook) come from this. */
  width: number;
}

export type AnalysisCell = string | number | null;

export interface AnalysisRow {
  cells: AnalysisCell[];
  emphasis?: boolean;
  /** The row is flagged (deviates, needs support): red in the deck, a status colour in the workbook. */
  flagged?: boolean;
}

export interface AnalysisTable {
  /** Sheet name in the workbook (≤ 31 characters). */
  sheet: string;
  title: string;
  columns: AnalysisColumn[];
  rows: AnalysisRow[];
  note: string;
}

export interface HiddenSets {
  /** The run's disclosure decision (disclosureForRun): is this group's figure of this period hidden? */
  isHidden(group: string, period: CellPeriod): boolean;
  /** Groups hidden in the window a year earlier (a period of its own, decided by sharedVisibility). */
  yearEarlier: Set<string>;
  /** Verksamheter whose case figures are not shown. */
  caseOperations: Set<string>;
}

export interface AnalysisTablesInput {
  analysis: RehabAnalysis;
  hidden: HiddenSets;
  minGroupSize: number;
  /** Units of the window (all levels). */
  units: UnitFigures[];
  administrationName: string;
  deviationPp: number;
}

export const HIDDEN_ROW_TEXT = 'visas inte (för liten grupp)';

function pct(value: number | null | undefined): number | null {
  return value === undefined || value === null || !Number.isFinite(value) ? null : value;
}

function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

export function decimalText(value: number, decimals = 1): string {
  return value.toFixed(decimals).replace('.', ',').replace('-', '−');
}

export function signedText(value: number): string {
  const text = decimalText(Math.abs(value));
  return value > 0.05 ? `+${text}` : value < -0.05 ? `−${text}` : '±0,0';
}

export function rangeText(range: DateRange): string {
  return `${range.from} – ${range.to}`;
}

/** Hidden cells of per-verksamhet case figures: verksamheter hidden for their staff, and small or derivable case counts. */
export function caseHiddenOperations(analysis: RehabAnalysis, isHidden: HiddenSets['isHidden'], minGroupSize: number, protectAgainstInsider: boolean): Set<string> {
  const alreadyHidden = new Set(analysis.operationSupport.map((row) => row.operation).filter((operation) => isHidden(`verksamhet:${operation}`, 'window')));
  return hiddenGoalShareOperations(analysis.goal.operations, minGroupSize, alreadyHidden, protectAgainstInsider);
}

function supportTable(input: AnalysisTablesInput): AnalysisTable {
  const { analysis, hidden } = input;
  const shown = analysis.operationSupport.filter((row) => !hidden.caseOperations.has(row.operation));
  const hiddenCount = analysis.operationSupport.length - shown.length;
  const total = analysis.operationSupport.reduce(
    (sum, row) => ({ cases: sum.cases + row.cases, needs: sum.needs + row.needsSupportCases, uncovered: sum.uncovered + row.uncoveredSickLeave }),
    { cases: 0, needs: 0, uncovered: 0 },
  );
  const managers = analysis.managerSupport;
  const rows: AnalysisRow[] = shown.map((row) => ({
    flagged: row.managersReferred > 0,
    cells: [
      row.operation, row.managers, row.workbooksFilledIn, row.cases, row.needsSupportCases, row.managersForDeeperSupport,
      row.managersOfferedDeeperSupportByHr, row.managersReferred, row.uncoveredSickLeave,
    ],
  }));
  if (hiddenCount > 0) rows.push({ cells: [`${hiddenCount === 1 ? '1 verksamhet' : `${hiddenCount} verksamheter`} ${HIDDEN_ROW_TEXT}`, null, null, null, null, null, null, null, null] });
  rows.push({
    emphasis: true,
    cells: [
      'Förvaltningen', managers.length, managers.filter((m) => m.workbookFilledIn).length, total.cases, total.needs,
      managers.filter((m) => m.deeperSupportByChecklist).length, managers.filter((m) => m.deeperSupportByHr).length,
      managers.filter((m) => m.referToOperationManager).length, total.uncovered,
    ],
  });
  return {
    sheet: 'Stöd till chefer',
    title: 'Behov av stöd till chefer per verksamhet',
    columns: [
      { header: 'Verksamhet', kind: 'text', width: 3.2 },
      { header: 'Chefer', kind: 'count', width: 1 },
      { header: 'Ifyllda arbetsböcker', kind: 'count', width: 1.3 },
      { header: 'Öppna ärenden', kind: 'count', width: 1.1 },
      { header: 'Ärenden som behöver stöd', kind: 'count', width: 1.3 },
      { header: 'Fördjupat stöd enligt checklistan (chefer)', kind: 'count', width: 1.6 },
      { header: 'Fördjupat stöd erbjudet av HR (chefer)', kind: 'count', width: 1.6 },
      { header: 'Hänvisas till verksamhetschef (chefer)', kind: 'count', width: 1.6 },
      { header: 'Sjukskrivna utan ärende', kind: 'count', width: 1.3 },
    ],
    rows,
    note:
      'Fördjupat stöd enligt checklistan: minst hälften av chefens ärenden, eller minst tre, behöver stöd. Chefer som bör få fördjupat stöd ' +
      'hänvisas enligt rutinen också till sin verksamhetschef (prioritering, ärendemängd, kompetensutveckling). En chef med enheter i två verksamheter räknas i båda.',
  };
}

function deviatingTable(input: AnalysisTablesInput): AnalysisTable {
  const { analysis, hidden } = input;
  const shown = analysis.deviatingUnits.filter((entry) => !hidden.isHidden(visibilityKey(entry.unit), 'window'));
  const rows: AnalysisRow[] = shown.map((entry) => ({
    flagged: entry.byPpRule || entry.signal === 'high',
    cells: [
      entry.unit.name,
      entry.unit.operation,
      pct(entry.unit.totalPct),
      pct(entry.unit.diffPp),
      entry.byPpRule ? 'Ja' : 'Nej',
      entry.signal ? FUNNEL_SIGNAL_LABELS[entry.signal] : 'Inom gränserna',
      entry.hrNotes.length > 0 ? entry.hrNotes.join(' · ') : 'Inga anteckningar från HR',
    ],
  }));
  if (rows.length === 0) rows.push({ cells: ['Ingen enhet avviker.', null, null, null, null, null, null] });
  return {
    sheet: 'Avvikande enheter',
    title: 'Enheter som avviker och HR:s anteckningar om möjliga orsaker',
    columns: [
      { header: 'Enhet', kind: 'text', width: 2.4 },
      { header: 'Verksamhet', kind: 'text', width: 2.2 },
      { header: 'Totalt %', kind: 'pct', width: 0.9 },
      { header: 'Skillnad mot förvaltningen (pe)', kind: 'pp', width: 1.3 },
      { header: `Minst ${decimalText(input.deviationPp)} pe över`, kind: 'text', width: 1.1 },
      { header: 'Trattdiagrammet', kind: 'text', width: 1.7 },
      { header: 'HR:s anteckningar (reflektioner och risker)', kind: 'text', width: 4.4 },
    ],
    rows,
    note:
      `Avviker: minst ${decimalText(input.deviationPp)} procentenheter över förvaltningen. Trattdiagrammet tar hänsyn till enhetens storlek: ` +
      'över 99,8-procentsgränsen är skillnaden större än slumpen förklarar, över 95-procentsgränsen värd att bevaka. Små grupper visas inte.',
  };
}

/** Points of the funnel plot: shown enheter with exposure, sorted by full-time equivalents. */
export interface FunnelPoint {
  name: string;
  fte: number;
  totalPct: number;
  limits: { lower95Pct: number; upper95Pct: number; lower998Pct: number; upper998Pct: number } | null;
}

export function funnelPoints(input: AnalysisTablesInput): FunnelPoint[] {
  const windowDays = daysInRange(input.analysis.window);
  return input.units
    .filter((unit) => unit.level === 'enhet' && unit.exposureDays > 0 && unit.totalPct !== null && !input.hidden.isHidden(visibilityKey(unit), 'window'))
    .map((unit) => ({ name: unit.name, fte: unit.exposureDays / windowDays, totalPct: unit.totalPct!, limits: funnelOf(unit) }))
    .sort((a, b) => a.fte - b.fte || a.name.localeCompare(b.name, 'sv'));
}

function funnelOf(unit: UnitFigures): FunnelPoint['limits'] {
  return unit.funnel;
}

function daysInRange(range: DateRange): number {
  return (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
}

function funnelTable(input: AnalysisTablesInput): AnalysisTable {
  const points = funnelPoints(input);
  return {
    sheet: 'Trattdiagram',
    title: 'Trattdiagrammets underlag: enheternas storlek, sjukfrånvaro och gränser',
    columns: [
      { header: 'Enhet', kind: 'text', width: 2.6 },
      { header: 'Årsarbetare i perioden', kind: 'decimal', width: 1.2 },
      { header: 'Totalt %', kind: 'pct', width: 0.9 },
      { header: 'Nedre 99,8 %', kind: 'pct', width: 1 },
      { header: 'Nedre 95 %', kind: 'pct', width: 1 },
      { header: 'Övre 95 %', kind: 'pct', width: 1 },
      { header: 'Övre 99,8 %', kind: 'pct', width: 1 },
    ],
    rows: points.map((point) => ({
      flagged: point.limits !== null && point.totalPct > point.limits.upper998Pct,
      cells: [point.name, point.fte, point.totalPct, point.limits?.lower998Pct ?? null, point.limits?.lower95Pct ?? null, point.limits?.upper95Pct ?? null, point.limits?.upper998Pct ?? null],
    })),
    note: 'Årsarbetare = heltidsdagar i perioden delat med periodens dagar. Gränserna gäller förvaltningens nivå med hänsyn till enhetens storlek (SPEC §3).',
  };
}

function ratesCells(rates: RatesThen | null, shown: boolean): AnalysisCell[] {
  if (!rates || !shown) return [null, null, null];
  return [pct(rates.shortPct), pct(rates.longPct), pct(rates.totalPct)];
}

function changesTable(input: AnalysisTablesInput): AnalysisTable {
  const { analysis, hidden } = input;
  const administrationShown = !hidden.isHidden(ADMINISTRATION_VISIBILITY_KEY, 'window');
  const rows: AnalysisRow[] = [];
  let hiddenCount = 0;
  for (const change of analysis.changes) {
    const key = change.level === 'administration' ? ADMINISTRATION_VISIBILITY_KEY : `verksamhet:${change.id}`;
    if (change.level === 'administration' ? !administrationShown : hidden.isHidden(key, 'window')) {
      hiddenCount += change.level === 'verksamhet' ? 1 : 0;
      continue;
    }
    const previousShown = !hidden.isHidden(key, 'previous');
    const yearShown = !hidden.yearEarlier.has(key);
    const previousTotal = previousShown ? (change.previousPeriod?.totalPct ?? null) : null;
    const yearTotal = yearShown ? (change.yearEarlier?.totalPct ?? null) : null;
    rows.push({
      emphasis: change.level === 'administration',
      cells: [
        change.level === 'administration' ? 'Förvaltningen' : change.name,
        ...ratesCells(change.now, true),
        ...ratesCells(change.previousPeriod, previousShown),
        ...ratesCells(change.yearEarlier, yearShown),
        difference(change.now.totalPct, previousTotal),
        difference(change.now.totalPct, yearTotal),
      ],
    });
  }
  // The administration last, as in the other tables.
  rows.push(...rows.splice(0, rows[0]?.emphasis ? 1 : 0));
  if (hiddenCount > 0) rows.splice(rows.length - 1, 0, { cells: [`${hiddenCount === 1 ? '1 verksamhet' : `${hiddenCount} verksamheter`} ${HIDDEN_ROW_TEXT}`, ...new Array<null>(11).fill(null)] });
  return {
    sheet: 'Förändringar',
    title: 'Sjukfrånvaro per verksamhet: nu, föregående period och ett år tidigare',
    columns: [
      { header: 'Verksamhet', kind: 'text', width: 2.8 },
      { header: 'Korttid % nu', kind: 'pct', width: 0.9 },
      { header: 'Långtid % nu', kind: 'pct', width: 0.9 },
      { header: 'Totalt % nu', kind: 'pct', width: 0.9 },
      { header: 'Korttid % föreg.', kind: 'pct', width: 0.9 },
      { header: 'Långtid % föreg.', kind: 'pct', width: 0.9 },
      { header: 'Totalt % föreg.', kind: 'pct', width: 0.9 },
      { header: 'Korttid % år innan', kind: 'pct', width: 0.9 },
      { header: 'Långtid % år innan', kind: 'pct', width: 0.9 },
      { header: 'Totalt % år innan', kind: 'pct', width: 0.9 },
      { header: 'Förändring mot föreg. (pe)', kind: 'pp', width: 1.1 },
      { header: 'Förändring mot år innan (pe)', kind: 'pp', width: 1.1 },
    ],
    rows,
    note:
      `Nu: ${rangeText(analysis.window)}. Föregående period: ${rangeText(analysis.previousWindow)}. Ett år tidigare: ${rangeText(analysis.yearEarlierWindow)}. ` +
      'Korttid = dag 1–14, långtid = dag 15 och framåt. "–" = ingen siffra eller för liten grupp i den perioden.',
  };
}

function trendTable(input: AnalysisTablesInput): AnalysisTable {
  const { analysis, hidden } = input;
  const months = analysis.trend.months;
  const byMonth = (group: string, rates: { month: IsoDate; totalPct: number | null }[] | undefined): AnalysisCell[] =>
    months.map((month) => (hidden.isHidden(group, month) ? null : pct(rates?.find((rate) => rate.month === month)?.totalPct)));
  const rows: AnalysisRow[] = Object.entries(analysis.trend.operations)
    .filter(([operation]) => !hidden.isHidden(`verksamhet:${operation}`, 'window'))
    .sort(([a], [b]) => a.localeCompare(b, 'sv'))
    .map(([operation, rates]) => ({ cells: [operation, ...byMonth(`verksamhet:${operation}`, rates)] }));
  if (!hidden.isHidden(ADMINISTRATION_VISIBILITY_KEY, 'window')) {
    rows.push({ emphasis: true, cells: ['Förvaltningen', ...byMonth(ADMINISTRATION_VISIBILITY_KEY, analysis.trend.administration)] });
  }
  return {
    sheet: 'Trend',
    title: 'Total sjukfrånvaro per månad, senaste 12 månaderna (%)',
    columns: [{ header: 'Verksamhet', kind: 'text', width: 2.6 }, ...months.map((month) => ({ header: month.slice(0, 7), kind: 'pct' as const, width: 0.8 }))],
    rows,
    note: 'Procent av arbetstiden (heltidsdagar) per kalendermånad. Små grupper visas inte.',
  };
}

function patternsTable(input: AnalysisTablesInput): AnalysisTable {
  const { patterns } = input.analysis;
  const rows: AnalysisRow[] = [
    { emphasis: true, cells: ['Öppna rehabärenden', patterns.openCases] },
    ...(['certificate', 'healthTalk', 'returnPlan', 'activity'] as const).map((check) => ({ cells: [`Brist: ${CHECK_LABELS[check].toLowerCase()}`, patterns.gapsByCheck[check]] })),
    ...(['systematic', 'partial', 'needs_support'] as const).map((assessment) => ({ cells: [`Bedömning: ${ASSESSMENT_LABELS[assessment].toLowerCase()}`, patterns.assessments[assessment]] })),
    { emphasis: true, cells: ['Anställningar med upprepad korttidsfrånvaro', patterns.repeatedShortTermEmployments] },
    { cells: ['… utan öppet rehabärende', patterns.repeatedShortTermWithoutCase] },
    { cells: ['… med ärende men utan hälsosamtal efter gränsen', patterns.repeatedShortTermWithoutHealthTalk] },
    { emphasis: true, cells: [`Sjukskrivna minst ${input.analysis.sickLeaveWithoutCaseFromDay} dagar utan öppet rehabärende`, patterns.uncoveredSickLeave] },
    ...patterns.managersByCaseCount.map((bucket) => ({ cells: [`Chefer med ${bucket.bucket === '6+' ? '6 eller fler' : bucket.bucket.replace('-', '–')} öppna ärenden`, bucket.managers] })),
    { emphasis: true, cells: ['Ärenden i arbetsböckerna som HR bedömt efter mötet', Object.values(patterns.hrAssessments).reduce((sum, count) => sum + count, 0) - patterns.hrAssessments.none] },
    ...(['systematic', 'partial', 'needs_support', 'deeper_support_offered'] as const).map((assessment) => ({
      cells: [`… ${HR_MEETING_ASSESSMENT_LABELS[assessment].toLowerCase()}`, patterns.hrAssessments[assessment]],
    })),
    { cells: ['Ärenden med HR:s anteckningar', patterns.casesWithHrNotes] },
    { cells: ['Ärenden med förslag på fortsatt arbete', patterns.casesWithHrProposals] },
  ];
  return {
    sheet: 'Övriga mönster',
    title: 'Övriga mönster i förvaltningen',
    columns: [
      { header: 'Mönster', kind: 'text', width: 5 },
      { header: 'Antal', kind: 'count', width: 1.2 },
    ],
    rows,
    note: 'Antal för hela förvaltningen. Ett ärende kan ha brister i flera kontroller.',
  };
}

function statutoryTable(input: AnalysisTablesInput): AnalysisTable {
  return {
    sheet: 'Kön och ålder',
    title: 'Förvaltningens sjukfrånvaro efter kön och ålder',
    columns: [
      { header: 'Grupp', kind: 'text', width: 3 },
      { header: 'Total sjukfrånvaro %', kind: 'pct', width: 1.6 },
    ],
    rows: input.analysis.patterns.statutory.map((figure) => ({
      cells: [STATUTORY_GROUP_LABELS[figure.group], figure.suppressed || input.hidden.isHidden(statutoryGroupKey(figure.group), 'window') ? null : pct(figure.totalPct)],
    })),
    note: 'Nyckeltal enligt lagen om kommunal bokföring och redovisning. "–" = gruppen är för liten för att redovisas.',
  };
}

function goalTable(input: AnalysisTablesInput): AnalysisTable {
  const { analysis, hidden } = input;
  const previous = analysis.previousRound;
  const shown = analysis.goal.operations.filter((row) => row.operation !== null && !hidden.caseOperations.has(row.operation));
  const hiddenCount = analysis.goal.operations.length - shown.length;
  const cells = (row: (typeof analysis.goal.operations)[number], label: string): AnalysisCell[] => [
    label,
    row.cases,
    row.withoutGaps,
    pct(row.sharePct),
    row.previous ? row.previous.cases : null,
    pct(row.previous?.sharePct),
    pct(row.changePp),
  ];
  const rows: AnalysisRow[] = shown.map((row) => ({ cells: cells(row, row.operation!) }));
  if (hiddenCount > 0) rows.push({ cells: [`${hiddenCount === 1 ? '1 verksamhet' : `${hiddenCount} verksamheter`} ${HIDDEN_ROW_TEXT}`, null, null, null, null, null, null] });
  rows.push({ emphasis: true, cells: cells(analysis.goal.total, 'Förvaltningen') });
  return {
    sheet: 'Rutinens mål',
    title: 'Rutinens mål: andel öppna ärenden med aktiv och aktuell planering',
    columns: [
      { header: 'Verksamhet', kind: 'text', width: 3 },
      { header: 'Öppna ärenden', kind: 'count', width: 1.1 },
      { header: 'Utan brister', kind: 'count', width: 1.1 },
      { header: 'Andel %', kind: 'pct', width: 1 },
      { header: previous ? `Ärenden ${previous.period}` : 'Ärenden föregående', kind: 'count', width: 1.2 },
      { header: previous ? `Andel % ${previous.period}` : 'Andel % föregående', kind: 'pct', width: 1.2 },
      { header: 'Förändring (pe)', kind: 'pp', width: 1.1 },
    ],
    rows,
    note:
      'Aktiv och aktuell planering = inga brister i checklistan (läkarintyg, hälsosamtal, plan för återgång, dokumentation och aktivitet). ' +
      (previous ? `Jämförelse med omgången ${previous.period} (uppgifter per ${previous.asOf}).` : 'Ingen tidigare omgång angiven (--previous).') +
      ` Verksamheter med färre än ${input.minGroupSize} ärenden visas inte, inte heller de som skulle göra det möjligt att räkna ut dem.`,
  };
}

function reflectionsTable(input: AnalysisTablesInput): AnalysisTable {
  const { analysis, hidden } = input;
  const rows: AnalysisRow[] = [];
  for (const entry of analysis.reflections) {
    // Texts are not figures: only a verksamhet too small to be shown at all keeps its texts out (they could name its few).
    if (hidden.isHidden(`verksamhet:${entry.operation}`, 'window')) continue;
    for (const [label, texts] of [['Reflektion', entry.overall], ['Risk', entry.risks], ['Behov', entry.needs]] as const) {
      for (const text of texts) rows.push({ cells: [entry.operation, label, text] });
    }
  }
  if (rows.length === 0) rows.push({ cells: ['Inga reflektioner inskrivna i arbetsböckerna.', null, null] });
  return {
    sheet: 'Reflektioner',
    title: 'HR-specialisternas reflektioner, risker och behov per verksamhet',
    columns: [
      { header: 'Verksamhet', kind: 'text', width: 2.4 },
      { header: 'Slag', kind: 'text', width: 1 },
      { header: 'Text från HR:s arbetsbok', kind: 'text', width: 8 },
    ],
    rows,
    note: 'Texterna är skrivna av HR-specialisterna efter uppföljningarna och återges som de skrevs, utan chefens namn.',
  };
}

export interface AnalysisTables {
  support: AnalysisTable;
  deviating: AnalysisTable;
  funnel: AnalysisTable;
  changes: AnalysisTable;
  trend: AnalysisTable;
  patterns: AnalysisTable;
  statutory: AnalysisTable;
  goal: AnalysisTable;
  reflections: AnalysisTable;
}

export function buildAnalysisTables(input: AnalysisTablesInput): AnalysisTables {
  return {
    support: supportTable(input),
    deviating: deviatingTable(input),
    funnel: funnelTable(input),
    changes: changesTable(input),
    trend: trendTable(input),
    patterns: patternsTable(input),
    statutory: statutoryTable(input),
    goal: goalTable(input),
    reflections: reflectionsTable(input),
  };
}

/** The summary's findings, stated as findings (SPEC §6), in Swedish. */
export function findingSentences(analysis: RehabAnalysis, deviationPp: number, hidden?: HiddenSets): string[] {
  // Shared material counts only the deviating units it shows: a count with hidden ones would tell they deviate.
  const shownDeviating = analysis.deviatingUnits.filter((entry) => !hidden?.isHidden(visibilityKey(entry.unit), 'window'));
  const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  return analysis.findings.flatMap((finding): string[] => {
    const v = finding.values;
    switch (finding.code) {
      case 'goal_share': {
        const share = number(v['sharePct']);
        if (share === null) return ['Det finns inga öppna rehabärenden att bedöma mot rutinens mål.'];
        const base = `${decimalText(share, 0)} % av de öppna rehabärendena (${v['withoutGaps']} av ${v['cases']}) har en aktiv och aktuell planering utan brister`;
        const change = number(v['changePp']);
        const previous = number(v['previousSharePct']);
        if (change !== null && previous !== null && analysis.previousRound) {
          return [`${base}; ${signedText(change)} procentenheter mot ${analysis.previousRound.period} (${decimalText(previous, 0)} %).`];
        }
        return [`${base}.`];
      }
      case 'deeper_support':
        return [
          `${v['managers']} av ${v['ofManagers']} chefer i ${v['operations']} ${v['operations'] === 1 ? 'verksamhet' : 'verksamheter'} bör erbjudas fördjupat stöd och hänvisas till sin verksamhetschef` +
            (number(v['byHr']) ? `; HR har redan erbjudit stöd till ${v['byHr']}.` : '.'),
        ];
      case 'deviating_units': {
        const byPp = hidden ? shownDeviating.filter((entry) => entry.byPpRule).length : (number(v['byPpRule']) ?? 0);
        const above = hidden ? shownDeviating.filter((entry) => entry.signal === 'high').length : (number(v['aboveFunnel']) ?? 0);
        if (byPp + above === 0) return [];
        const parts: string[] = [];
        if (byPp > 0) parts.push(`${byPp} ${byPp === 1 ? 'enhet har' : 'enheter har'} minst ${decimalText(deviationPp)} procentenheter högre sjukfrånvaro än förvaltningen`);
        if (above > 0) parts.push(`${above} ligger över trattdiagrammets 99,8-procentsgräns, mer än slumpen förklarar`);
        return [`${parts.join('; ')}.`.replace(/^./, (first) => first.toUpperCase())];
      }
      case 'absence_change': {
        const total = number(v['totalPct']);
        if (total === null) return [];
        const previous = number(v['previousTotalPct']);
        const year = number(v['yearEarlierTotalPct']);
        const changes = [
          previous !== null ? `${signedText(total - previous)} procentenheter mot föregående period` : null,
          year !== null ? `${signedText(total - year)} mot samma period ett år tidigare` : null,
        ].filter((part): part is string => part !== null);
        const split = number(v['shortPct']) !== null && number(v['longPct']) !== null ? ` (korttid ${decimalText(number(v['shortPct'])!)} %, långtid ${decimalText(number(v['longPct'])!)} %)` : '';
        return [`Sjukfrånvaron i förvaltningen är ${decimalText(total)} %${split}${changes.length > 0 ? `, ${changes.join(' och ')}` : ''}.`];
      }
      case 'uncovered_sick_leave':
        return [`${v['employments']} ${v['employments'] === 1 ? 'anställning har' : 'anställningar har'} en pågående sjukskrivning på minst ${v['fromDay']} dagar utan öppet rehabärende.`];
      case 'repeated_short_term':
        return [`${v['withoutCase']} av ${v['total']} anställningar med upprepad korttidsfrånvaro saknar öppet rehabärende.`];
      case 'missing_workbooks':
        return [`Reflektioner saknas för ${v['managers']} av ${v['ofManagers']} chefer: deras arbetsböcker har inte lämnats in.`];
      default:
        return [];
    }
  });
}
