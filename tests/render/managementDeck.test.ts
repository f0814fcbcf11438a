import { beforeAll, describe, expect, it } from 'vitest';
import type { StatutoryFigure } from '../../src/core/absenceFigures.js';
import type { Season } from '../../src/core/routineCalendar.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import type { HiddenReason, SharedDisclosure } from '../../src/core/suppression.js';
import type { BulletsSlide, LineChartSlide, TableSlide } from '../../src/render/deckModel.js';
import { readSlideTexts } from '../../src/input/slideTexts.js';
import { buildManagementDeck, calendarNow, type ManagementDeckInput } from '../../src/render/managementDeck.js';
import { renderPptx } from '../../src/write/pptxWriter.js';
import { administration, chartSeries, EMPLOYEE_NAMES, isHidden, managementUnits, monthly, MONTHS, packageProblems, slideText, slidesInOrder, unzipXml } from './deckTestData.js';

/** The run's decision as the core would hand it over: Vitsippan (3) is too small, Hamnen protects it. */
function disclosure(extra: Record<string, HiddenReason> = {}): SharedDisclosure {
  return {
    hidden: {
      'enhet:E4|window': 'small_group',
      'enhet:E4|previous': 'follows_hidden_cell',
      'enhet:E2|window': 'protects_small_group',
      'enhet:E2|previous': 'follows_hidden_cell',
      ...extra,
    },
  };
}

const statutory = (values: [number, number, number, number, number], employees: number[]): StatutoryFigure[] =>
  (['women', 'men', 'age_29_or_less', 'age_30_to_49', 'age_50_or_more'] as const).map((group, index) => ({
    group, employees: employees[index]!, exposureDays: employees[index]! * 150, totalPct: values[index]!, suppressed: employees[index]! <= 10,
  }));

function input(overrides: Partial<ManagementDeckInput> = {}): ManagementDeckInput {
  const { units, operation } = managementUnits();
  return {
    period: '2027-vår',
    season: 'spring',
    asOf: '2027-02-10',
    window: { from: '2026-08-01', to: '2027-01-31' },
    administrationName: 'Förvaltningen för funktionsstöd',
    operation: 'Boende norr',
    administration: administration(),
    operationFigures: operation,
    units,
    trend: {
      months: MONTHS,
      administration: monthly([7.1, 7.0, 6.9, 6.8, 6.5, 6.0, 6.4, 6.9, 7.2, 7.4, 7.6, 7.3]),
      units: {
        'verksamhet:Boende norr': monthly([6, 6.2, 6.1, 5.9, 6.5, 6.0, 7.8, 8.1, 8.6, 8.4, 8.0, 8.3]),
        // Per-unit lines exist in the report but must not reach the shared deck.
        'enhet:E4': monthly([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]),
      },
    },
    disclosure: disclosure(),
    thresholds: DEFAULT_THRESHOLDS,
    slideTexts: readSlideTexts(),
    statutory: statutory([7.44, 5.61, 12.34, 6.6, 7.7], [700, 200, 9, 400, 491]),
    operationStatutory: statutory([8.42, 4.1, 9.9, 7.15, 8.25], [52, 11, 8, 30, 25]),
    caseCounts: { operation: 'Boende norr', cases: 8, casesWithoutGaps: 5, gapsByCheck: { certificate: 1, healthTalk: 2, returnPlan: 0, activity: 3 }, assessments: { systematic: 5, partial: 2, needs_support: 1 } },
    uncoveredSickLeave: 2,
    repeatedShortTerm: { employments: 6, withoutCase: 4 },
    ...overrides,
  };
}

const cellTexts = (slide: TableSlide): string[][] =>
  slide.rows.map((row) => row.cells.map((cell) => (cell.kind === 'text' ? cell.text : cell.value === null ? 'null' : cell.value.toFixed(2))));
const slideTitled = <T>(deck: ReturnType<typeof buildManagementDeck>, start: string): T => deck.slides.find((slide) => slide.title.startsWith(start)) as T;

