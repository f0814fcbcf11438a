import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import { REFLECTIONS_LAYOUT } from '../../src/input/reflectionsSheet.js';
import { HR_SHEET_NAMES, caseKeyColumnCount, renderHrWorkbook } from '../../src/render/hrWorkbook.js';
import type { CellModel, RowModel, SheetModel, WorkbookModel } from '../../src/render/workbookModel.js';
import { CASES, HOSTILE_NAME, hrWorkbookInput } from './hrWorkbookInput.js';

function sheet(model: WorkbookModel, name: string): SheetModel {
  const found = model.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function row(model: SheetModel, rowNumber: number): RowModel {
  const found = model.rows[rowNumber - 1];
  if (!found) throw new Error(`no row ${rowNumber} in ${model.name}`);
  return found;
}

/** The cell's content as a comparable value: text, number, 'date:YYYY-MM-DD', '' for blank, null for none. */
function content(cell: CellModel | null | undefined): string | number | null {
  if (!cell) return null;
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return cell.value;
    case 'date':
      return `date:${cell.date}`;
    case 'blank':
      return '';
  }
}

function rowContents(model: SheetModel, rowNumber: number): (string | number | null)[] {
  return row(model, rowNumber).cells.map(content);
}

function findRow(model: SheetModel, firstCell: string): RowModel {
  const found = model.rows.find((candidate) => content(candidate.cells[0]) === firstCell);
  if (!found) throw new Error(`no row starting with ${firstCell}`);
  return found;
}

function allTexts(model: WorkbookModel): string[] {
  return model.sheets.flatMap((s) => s.rows.flatMap((r) => r.cells.flatMap((c) => (c?.kind === 'text' ? [c.text] : []))));
}

