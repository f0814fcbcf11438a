import { beforeAll, describe, expect, it } from 'vitest';
import type { TableSlide } from '../../src/render/deckModel.js';
import { buildHrDeck, CASE_ROWS_PER_SLIDE } from '../../src/render/hrDeck.js';
import { renderPptx } from '../../src/write/pptxWriter.js';
import { chartSeries, EMPLOYEE_NAMES, hrDeckInput, isHidden, packageProblems, slideText, slidesInOrder, summaryOf, twelveCases, unzipXml } from './deckTestData.js';

const cellTexts = (slide: TableSlide): string[][] =>
  slide.rows.map((row) => row.cells.map((cell) => (cell.kind === 'text' ? cell.text : String(cell.value))));

describe('buildHrDeck (model)', () => {
  const deck = buildHrDeck(hrDeckInput());

  it('has the slides of Alt. 2 in order', () => {
    expect(deck.slides.map((slide) => `${slide.kind}: ${slide.title}`)).toEqual([
      'title: HR:s förberedelse vid rehabiliteringsuppföljning',
      'barChart: Sjukfrånvaro per enhet jämfört med förvaltningen',
      'table: Sjukfrånvaro i siffror',
      'lineChart: Sjukfrånvaro månad för månad, senaste 12 månaderna',
      'table: Översikt över rehabiliteringsärendena',
      'table: Ärenden',
      'table: Ärenden (forts.)',
      'table: Upprepad korttidsfrånvaro',
      'bullets: Att ta upp på mötet / Förslag på fortsatt arbete',
    ]);
    expect(deck.slides.every((slide) => !slide.hidden)).toBe(true);
  });

  it('keeps the manager name off the document title', () => {
    expect(deck.title).toBe('HR:s förberedelse vid rehabiliteringsuppföljning 2027-vår');
    const title = deck.slides[0]!;
    expect(title.kind === 'title' && title.details).toContain('Enhetschef: Karin Lindqvist');
  });

  it('compares each unit with the administration', () => {
    const table = deck.slides[2] as TableSlide;
    // Solrosen: change 9.75 − 8.5 = 1.25; difference 9.75 − 7.0 = 2.75 (deviates → red). Hamnen: 5 − 6 = −1, 5 − 7 = −2.
    expect(cellTexts(table)).toEqual([
      ['Gruppbostad Solrosen', '3.25', '6.5', '9.75', '1.25', '2.75'],
      ['Daglig verksamhet Hamnen', '2', '3', '5', '-1', '-2'],
      ['Förvaltningen', '2.8', '4.2', '7', '-0.5', ''],
    ]);
    expect(table.rows[0]!.cells[5]).toMatchObject({ tone: 'bad', signed: true });
    expect(table.rows[1]!.cells[5]!.tone).toBeUndefined();
    expect(table.rows[2]!.emphasis).toBe(true);
  });

  it('continues the case table on a second slide, cases needing support first', () => {
    const [first, second] = [deck.slides[5] as TableSlide, deck.slides[6] as TableSlide];
    expect(first.rows).toHaveLength(CASE_ROWS_PER_SLIDE);
    expect(second.rows).toHaveLength(12 - CASE_ROWS_PER_SLIDE);
    expect(first.columns.map((column) => column.header)).toEqual(['Ärende', 'Medarbetare', 'Enhet', 'Dag', 'Läkarintyg', 'Hälsosamtal', 'Plan', 'Aktivitet', 'Bedömning', 'Nästa milstolpe']);
    // 4 need support (R-100..103), then 2 partial, then 6 systematic.
    expect([...cellTexts(first), ...cellTexts(second)].map((row) => `${row[0]} ${row[8]}`)).toEqual([
      'R-100 Behöver stöd', 'R-101 Behöver stöd', 'R-102 Behöver stöd', 'R-103 Behöver stöd',
      'R-104 Delvis systematiskt', 'R-105 Delvis systematiskt',
      'R-106 Bedrivs systematiskt', 'R-107 Bedrivs systematiskt', 'R-108 Bedrivs systematiskt', 'R-109 Bedrivs systematiskt', 'R-110 Bedrivs systematiskt', 'R-111 Bedrivs systematiskt',
    ]);
    expect(cellTexts(first)[0]).toEqual(['R-100', 'Astrid Öberg', 'Gruppbostad Solrosen', '72', 'Har gått ut', 'Ja', 'Saknas', 'Ja', 'Behöver stöd', 'Dag 90: 2027-02-28']);
    expect(cellTexts(first)[4]!.slice(4, 8)).toEqual(['Går snart ut', 'Ja', 'Ej aktuellt', 'Ingen planerad aktivitet']);
    expect(first.rows[4]!.cells[4]!.tone).toBe('warning'); // expiring is a warning, not a gap
    expect(first.rows[4]!.cells[6]!.tone).toBeUndefined(); // not applicable: no colour
    expect(first.rows[0]!.cells[6]!.tone).toBe('bad');
  });

  it('sums the case overview and says when deeper support should be offered', () => {
    const overview = deck.slides[4] as TableSlide;
    // 4 of 12 need support: 4 ≥ 3 → offer deeper support. Gaps: 4 × 2 + 2 × 1 = 10.
    expect(overview.highlight).toBe('Fördjupat stöd bör erbjudas: 4 av 12 ärenden behöver stöd.');
    expect(cellTexts(overview)).toEqual([
      ['Öppna rehabärenden', '12'],
      ['Bedömning: Bedrivs systematiskt', '6'],
      ['Bedömning: Delvis systematiskt', '2'],
      ['Bedömning: Behöver stöd', '4'],
      ['Brister: Giltigt läkarintyg', '4'],
      ['Brister: Genomfört hälsosamtal', '0'],
      ['Brister: Plan för återgång i arbete', '4'],
      ['Brister: Löpande dokumentation och aktivitet', '2'],
      ['Brister totalt', '10'],
      ['Upprepad korttidsfrånvaro att ta upp', '2'],
    ]);
    const fewCases = twelveCases().slice(6, 9);
    const calm = buildHrDeck(hrDeckInput({ cases: fewCases, summary: summaryOf(fewCases) }));
    expect((calm.slides.find((slide) => slide.title === 'Översikt över rehabiliteringsärendena') as TableSlide).highlight).toBeUndefined();
  });

  it('splits the trend into charts of five units, each with the administration', () => {
    const base = hrDeckInput();
    const units = Array.from({ length: 7 }, (_, index) => ({ ...base.units[0]!, id: `U${index}`, name: `Enhet ${index}` }));
    const trends = buildHrDeck({ ...base, units }).slides.filter((slide) => slide.kind === 'lineChart');
    expect(trends.map((slide) => [slide.title, slide.kind === 'lineChart' ? slide.chart.series.map((series) => series.name) : []])).toEqual([
      ['Sjukfrånvaro månad för månad, senaste 12 månaderna', ['Enhet 0', 'Enhet 1', 'Enhet 2', 'Enhet 3', 'Enhet 4', 'Förvaltningen']],
      ['Sjukfrånvaro månad för månad, senaste 12 månaderna (forts.)', ['Enhet 5', 'Enhet 6', 'Förvaltningen']],
    ]);
  });

  it('says so when there are no cases and no repeated short-term absence', () => {
    const empty = buildHrDeck(hrDeckInput({ cases: [], summary: summaryOf([]), repeatedShortTerm: [] }));
    const texts = empty.slides.filter((slide) => slide.kind === 'bullets').map((slide) => (slide.kind === 'bullets' ? slide.paragraphs[0]!.text : ''));
    expect(texts).toEqual([
      'Chefen har inga öppna rehabärenden vid uppföljningen.',
      'Ingen medarbetare med upprepad korttidsfrånvaro behöver tas upp den här perioden.',
      'Att ta upp på mötet',
    ]);
  });
});