describe('buildManagementDeck (model)', () => {
  it('opens with the findings: the verksamhet against the förvaltning, the change, the deviating units, the cases', () => {
    const deck = buildManagementDeck(input());
    const summary = deck.slides[1] as BulletsSlide;
    // 8.0 − 7.0 = 1.0 pp over; 8.0 − 7.6 = +0.4 against the previous period.
    expect(summary.title).toBe('Sjukfrånvaron i Boende norr var 8,0 %, 1,0 procentenheter över förvaltningen (7,0 %).');
    expect(summary.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Sammanfattning våren 2027',
      'Mot föregående period: ökning med 0,4 procentenheter (från 7,6 %).',
      // Shown units: Solrosen (deviates) and Linden; Hamnen and Vitsippan are hidden and not described.
      '1 av 2 enheter avviker från förvaltningen: Gruppbostad Solrosen.',
      '5 av 8 öppna ärenden har en aktiv och aktuell planering (63 %).',
      'Färre än 5 sjukskrivningar från dag 15 utan rehabärende.',
      'Sjukfrånvaro 2026-08-01 – 2027-01-31, i procent av arbetstiden. Underlag per 2027-02-10.',
    ]);
  });

  it('shows hidden units as counted lines with an honest reason, and marks the verksamhet total like a unit', () => {
    const deviating = { ...managementUnits().operation, deviates: true, diffPp: 2.5, totalPct: 9.5 };
    const deck = buildManagementDeck(input({ operationFigures: deviating }));
    const table = slideTitled<TableSlide>(deck, '2 grupper avviker');
    expect(cellTexts(table)).toEqual([
      // change = total − previous total; difference = total − 7.0 (the administration)
      ['Gruppbostad Solrosen', '3.25', '6.50', '9.75', '1.25', '2.75', 'Avviker (2,0 pe eller mer)'],
      ['Servicebostad Linden', '2.50', '4.50', '7.00', '-0.20', '0.00', ''],
      ['1 enhet: för liten grupp', '', '', '', '', '', ''],
      ['1 enhet: visas inte för att skydda en liten grupp', '', '', '', '', '', ''],
      ['Boende norr totalt', '2.90', '5.10', '9.50', '1.90', '2.50', 'Avviker (2,0 pe eller mer)'], // 9.5 − 7.6; 9.5 − 7.0
      ['Förvaltningen', '2.80', '4.20', '7.00', '-0.50', '', ''],
    ]);
    const total = table.rows[4]!;
    expect(total.emphasis).toBe(true);
    expect(total.cells[5]).toMatchObject({ tone: 'bad' });
    expect(total.cells[6]).toMatchObject({ tone: 'bad' });
  });

  it('a verksamhet total hidden to protect another group says so in its place, before the förvaltning', () => {
    const deck = buildManagementDeck(input({ disclosure: disclosure({ 'verksamhet:Boende norr|window': 'protects_small_group', 'verksamhet:Boende norr|previous': 'follows_hidden_cell' }) }));
    const table = slideTitled<TableSlide>(deck, 'Gruppbostad Solrosen avviker');
    expect(cellTexts(table).map((row) => row[0])).toEqual([
      'Gruppbostad Solrosen', 'Servicebostad Linden', '1 enhet: för liten grupp', '1 enhet: visas inte för att skydda en liten grupp',
      'Boende norr totalt: visas inte för att skydda en liten grupp', 'Förvaltningen',
    ]);
    expect((deck.slides[1] as BulletsSlide).title).toBe('Siffrorna för Boende norr totalt visas inte, för att skydda en liten grupp.');
  });

  it('a hidden previous period empties the change column of that row only (the change column leak)', () => {
    const deck = buildManagementDeck(input({ disclosure: disclosure({ 'enhet:E3|previous': 'small_group' }) }));
    const table = slideTitled<TableSlide>(deck, 'Gruppbostad Solrosen avviker');
    const linden = cellTexts(table).find((row) => row[0] === 'Servicebostad Linden')!;
    expect(linden).toEqual(['Servicebostad Linden', '2.50', '4.50', '7.00', 'null', '0.00', '']);
    expect(table.note).toContain('"–" i förändringskolumnen: föregående period visas inte för att skydda en liten grupp.');
  });

  it('leaves out hidden months of the trend (the trend leak) and says how many', () => {
    const deck = buildManagementDeck(input({ disclosure: disclosure({ 'verksamhet:Boende norr|2026-02-01': 'small_group', 'verksamhet:Boende norr|2026-03-01': 'protects_small_group' }) }));
    const trend = deck.slides.find((slide) => slide.kind === 'lineChart') as LineChartSlide;
    expect(trend.chart.series.map((series) => series.name)).toEqual(['Boende norr', 'Förvaltningen']);
    expect(trend.chart.series[0]!.values).toEqual([null, null, 6.1, 5.9, 6.5, 6.0, 7.8, 8.1, 8.6, 8.4, 8.0, 8.3]);
    expect(trend.note).toContain('2 månader utan värde för Boende norr');
    // First half (shown months) 6.1, 5.9, 6.5, 6.0 → 6.125; second half 7.8 … 8.3 → 8.2: up by more than 0.5.
    expect(trend.title).toBe('Boende norr: sjukfrånvaron har ökat det senaste halvåret');
  });

  it('the statutory slide is the verksamhet\'s, beside the förvaltning, with the ≥ 60-day share; hidden groups say why', () => {
    const deck = buildManagementDeck(input({ disclosure: disclosure({ 'statutory:verksamhet:Boende norr:age_29_or_less|window': 'small_group', 'statutory:verksamhet:Boende norr:age_30_to_49|window': 'protects_small_group', 'statutory:age_29_or_less|window': 'small_group' }) }));
    // Boende norr's long-spell share 28.6 % → "29 %" in the title.
    const table = slideTitled<TableSlide>(deck, '29 % av sjukfrånvaron i Boende norr är i perioder om 60 dagar eller mer');
    expect(cellTexts(table)).toEqual([
      ['Alla anställda', '8.00', '7.00'],
      ['Kvinnor', '8.42', '7.44'],
      ['Män', '4.10', '5.61'],
      ['29 år och yngre', 'för liten grupp', 'för liten grupp'],
      ['30–49 år', 'skyddas', '6.60'],
      ['50 år och äldre', '8.25', '7.70'],
      ['Andel i sjukperioder om 60 dagar eller mer', '28.60', '38.10'],
    ]);
  });

  it('the case picture counts the verksamhet\'s cases without names, and does not break down fewer than 5', () => {
    const deck = buildManagementDeck(input());
    const cases = slideTitled<TableSlide>(deck, '5 av 8 öppna ärenden');
    expect(cellTexts(cases)).toEqual([
      ['Öppna ärenden', '8'],
      ['Utan brist (målet: alla)', '5'],
      ['Brist: giltigt läkarintyg', '1'],
      ['Brist: genomfört hälsosamtal', '2'],
      ['Brist: plan för återgång i arbete', '0'],
      ['Brist: löpande dokumentation och aktivitet', '3'],
      ['Sjukskrivna från dag 15 utan rehabärende', 'färre än 5'],
    ]);
    const few = buildManagementDeck(input({ caseCounts: { operation: 'Boende norr', cases: 3, casesWithoutGaps: 1, gapsByCheck: { certificate: 1, healthTalk: 1, returnPlan: 0, activity: 0 }, assessments: { systematic: 1, partial: 1, needs_support: 1 } } }));
    expect(cellTexts(slideTitled<TableSlide>(few, 'Färre än 5 öppna'))).toEqual([['Öppna ärenden', 'färre än 5'], ['Sjukskrivna från dag 15 utan rehabärende', 'färre än 5']]);
  });

  it('the theme slide carries the verksamhet\'s own figures for repeated short-term absence', () => {
    const theme = slideTitled<BulletsSlide>(buildManagementDeck(input()), 'Årets tema');
    expect(theme.paragraphs.slice(0, 2).map((paragraph) => paragraph.text)).toEqual([
      'I Boende norr just nu',
      '6 anställda har 6 sjukperioder eller fler på 12 månader; för färre än 5 av dem finns inget rehabärende.',
    ]);
  });

  it('a verksamhet too small to show gets one slide that says why, and no figures', () => {
    const small = { ...managementUnits().operation, employees: 4 };
    const deck = buildManagementDeck(input({ operationFigures: small, disclosure: disclosure({ 'verksamhet:Boende norr|window': 'small_group' }) }));
    expect(deck.slides.map((slide) => slide.kind)).not.toContain('barChart');
    expect(deck.slides.map((slide) => slide.kind)).not.toContain('lineChart');
    const why = deck.slides[4] as BulletsSlide;
    expect(why.title).toBe('Siffrorna för Boende norr visas inte: färre än 5 anställda');
    expect(why.paragraphs[1]!.text).toBe('Därför visar bildspelet inga siffror för verksamheten, dess enheter eller dess rehabiliteringsärenden.');
    expect((deck.slides[1] as BulletsSlide).title).toBe('Siffrorna för Boende norr visas inte: för liten grupp (färre än 5 anställda).');
    expect(JSON.stringify(deck)).not.toContain('8,0 %');
  });

  it('the calendar says where the routine is on the as-of date, "våren 2027" style', () => {
    expect(calendarNow('2027-02-10').text).toBe('Nu (februari 2027): genomgång i ledningsgruppen, sedan rehabiliteringsuppföljningar med enhetscheferna februari–april. Analysen görs i maj.');
    expect(calendarNow('2027-03-15').text).toBe('Nu (mars 2027): rehabiliteringsuppföljningar med enhetscheferna februari–april. Analysen görs i maj.');
    expect(calendarNow('2027-05-03').text).toBe('Nu (maj 2027): analys och sammanställning av våren 2027, som presenteras för förvaltningsledningen.');
    expect(calendarNow('2026-12-15').text).toBe('Nu (december 2026): förberedelse inför våren 2027, med genomgång i ledningsgruppen i februari.');
    expect(calendarNow('2027-08-20').text).toContain('augusti–oktober. Analysen görs i november.');
    const calendar = buildManagementDeck(input()).slides[3] as TableSlide;
    expect(calendar.title).toBe('Februari 2027: genomgång i ledningsgruppen, sedan rehabiliteringsuppföljningar med enhetscheferna februari–april. Analysen görs i maj.');
    // The current step is marked in its season's column only.
    expect(calendar.rows[0]!.cells[1]).toMatchObject({ text: 'Februari', tone: 'good' });
    expect(calendar.rows[0]!.cells[2]).not.toHaveProperty('tone');
    expect(calendar.rows[2]!.cells[1]).not.toHaveProperty('tone');
  });

  it('hides the spring slides in autumn and the autumn slides in spring', () => {
    const hiddenTitles = (season: Season): string[] =>
      buildManagementDeck(input({ season })).slides.filter((slide) => slide.hidden).map((slide) => slide.title);
    expect(hiddenTitles('spring')).toEqual(['Inför hösten: hälsosamtal och uppföljning av planer']);
    expect(hiddenTitles('autumn')).toEqual(['Inför sommaren: planera återgång och semesterperioder']);
  });
});