describe('renderHrWorkbook', () => {
  const model = renderHrWorkbook(hrWorkbookInput());

  it('has the six sheets in order, the list sheet hidden, and valid short names', () => {
    expect(model.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Översikt', 'visible'],
      ['Ärenden', 'visible'],
      ['Sjukfrånvaro utan ärende', 'visible'],
      ['Upprepad korttidsfrånvaro', 'visible'],
      ['Reflektioner', 'visible'],
      ['Listor', 'hidden'],
    ]);
    for (const s of model.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\']/);
    }
    expect(model.title).toBe('HR:s förberedelse vid rehabiliteringsuppföljning – 2027-vår');
    expect(model.title).not.toContain('Anna');
    expect(model.created).toBe('2027-02-10');
  });

  it('shows the period, manager, data window and as-of on Översikt', () => {
    const overview = sheet(model, HR_SHEET_NAMES.overview);
    expect(content(row(overview, 1).cells[0])).toBe('HR:s förberedelse vid rehabiliteringsuppföljning – 2027-vår');
    expect(rowContents(overview, 2)).toEqual(['Enhetschef', 'Anna Berg']);
    expect(rowContents(overview, 3)).toEqual(['HR-specialist', 'Karin Holm']);
    expect(rowContents(overview, 4)).toEqual(['Dataperiod', '2026-08-01 – 2027-01-31']);
    expect(rowContents(overview, 5)).toEqual(['Jämförelseperiod', '2026-02-01 – 2026-07-31']);
    expect(rowContents(overview, 6)).toEqual(['Uppgifter per', 'date:2027-02-10']);
    expect(overview.printTitleRows).toEqual({ from: 1, to: 1 });
  });

  it('lists the units by name, then the administration, with change and difference in pp', () => {
    const overview = sheet(model, HR_SHEET_NAMES.overview);
    const header = overview.rows.findIndex((r) => r.style === 'header') + 1;
    expect(rowContents(overview, header)).toEqual([
      'Enhet', 'Anställda', 'Korttid %', 'Långtid %', 'Totalt %', 'Föregående period %', 'Förändring (pe)', 'Skillnad mot förvaltningen (pe)', 'Avviker', 'Med hänsyn till storlek',
    ]);
    // Solrosen: change 9.5 − 7 = 2.5, difference 3.5 → deviates. Lärkan: change 5 − 4 = 1, difference −1.
    expect(rowContents(overview, header + 1)).toEqual(['Daglig verksamhet Solrosen', 20, 3.25, 6.25, 9.5, 7, 2.5, 3.5, 'Ja', '–']);
    expect(row(overview, header + 1).cells[8]).toMatchObject({ status: 'gap' });
    expect(rowContents(overview, header + 2)).toEqual(['Gruppbostad Lärkan', 20, 2, 3, 5, 4, 1, -1, 'Nej', '–']);
    expect(row(overview, header + 2).cells[8]).not.toHaveProperty('status');
    // Administration: change 6 − 6.5 = −0.5.
    expect(rowContents(overview, header + 3)).toEqual(['Förvaltningen för funktionsstöd', 900, 2, 4, 6, 6.5, -0.5, '–', '–', '–']);
    expect(row(overview, header + 3).style).toBe('total');
    expect(row(overview, header + 1).cells[6]).toMatchObject({ kind: 'number', format: 'signedDecimal1' });
    expect(row(overview, header + 1).cells[2]).toMatchObject({ kind: 'number', format: 'decimal1' });
    expect(content(row(overview, header + 4).cells[0])).toContain('minst 2,0 pe högre');
  });

  it('shows a dash for a rate without exposure and notes suppressed units', () => {
    const input = hrWorkbookInput();
    const [first, second] = input.units;
    const model2 = renderHrWorkbook({
      ...input,
      units: [{ ...first!, totalPct: null, diffPp: null, previousTotalPct: null, suppressed: true }, second!],
    });
    const overview = sheet(model2, HR_SHEET_NAMES.overview);
    expect(content(findRow(overview, 'Daglig verksamhet Solrosen').cells[4])).toBe('–');
    expect(content(findRow(overview, 'Daglig verksamhet Solrosen').cells[6])).toBe('–');
    expect(allTexts(model2)).toContain('Enheter med färre än 5 anställda markeras inte som avvikande.');
    expect(allTexts(model)).not.toContain('Enheter med färre än 5 anställda markeras inte som avvikande.');
  });

  it('summarises the cases: counts per assessment, gaps per check, deeper support', () => {
    const overview = sheet(model, HR_SHEET_NAMES.overview);
    const value = (label: string) => content(findRow(overview, label).cells[1]);
    expect(value('Öppna ärenden')).toBe(4);
    expect(value('Bedrivs systematiskt')).toBe(1); // C-101
    expect(value('Delvis systematiskt')).toBe(2); // C-102, C-104
    expect(value('Behöver stöd')).toBe(1); // C-103
    expect(value('Brister: giltigt läkarintyg')).toBe(1);
    expect(value('Brister: genomfört hälsosamtal')).toBe(2);
    expect(value('Brister: plan för återgång i arbete')).toBe(1);
    expect(value('Brister: löpande dokumentation och aktivitet')).toBe(2);
    expect(value('Brister totalt')).toBe(6);
    expect(value('Fördjupat stöd bör erbjudas')).toBe('Nej');
    expect(value('Upprepad korttidsfrånvaro (anställningar)')).toBe(1);

    const withSupport = renderHrWorkbook(hrWorkbookInput({ caseSummary: { ...hrWorkbookInput().caseSummary!, deeperSupport: true } }));
    const supportCell = findRow(sheet(withSupport, HR_SHEET_NAMES.overview), 'Fördjupat stöd bör erbjudas').cells[1];
    expect(supportCell).toEqual({ kind: 'text', text: 'Ja', status: 'gap' });

    const none = renderHrWorkbook(hrWorkbookInput({ cases: [], caseSummary: null, repeatedShortTerm: [] }));
    const noneOverview = sheet(none, HR_SHEET_NAMES.overview);
    expect(content(findRow(noneOverview, 'Öppna ärenden').cells[1])).toBe(0);
    expect(content(findRow(noneOverview, 'Brister totalt').cells[1])).toBe(0);
    expect(content(findRow(noneOverview, 'Fördjupat stöd bör erbjudas').cells[1])).toBe('Nej');
  });

  it('has one row per case: each check status beside its date, assessment, milestone; the columns for HR after', () => {
    const cases = sheet(model, HR_SHEET_NAMES.cases);
    expect(rowContents(cases, 3)).toEqual([
      'Ärende', 'Medarbetare', 'Enhet', 'Dag',
      'Läkarintyg', 'Intyg t.o.m.', 'Hälsosamtal', 'Hälsosamtal senast', 'Plan för återgång i arbete', 'Plan datum', 'Dokumentation och aktivitet', 'Aktivitet datum',
      'Bedömning', 'Nästa milstolpe', 'Milstolpe datum',
      'HR:s anteckningar', 'Förslag på fortsatt arbete', 'Ärendetyp', 'Öppnat', 'Sjukperiod från', 'Brister',
      'Plan upprättad', 'Plan reviderad', 'Plan uppföljning', 'Dokumenterat senast', 'Nästa aktivitet',
    ]);
    // Sorted by unit, then case: Solrosen (C-102) before Lärkan (C-101, C-103, C-104).
    expect(cases.rows.slice(3, 7).map((r) => content(r.cells[0]))).toEqual(['C-102', 'C-101', 'C-103', 'C-104']);

    // C-103 at 2027-02-10: the date behind each status; day 365 on 2027-07-25 is 165 days away, so not marked.
    expect(rowContents(cases, 6)).toEqual([
      'C-103', 'Maria Öberg', 'Gruppbostad Lärkan', 200,
      'Har gått ut', 'date:2027-01-31', 'Äldre än 12 månader', 'date:2025-09-01', 'Saknas', '', 'Ingen aktuell dokumentation', 'date:2026-12-01',
      'Behöver stöd', 'Dag 365', 'date:2027-07-25',
      '', '', 'Långtidsfrånvaro', 'date:2026-11-02', 'date:2026-07-26', 4, '', '', '', 'date:2026-12-01', '',
    ]);
    // C-101 is ok throughout: the plan's date is when it was made, the activity's the next planned one.
    expect(rowContents(cases, 5).slice(4, 12)).toEqual(['Ja', 'date:2027-03-31', 'Ja', 'date:2026-12-01', 'Aktuell', 'date:2027-01-20', 'Ja', 'date:2027-02-20']);
    expect(content(row(cases, 4).cells[1])).toBe(HOSTILE_NAME);
    // C-104 has no current period: day and milestone are empty.
    expect(rowContents(cases, 7).slice(3, 4)).toEqual(['']);
    expect(rowContents(cases, 7).slice(13, 15)).toEqual(['–', '']);
  });

  it('colours status columns by rules that follow edits by HR, and offers the same words as a drop-down', () => {
    const cases = sheet(model, HR_SHEET_NAMES.cases);
    // Status cells carry no fixed colour: the conditional format decides.
    expect(row(cases, 6).cells.slice(4, 13).every((cell) => !cell || !('status' in cell) || cell.status === undefined)).toBe(true);
    const certificate = cases.statusFormats!.find((format) => format.range.fromColumn === 5)!;
    expect(certificate.range).toEqual({ fromRow: 4, fromColumn: 5, toRow: 7, toColumn: 5 });
    expect(certificate.rules).toEqual([
      { text: 'Ja', status: 'ok' },
      { text: 'Saknas', status: 'gap' },
      { text: 'Har gått ut', status: 'gap' },
      { text: 'Går snart ut', status: 'warning' },
      { text: 'Ej aktuellt', status: 'not_applicable' },
    ]);
    expect(cases.statusFormats!.map((format) => format.range.fromColumn)).toEqual([5, 7, 9, 11, 13]);
    // Each status column has a drop-down of exactly its words, from the hidden Listor sheet.
    const lists = sheet(model, HR_SHEET_NAMES.lists);
    for (const format of cases.statusFormats!) {
      const validation = cases.validations!.find((v) => v.range.fromColumn === format.range.fromColumn)!;
      expect(validation.source.sheet).toBe('Listor');
      const column = validation.source.range.fromColumn;
      const words = lists.rows.slice(validation.source.range.fromRow - 1, validation.source.range.toRow).map((r) => content(r.cells[column - 1]));
      expect(words).toEqual(format.rules.map((rule) => rule.text));
    }
  });

  it('marks a milestone within 14 days and says how soon', () => {
    // Day 90 on 2027-02-20 is 10 days after 2027-02-10.
    const soon = { ...CASES[0]!, nextMilestone: { day: 90 as const, date: '2027-02-20' } };
    const cases = sheet(renderHrWorkbook(hrWorkbookInput({ cases: [soon] })), HR_SHEET_NAMES.cases);
    expect(row(cases, 4).cells[13]).toEqual({ kind: 'text', text: 'Dag 90 om 10 dagar', status: 'warning' });
    expect(row(cases, 4).cells[14]).toEqual({ kind: 'date', date: '2027-02-20', status: 'warning' });
    const tomorrow = { ...CASES[0]!, nextMilestone: { day: 365 as const, date: '2027-02-11' } };
    expect(content(row(sheet(renderHrWorkbook(hrWorkbookInput({ cases: [tomorrow] })), HR_SHEET_NAMES.cases), 4).cells[13])).toBe('Dag 365 om 1 dag');
  });

  it('prints the key columns on one A4 page across at 8 pt or more, the rest on the next page with the case repeated', () => {
    const input = hrWorkbookInput();
    const cases = sheet(renderHrWorkbook(input), HR_SHEET_NAMES.cases);
    expect(cases.print).toEqual({ scale: 85, titleColumns: { from: 1, to: 2 } });
    expect(cases.tableFontSize! * (cases.print!.scale / 100)).toBeGreaterThanOrEqual(8);
    // Excel: a column of width w is about 7·w + 5 pixels at 96 dpi (Calibri 11); A4 landscape less 0.5 in margins is 10.69 in = 1026 px.
    const pixels = (columns: typeof cases.columns) => columns.reduce((sum, column) => sum + 7 * column.width + 5, 0) * (cases.print!.scale / 100);
    const keyCount = caseKeyColumnCount(input);
    expect(keyCount).toBe(15);
    expect(pixels(cases.columns.slice(0, keyCount))).toBeLessThanOrEqual(1026);
    // The first of HR's columns does not fit beside them, so the page breaks right after the key columns.
    expect(pixels(cases.columns.slice(0, keyCount + 1))).toBeGreaterThan(1026);
    // The rest, with Ärende and Medarbetare repeated, fits the second page.
    expect(pixels([...cases.columns.slice(0, 2), ...cases.columns.slice(keyCount)])).toBeLessThanOrEqual(1026);
  });

  it('sets filter, frozen header and print titles on the case table', () => {
    const cases = sheet(model, HR_SHEET_NAMES.cases);
    expect(cases.autoFilter).toEqual({ fromRow: 3, fromColumn: 1, toRow: 7, toColumn: 26 });
    expect(cases.frozen).toEqual({ rows: 3, columns: 2 });
    expect(cases.printTitleRows).toEqual({ from: 3, to: 3 });
    expect(cases.columns).toHaveLength(26);
    // No merged header cells: readers (aggregate) find every column by its header in one row.
    expect(cases.merges ?? []).toEqual([]);
  });

  it('says so when there is no open case', () => {
    const empty = sheet(renderHrWorkbook(hrWorkbookInput({ cases: [], caseSummary: null })), HR_SHEET_NAMES.cases);
    expect(rowContents(empty, 4)).toEqual(['Inga öppna rehabärenden.']);
    expect(empty.autoFilter).toEqual({ fromRow: 3, fromColumn: 1, toRow: 4, toColumn: 26 });
    expect(empty.validations).toEqual([]);
  });

  it('writes the reason of a failing check in full with the date behind it', () => {
    const overdue = {
      ...CASES[0]!,
      checks: { ...CASES[0]!.checks, returnPlan: 'outdated' as const, activity: 'inactive' as const },
      reasons: { returnPlan: { code: 'follow_up_overdue' as const, date: '2027-01-17' }, activity: { code: 'documentation_stale' as const, date: '2026-12-20' } },
    };
    const cases = sheet(renderHrWorkbook(hrWorkbookInput({ cases: [overdue] })), HR_SHEET_NAMES.cases);
    // A plan made 2027-01-20 whose follow-up date 2027-01-17 has passed: not "Inaktuell" but the reason and its date.
    expect(rowContents(cases, 4).slice(8, 12)).toEqual(['Uppföljning passerad', 'date:2027-01-17', 'Ingen dokumentation på 30 dagar', 'date:2026-12-20']);
  });

  it('lists sick leave without a case on its own sheet, longest first, and counts it on Översikt', () => {
    const uncovered = [
      { employmentId: 'A-7', employeeName: 'Kim Ek', unitId: 'E1', unitName: 'Gruppbostad Lärkan', operation: 'Boende', department: 'Avd', manager: 'anna.berg@example.se', managerName: 'Anna Berg', periodStart: '2027-01-20', dayNumber: 22, extent: 50, nextMilestone: { day: 90 as const, date: '2027-04-19' } },
      // Day 180 on 2027-02-20 is 10 days after 2027-02-10: marked.
      { employmentId: 'A-8', employeeName: 'Lo Berg', unitId: 'E2', unitName: 'Daglig verksamhet Solrosen', operation: 'Boende', department: 'Avd', manager: 'anna.berg@example.se', managerName: 'Anna Berg', periodStart: '2026-08-24', dayNumber: 171, extent: 100, nextMilestone: { day: 180 as const, date: '2027-02-20' } },
    ];
    const workbook = renderHrWorkbook(hrWorkbookInput({ uncoveredSickLeave: uncovered }));
    const list = sheet(workbook, HR_SHEET_NAMES.uncoveredSickLeave);
    expect(rowContents(list, 3)).toEqual(['Medarbetare', 'Enhet', 'Sjuk sedan', 'Dag', 'Omfattning %', 'Nästa milstolpe', 'Milstolpe datum', 'HR:s anteckningar']);
    expect(rowContents(list, 4)).toEqual(['Lo Berg', 'Daglig verksamhet Solrosen', 'date:2026-08-24', 171, 100, 'Dag 180 om 10 dagar', 'date:2027-02-20', '']);
    expect(rowContents(list, 5)).toEqual(['Kim Ek', 'Gruppbostad Lärkan', 'date:2027-01-20', 22, 50, 'Dag 90', 'date:2027-04-19', '']);
    expect(row(list, 4).cells[5]).toMatchObject({ status: 'warning' });
    const overview = sheet(workbook, HR_SHEET_NAMES.overview);
    expect(content(findRow(overview, 'Sjukfrånvaro utan rehabärende (dag 15 eller mer)').cells[1])).toBe(2);
    expect(content(findRow(overview, 'Milstolpar inom 14 dagar').cells[1])).toBe(1);
    const none = sheet(renderHrWorkbook(hrWorkbookInput()), HR_SHEET_NAMES.uncoveredSickLeave);
    expect(rowContents(none, 4)).toEqual(['Ingen medarbetare är sjukskriven från dag 15 utan rehabärende.']);
  });

  it('shows the funnel signal beside the pp rule, red above the 99.8 % limit', () => {
    const input = hrWorkbookInput();
    const units = [{ ...input.units[0]!, signal: 'high' as const }, { ...input.units[1]!, signal: 'watch_low' as const }];
    const overview = sheet(renderHrWorkbook({ ...input, units }), HR_SHEET_NAMES.overview);
    const header = overview.rows.findIndex((r) => r.style === 'header') + 1;
    expect(row(overview, header + 1).cells[9]).toEqual({ kind: 'text', text: 'Över 99,8 %-gränsen', status: 'gap' });
    expect(row(overview, header + 2).cells[9]).toEqual({ kind: 'text', text: 'Under 95 %-gränsen' });
  });

  it('lists repeated short-term absence with the threshold period in the header', () => {
    const repeated = sheet(model, HR_SHEET_NAMES.repeatedShortTerm);
    expect(rowContents(repeated, 3)).toEqual(['Medarbetare', 'Enhet', 'Antal sjukperioder', 'Sjätte periodens start', 'Ärende', 'Iakttagelse', 'HR:s anteckningar']);
    expect(rowContents(repeated, 4)).toEqual(['Johan Ek', 'Gruppbostad Lärkan', 7, 'date:2026-10-05', '–', 'Inget öppet rehabärende', '']);
    expect(content(row(repeated, 2).cells[0])).toBe('Anställningar med minst 6 sjukperioder som började under de 12 månader som slutar 2027-01-31.');

    const eight = sheet(renderHrWorkbook(hrWorkbookInput({ thresholds: { ...DEFAULT_THRESHOLDS, repeatedShortTermPeriods: 8 } })), HR_SHEET_NAMES.repeatedShortTerm);
    expect(content(row(eight, 3).cells[3])).toBe('Åttonde periodens start');
  });

  it('lays out Reflektioner for the reader: marker, keys, drop-downs from the list sheet', () => {
    const reflections = sheet(model, HR_SHEET_NAMES.reflections);
    expect(content(row(reflections, 1).cells[0])).toBe(REFLECTIONS_LAYOUT.marker);
    expect(reflections.columns[0]).toMatchObject({ hidden: true });
    const keyed = (key: string) => reflections.rows.findIndex((r) => content(r.cells[0]) === key) + 1;
    expect(rowContents(reflections, keyed('period')).slice(1)).toEqual(['Period', '2027-vår']);
    expect(rowContents(reflections, keyed('manager_email')).slice(1)).toEqual(['E-post', 'anna.berg@example.se']);
    expect(content(row(reflections, keyed('overall')).cells[1])).toBe('Övergripande reflektioner');
    expect(content(row(reflections, keyed('risks')).cells[1])).toBe('Risker');
    expect(content(row(reflections, keyed('needs')).cells[1])).toBe('Behov');
    const caseRows = ['C-102', 'C-101', 'C-103', 'C-104'].map((id) => keyed(`case:${id}`));
    expect(caseRows).toEqual([13, 14, 15, 16]);
    expect(rowContents(reflections, 12).slice(1)).toEqual(['Ärende', 'Medarbetare', 'Enhet', 'Bedömning inför mötet', 'HR:s bedömning efter mötet', 'Kommentar']);

    const lists = sheet(model, HR_SHEET_NAMES.lists);
    const listColumn = (column: number, from: number, to: number) =>
      lists.rows.slice(from - 1, to).map((r) => content(r.cells[column - 1]));
    const [deeperSupport, assessments] = reflections.validations ?? [];
    expect(deeperSupport?.range).toEqual({ fromRow: keyed('deeper_support_booked'), fromColumn: 3, toRow: keyed('deeper_support_booked'), toColumn: 3 });
    expect(deeperSupport?.source.sheet).toBe('Listor');
    const yesNo = deeperSupport!.source.range;
    expect(listColumn(yesNo.fromColumn, yesNo.fromRow, yesNo.toRow)).toEqual(['Ja', 'Nej']);
    expect(assessments?.range).toEqual({ fromRow: 13, fromColumn: 6, toRow: 16, toColumn: 6 });
    const choices = assessments!.source.range;
    expect(listColumn(choices.fromColumn, choices.fromRow, choices.toRow)).toEqual([
      'Bedrivs systematiskt', 'Delvis systematiskt', 'Behöver stöd', 'Fördjupat stöd erbjudet',
    ]);
    expect(reflections.merges).toEqual([7, 8, 9].map((r) => ({ fromRow: r, fromColumn: 3, toRow: r, toColumn: 7 })));
    // Printed over several pages, the case table's header repeats.
    expect(reflections.printTitleRows).toEqual({ from: 12, to: 12 });
  });

  it('has no drop-down for cases when there are none', () => {
    const reflections = sheet(renderHrWorkbook(hrWorkbookInput({ cases: [], caseSummary: null })), HR_SHEET_NAMES.reflections);
    expect(reflections.validations).toHaveLength(1);
    expect(reflections.rows.some((r) => content(r.cells[1]) === 'Inga öppna rehabärenden.')).toBe(true);
  });

  it('writes no personnummer and names only the manager, the HR specialist and the employees', () => {
    const texts = allTexts(model).join('\n');
    expect(texts).not.toMatch(/\b(\d{2})?\d{6}[-+]?\d{4}\b/);
    for (const evaluation of CASES) expect(texts).toContain(evaluation.employeeName);
  });
});