describe('buildHrDeck written as .pptx', () => {
  let xml: Map<string, string>;
  let slides: string[];
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderPptx(buildHrDeck(hrDeckInput()));
    xml = await unzipXml(buffer);
    slides = slidesInOrder(xml);
  });

  it('is a package PowerPoint need not repair, with nothing hidden', async () => {
    expect(await packageProblems(buffer)).toEqual([]);
    expect(slides).toHaveLength(9);
    expect(slides.some(isHidden)).toBe(false);
  });

  it('has native charts: short/long bars per unit and the administration, monthly lines', () => {
    const bar = chartSeries(xml.get('ppt/charts/chart1.xml')!);
    // Two categories' names are long → horizontal bars, written bottom-up (reversed); 3.25 → 3.3 as in the table.
    expect(bar).toEqual([
      { name: 'Långtid (dag 15–)', categories: ['Förvaltningen', 'Daglig verksamhet Hamnen', 'Gruppbostad Solrosen'], values: [4.2, 3, 6.5] },
      { name: 'Korttid (dag 1–14)', categories: ['Förvaltningen', 'Daglig verksamhet Hamnen', 'Gruppbostad Solrosen'], values: [2.8, 2, 3.3] },
    ]);
    const line = chartSeries(xml.get('ppt/charts/chart2.xml')!);
    expect(line.map((series) => series.name)).toEqual(['Gruppbostad Solrosen', 'Daglig verksamhet Hamnen', 'Förvaltningen']);
    expect(line[0]!.categories[0]).toBe('feb 2026');
    expect(line[0]!.categories[11]).toBe('jan 2027');
    expect(line[1]!.values).toEqual([null, null, 5, 5.5, 4, 4.5, 5, 5.5, 6, 4.5, 5, 4.5]);
    expect(line[2]!.values[11]).toBe(7.3);
  });

  it('shows employee names (HR material) but keeps them and the manager out of the file properties', () => {
    const all = slides.map(slideText).join('\n');
    for (const name of EMPLOYEE_NAMES) expect(all).toContain(name);
    expect(all).toContain('Ärenden (forts.)');
    expect(all).toContain('Fördjupat stöd bör erbjudas');
    expect(all).toContain('Inget hälsosamtal efter den sjätte sjukperioden');
    const properties = `${xml.get('docProps/core.xml')}${xml.get('docProps/app.xml')}`;
    expect(properties).not.toContain('Karin');
    expect(properties).not.toContain('Öberg');
  });
});
