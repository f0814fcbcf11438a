import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvaluation } from '../../src/core/caseChecklist.js';
import type { DeckModel, TableSlide } from '../../src/render/deckModel.js';
import { buildHrDeck } from '../../src/render/hrDeck.js';
import { renderPptx } from '../../src/write/pptxWriter.js';
import { chartSeries, EMPLOYEE_NAMES, hrDeckInput, isHidden, packageProblems, slideText, slidesInOrder, summaryOf, twelveCases, unzipXml } from './deckTestData.js';

const cellTexts = (slide: TableSlide): string[][] =>
  slide.rows.map((row) => row.cells.map((cell) => (cell.kind === 'text' ? cell.text : String(cell.value))));

/** A case with the core's reasons (SPEC §4) — the date behind each failing check. */
function withReasons(evaluation: CaseEvaluation, reasons: Record<string, { code: string; date: string | null }>): CaseEvaluation {
  return { ...evaluation, reasons } as CaseEvaluation;
}

const bulletTexts = (deck: DeckModel): string[] =>
  deck.slides.flatMap((slide) => (slide.kind === 'bullets' && slide.title.startsWith('Att ta upp') ? slide.paragraphs.map((p) => `${p.style}: ${p.text}`) : []));

describe('buildHrDeck (model)', () => {
  const deck = buildHrDeck(hrDeckInput());

  it('opens with what to raise at the meeting, then figures, overview, cases and repeated short-term absence', () => {
    const kinds = deck.slides.map((slide) => `${slide.kind}: ${slide.title}`);
    expect(kinds[0]).toBe('title: HR:s förberedelse vid rehabiliteringsuppföljning');
    expect(kinds[1]).toBe('bullets: Att ta upp på mötet');
    const afterToRaise = kinds.filter((kind) => !kind.startsWith('bullets: Att ta upp')).slice(1);
    expect(afterToRaise).toEqual([
      'barChart: Sjukfrånvaro per enhet jämfört med förvaltningen',
      'table: Sjukfrånvaro i siffror',
      'lineChart: Sjukfrånvaro månad för månad, senaste 12 månaderna',
      'table: Översikt: sjukfrånvaro och rehabärenden',
      'table: Ärenden (12 ärenden)',
      'table: Ärenden (12 ärenden) (forts.)',
      'table: Upprepad korttidsfrånvaro',
    ]);
    expect(deck.slides.every((slide) => !slide.hidden)).toBe(true);
  });

  it('keeps the manager name off the document title', () => {
    expect(deck.title).toBe('HR:s förberedelse vid rehabiliteringsuppföljning 2027-vår');
    const title = deck.slides[0]!;
    expect(title.kind === 'title' && title.details).toContain('Enhetschef: Karin Lindqvist');
  });

  it('"Att ta upp på mötet": a section longer than a slide goes on in pieces headed (forts.), no slide overfull, every line once', () => {
    // 36 cases that need support: 36 lines (+1.6 for the heading) cannot fit the 13 lines of one slide.
    const cases = [0, 1, 2].flatMap((round) =>
      twelveCases().map((evaluation, index) => ({ ...evaluation, caseId: `R-${round}${String(index).padStart(2, '0')}`, assessment: 'needs_support' as const, gaps: 2, gapChecks: ['certificate', 'returnPlan'] as CaseEvaluation['gapChecks'] })),
    );
    const deck = buildHrDeck(hrDeckInput({ cases, summary: summaryOf(cases) }));
    const slides = deck.slides.filter((slide) => slide.kind === 'bullets' && slide.title.startsWith('Att ta upp'));
    const lines = slides.flatMap((slide) => (slide.kind === 'bullets' ? slide.paragraphs.map((paragraph) => `${paragraph.style}: ${paragraph.text}`) : []));
    const supportLines = lines.filter((line) => / \(R-\d{3}\): 2 brister – läkarintyg, plan$/.test(line));
    expect(supportLines).toHaveLength(36);
    expect(new Set(supportLines).size).toBe(36);
    expect(lines.filter((line) => line === 'heading: Ärenden som behöver stöd')).toHaveLength(1);
    expect(lines.filter((line) => line === 'heading: Ärenden som behöver stöd (forts.)').length).toBeGreaterThanOrEqual(2);
    // Each line here is one line at 18 pt; a heading takes 1.6: no slide holds more than 13.
    for (const slide of slides) {
      if (slide.kind !== 'bullets') continue;
      const height = slide.paragraphs.reduce((sum, paragraph) => sum + (paragraph.style === 'heading' ? 1.6 : 1), 0);
      expect(height, slide.title).toBeLessThanOrEqual(13);
    }
  });

  it('"Att ta upp på mötet": one line per finding with fact and date, plain words where there is none, then the dialogue', () => {
    const cases = twelveCases().map((evaluation, index) =>
      index === 0
        ? withReasons({ ...evaluation, nextMilestone: { day: 365, date: '2027-02-15' } }, { certificate: { code: 'expired', date: '2027-01-20' }, returnPlan: { code: 'missing', date: null } })
        : index === 4
          ? withReasons(evaluation, { certificate: { code: 'expiring', date: '2027-02-14' }, activity: { code: 'no_next_activity', date: null } })
          : evaluation,
    );
    const uncovered = [
      { employeeName: 'Olof Berg', unitName: 'Gruppbostad Solrosen', periodStart: '2026-09-01', dayNumber: 163, extent: 100, nextMilestone: { day: 180, date: '2027-02-27' } },
      { employeeName: 'Pia Lund', unitName: 'Daglig verksamhet Hamnen', periodStart: '2027-01-20', dayNumber: 22, extent: 50, nextMilestone: { day: 90, date: '2027-04-19' } },
    ];
    const lines = bulletTexts(buildHrDeck(hrDeckInput({ cases, summary: summaryOf(cases), uncoveredSickLeave: uncovered })));
    // Solrosen: 9.75 % → "9,8 %", 9.75 − 7.0 = +2.75 → "+2,8 pe", deviates. Hamnen (−2.0) is not raised.
    expect(lines).toContain('bullet: Gruppbostad Solrosen: 9,8 %, +2,8 pe mot förvaltningen, avviker');
    expect(lines.join('\n')).not.toContain('Daglig verksamhet Hamnen: 5,0');
    expect(lines).toContain('bullet: Olof Berg (Gruppbostad Solrosen): dag 163, sjuk sedan 2026-09-01, 100 %');
    expect(lines).toContain('bullet: Pia Lund (Daglig verksamhet Hamnen): dag 22, sjuk sedan 2027-01-20, 50 %');
    // Milestones within 14 days of 2027-02-10: R-100's day 365 on 2027-02-15 (5 days); Olof's day 180 on 2027-02-27 is 17 days away.
    expect(lines).toContain('bullet: Astrid Öberg (R-100): dag 365 den 2027-02-15 (om 5 dagar)');
    expect(lines.join('\n')).not.toContain('Olof Berg (utan ärende): dag 180');
    expect(lines).toContain('bullet: Astrid Öberg (R-100): läkarintyget gick ut 2027-01-20');
    expect(lines).toContain('bullet: Elin Sjöberg (R-104): läkarintyget går ut 2027-02-14');
    expect(lines).toContain('bullet: Astrid Öberg (R-100): 2 brister – läkarintyg, plan');
    expect(lines).toContain('bullet: Mikael Forsberg (Daglig verksamhet Hamnen): 7 sjukperioder, gränsen nåddes 2026-11-03; inget öppet rehabärende');
    expect(lines.slice(-7)).toEqual([
      'heading: Dialog enligt rutinen',
      'bullet: Den lokala sjukskrivningsrutinen och dess effekt',
      'bullet: Sjukfrånvaron de senaste sex månaderna (2026-08-01 – 2027-01-31)',
      'bullet: Ärendena i Adato: nuläge, planering och behov av stöd',
      'bullet: Identifierade risker för sjukskrivning',
      'bullet: Förslag på fortsatt arbete',
      'bullet: Fördjupat stöd bör erbjudas: 4 av 12 ärenden behöver stöd',
    ]);
  });

  it('says plainly when a point has nothing to raise, and shows no empty case or finding slides', () => {
    const empty = buildHrDeck(hrDeckInput({ cases: [], summary: summaryOf([]), repeatedShortTerm: [], units: [hrDeckInput().units[1]!] }));
    const lines = bulletTexts(empty);
    expect(lines).toEqual(expect.arrayContaining([
      'plain: Ingen av enheterna avviker från förvaltningen.',
      'plain: Ingen medarbetare är sjukskriven från dag 15 utan rehabärende.',
      'plain: Ingen milstolpe inom 14 dagar.',
      'plain: Inga läkarintyg har gått ut eller går snart ut.',
      'plain: Chefen har inga öppna rehabärenden.',
      'plain: Ingen medarbetare med upprepad korttidsfrånvaro att ta upp.',
    ]));
    expect(empty.slides.some((slide) => slide.title.startsWith('Ärenden') || slide.title.startsWith('Upprepad') || slide.title.startsWith('Sjukfrånvaro utan'))).toBe(false);
  });

  it('compares each unit with the administration', () => {
    const table = deck.slides.find((slide) => slide.title === 'Sjukfrånvaro i siffror') as TableSlide;
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

  it('fills each case slide with as many rows as fit at 12 pt and balances the continuation, cases needing support first', () => {
    const pages = deck.slides.filter((slide) => slide.title.startsWith('Ärenden')) as TableSlide[];
    // Every row takes two lines (the milestone's date on its own line): 2 × 12 × 1.22 + 6 = 35.3 pt. The header takes
    // one line (20.6 pt) of 355.6 pt, so 9 rows fit (317.6 pt; 10 would be 352.9); 12 rows need 2 slides, 6 + 6.
    expect(pages.map((page) => page.rows.length)).toEqual([6, 6]);
    expect(pages[0]!.fontSize).toBe(12);
    expect(pages[0]!.columns.map((column) => column.header)).toEqual(['Ärende', 'Medarbetare', 'Enhet', 'Dag', 'Läkarintyg', 'Hälsosamtal', 'Plan', 'Aktivitet', 'Bedömning', 'Nästa milstolpe']);
    const rows = pages.flatMap(cellTexts);
    // 4 need support (R-100..103), then 2 partial, then 6 systematic.
    expect(rows.map((row) => `${row[0]} ${row[8]}`)).toEqual([
      'R-100 Behöver stöd', 'R-101 Behöver stöd', 'R-102 Behöver stöd', 'R-103 Behöver stöd',
      'R-104 Delvis systematiskt', 'R-105 Delvis systematiskt',
      'R-106 Bedrivs systematiskt', 'R-107 Bedrivs systematiskt', 'R-108 Bedrivs systematiskt', 'R-109 Bedrivs systematiskt', 'R-110 Bedrivs systematiskt', 'R-111 Bedrivs systematiskt',
    ]);
    expect(pages[0]!.rows[4]!.cells[4]!.tone).toBe('warning'); // expiring is a warning, not a gap
    expect(pages[0]!.rows[4]!.cells[6]!.tone).toBeUndefined(); // not applicable: no colour
    expect(pages[0]!.rows[0]!.cells[6]!.tone).toBe('bad');
    expect(pages[1]!.note).toContain('Nästa milstolpe');
    expect(pages[0]!.note).toBeUndefined();
  });

  it('shows the short reason with its date on a line of its own, and marks a milestone within 14 days', () => {
    const first = withReasons({ ...twelveCases()[0]!, nextMilestone: { day: 365, date: '2027-02-15' } }, {
      certificate: { code: 'expired', date: '2027-01-20' },
      returnPlan: { code: 'follow_up_overdue', date: '2027-01-17' },
    });
    const page = buildHrDeck(hrDeckInput({ cases: [first], summary: summaryOf([first]) })).slides.find((slide) => slide.title.startsWith('Ärenden')) as TableSlide;
    expect(cellTexts(page)[0]).toEqual(['R-100', 'Astrid Öberg', 'Gruppbostad Solrosen', '72', 'Gått ut\n2027-01-20', 'Ja', 'Uppföljning passerad\n2027-01-17', 'Ja', 'Behöver stöd', 'Dag 365 om 5 dagar\n2027-02-15']);
    expect(page.rows[0]!.cells[9]).toMatchObject({ tone: 'warning', bold: true });
    expect(page.title).toBe('Ärenden (1 ärende)');
  });

  it('gives sick leave without a case its own slide, longest first, and counts it in the overview', () => {
    const uncovered = [
      { employeeName: 'Pia Lund', unitName: 'Daglig verksamhet Hamnen', periodStart: '2027-01-20', dayNumber: 22, extent: 50, nextMilestone: { day: 90, date: '2027-04-19' } },
      { employeeName: 'Olof Berg', unitName: 'Gruppbostad Solrosen', periodStart: '2026-09-01', dayNumber: 163, extent: 100, nextMilestone: { day: 180, date: '2027-02-20' } },
    ];
    const withUncovered = buildHrDeck(hrDeckInput({ uncoveredSickLeave: uncovered }));
    const slide = withUncovered.slides.find((candidate) => candidate.title.startsWith('Sjukfrånvaro utan rehabärende')) as TableSlide;
    expect(slide.title).toBe('Sjukfrånvaro utan rehabärende: 2 anställningar');
    expect(cellTexts(slide)).toEqual([
      // Day 180 on 2027-02-20 is 10 days after 2027-02-10.
      ['Olof Berg', 'Gruppbostad Solrosen', '2026-09-01', '163', '100 %', 'Dag 180 om 10 dagar\n2027-02-20'],
      ['Pia Lund', 'Daglig verksamhet Hamnen', '2027-01-20', '22', '50 %', 'Dag 90\n2027-04-19'],
    ]);
    const overview = withUncovered.slides.find((candidate) => candidate.title.startsWith('Översikt')) as TableSlide;
    expect(cellTexts(overview).slice(0, 3)).toEqual([
      ['Enheter som avviker eller ligger över 95 %-gränsen', '1'],
      ['Sjukfrånvaro utan rehabärende (dag 15 eller mer)', '2'],
      ['Milstolpar inom 14 dagar', '1'],
    ]);
  });

  it('sums the case overview and says when deeper support should be offered', () => {
    const overview = deck.slides.find((slide) => slide.title.startsWith('Översikt')) as TableSlide;
    // 4 of 12 need support: 4 ≥ 3 → offer deeper support. Gaps: 4 × 2 + 2 × 1 = 10.
    expect(overview.highlight).toBe('Fördjupat stöd bör erbjudas: 4 av 12 ärenden behöver stöd.');
    expect(cellTexts(overview).slice(3)).toEqual([
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
    expect((calm.slides.find((slide) => slide.title.startsWith('Översikt')) as TableSlide).highlight).toBeUndefined();
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
    expect(slides).toHaveLength(buildHrDeck(hrDeckInput()).slides.length);
    expect(slides.some(isHidden)).toBe(false);
  });

  it('marks every text Swedish (sv-SE), tables, charts and the master too, so PowerPoint spell-checks in Swedish', () => {
    const langs = [...xml.entries()].flatMap(([name, part]) => [...part.matchAll(/\slang="([^"]*)"/g)].map((match) => `${name}: ${match[1]}`));
    // The deck has tables (figures, cases) and charts: both used to say en-US.
    expect(langs.some((entry) => /^ppt\/charts\//.test(entry))).toBe(true);
    expect(langs.length).toBeGreaterThan(100);
    expect(langs.filter((entry) => !entry.endsWith(': sv-SE'))).toEqual([]);
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
    expect(all).toContain('Ärenden (12 ärenden) (forts.)');
    expect(all).toContain('Fördjupat stöd bör erbjudas');
    expect(all).toContain('Inget hälsosamtal efter den sjätte sjukperioden');
    const properties = `${xml.get('docProps/core.xml')}${xml.get('docProps/app.xml')}`;
    expect(properties).not.toContain('Karin');
    expect(properties).not.toContain('Öberg');
  });

  it('never wraps a date: every table cell line with a date fits its column at its font size (checked in the XML)', async () => {
    const cases = twelveCases().map((evaluation) =>
      withReasons({ ...evaluation, nextMilestone: { day: 365, date: '2027-02-15' } }, { certificate: { code: 'expired', date: '2027-01-20' }, returnPlan: { code: 'follow_up_overdue', date: '2027-01-17' } }),
    );
    const uncovered = [{ employeeName: 'Olof Berg', unitName: 'Gruppbostad Solrosen', periodStart: '2026-09-01', dayNumber: 163, extent: 100, nextMilestone: { day: 180, date: '2027-02-20' } }];
    const parts = slidesInOrder(await unzipXml(await renderPptx(buildHrDeck(hrDeckInput({ cases, summary: summaryOf(cases), uncoveredSickLeave: uncovered })))));
    let checked = 0;
    for (const slide of parts) {
      for (const table of slide.matchAll(/<a:tbl>([\s\S]*?)<\/a:tbl>/g)) {
        const widths = [...table[1]!.matchAll(/<a:gridCol w="(\d+)"\/>/g)].map((match) => Number(match[1]));
        for (const row of table[1]!.matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)) {
          [...row[1]!.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].forEach((cell, column) => {
            const margins = /<a:tcPr marL="(\d+)" marR="(\d+)"/.exec(cell[1]!)!;
            const innerPt = (widths[column]! - Number(margins[1]) - Number(margins[2])) / 12700;
            for (const paragraph of cell[1]!.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
              const text = [...paragraph[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) => match[1]).join('');
              const date = /\d{4}-\d{2}-\d{2}/.exec(text);
              if (!date) continue;
              const size = Number(/sz="(\d+)"/.exec(paragraph[1]!)![1]) / 100;
              // Calibri: digits 0.507 em, hyphen 0.306 em (bold is as wide for digits); a date alone is 8 × 0.507 + 2 × 0.306 = 4.668 em.
              // In HR's tables a date always stands on a line of its own, so it cannot be broken at a hyphen.
              expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
              expect(4.668 * size, `"${text}" in a column of ${innerPt.toFixed(1)} pt`).toBeLessThanOrEqual(innerPt);
              checked += 1;
            }
          });
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