describe('buildManagementDeck written as .pptx', () => {
  const written = async (season: Season): Promise<{ buffer: Buffer; xml: Map<string, string>; slides: string[] }> => {
    const buffer = await renderPptx(buildManagementDeck(input({ season, period: season === 'spring' ? '2027-vår' : '2027-höst', asOf: season === 'spring' ? '2027-02-10' : '2027-08-10' })));
    const xml = await unzipXml(buffer);
    return { buffer, xml, slides: slidesInOrder(xml) };
  };
  let spring: Awaited<ReturnType<typeof written>>;
  let autumn: Awaited<ReturnType<typeof written>>;
  beforeAll(async () => {
    [spring, autumn] = await Promise.all([written('spring'), written('autumn')]);
  });

  it('is a package PowerPoint need not repair', async () => {
    expect(await packageProblems(spring.buffer)).toEqual([]);
    expect(await packageProblems(autumn.buffer)).toEqual([]);
  });

  it('marks the other season\'s slide show="0" and no other', () => {
    expect(spring.slides.filter(isHidden).map((xml) => /<a:t>([^<]*)<\/a:t>/.exec(xml)![1])).toEqual(['Inför hösten: hälsosamtal och uppföljning av planer']);
    expect(autumn.slides.filter(isHidden).map((xml) => /<a:t>([^<]*)<\/a:t>/.exec(xml)![1])).toEqual(['Inför sommaren: planera återgång och semesterperioder']);
    expect(spring.xml.get('docProps/app.xml')).toContain('<HiddenSlides>1</HiddenSlides>');
  });

  it('charts only what may be shown: shown units, the verksamhet, the administration', () => {
    const bar = chartSeries(spring.xml.get('ppt/charts/chart1.xml')!);
    expect(bar.map((series) => series.name)).toEqual(['Långtid (dag 15–)', 'Korttid (dag 1–14)']);
    expect(bar[1]).toEqual({ name: 'Korttid (dag 1–14)', categories: ['Förvaltningen', 'Boende norr totalt', 'Servicebostad Linden', 'Gruppbostad Solrosen'], values: [2.8, 2.9, 2.5, 3.3] });
    const line = chartSeries(spring.xml.get('ppt/charts/chart2.xml')!);
    expect(line.map((series) => series.name)).toEqual(['Boende norr', 'Förvaltningen']);
    expect(line[0]!.values).toEqual([6, 6.2, 6.1, 5.9, 6.5, 6, 7.8, 8.1, 8.6, 8.4, 8, 8.3]);
  });

  it('names no person and shows nothing of a hidden unit anywhere in the package', () => {
    const everything = [...spring.xml.values()].join('\n');
    for (const name of [...EMPLOYEE_NAMES, 'Karin Lindqvist', 'Ulf Sandberg', 'karin.lindqvist', 'ulf.sandberg']) expect(everything).not.toContain(name);
    for (const name of ['Vitsippan', 'Hamnen']) expect(everything).not.toContain(name);
    // Vitsippan: total 23.45 → "23,5" in a table, 23.5 in a chart; long 17.45 → "17,5"; its trend line 30…41 %.
    for (const figure of ['23,5', '23.5', '23,45', '23.45', '17,5', '17.5', '<c:v>41</c:v>']) expect(everything).not.toContain(figure);
  });

  it('reads back in Swedish: the calendar, the change column, the season', () => {
    const all = spring.slides.map(slideText).join('\n');
    expect(all).toContain('Februari–april');
    expect(all).toContain('Förändring mot föregående period');
    expect(all).toContain('Rehabiliteringsuppföljningen våren 2027');
    expect(all).not.toContain('terminen');
    expect(autumn.slides.map(slideText).join('\n')).toContain('Augusti 2027: genomgång i ledningsgruppen');
  });
});
