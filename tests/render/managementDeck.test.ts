import { beforeAll, describe, expect, it } from 'vitest';
import type { Season } from '../../src/core/routineCalendar.js';
import type { TableSlide } from '../../src/render/deckModel.js';
import { readSlideTexts } from '../../src/input/slideTexts.js';
import { buildManagementDeck, type ManagementDeckInput } from '../../src/render/managementDeck.js';
import { renderPptx } from '../../src/write/pptxWriter.js';
import { administration, chartSeries, EMPLOYEE_NAMES, isHidden, managementUnits, monthly, MONTHS, packageProblems, slideText, slidesInOrder, unit, unzipXml } from './deckTestData.js';

function input(overrides: Partial<ManagementDeckInput> = {}): ManagementDeckInput {
  const { units, allUnits, operation } = managementUnits();
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
    allUnits,
    trend: {
      months: MONTHS,
      administration: monthly([7.1, 7.0, 6.9, 6.8, 6.5, 6.0, 6.4, 6.9, 7.2, 7.4, 7.6, 7.3]),
      units: {
        'verksamhet:Boende norr': monthly([8, 8.2, 8.1, 7.9, 7.5, 7.0, 7.8, 8.1, 8.6, 8.4, 8.0, 8.3]),
        // Per-unit lines exist in the report but must not reach the shared deck.
        'enhet:E4': monthly([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]),
      },
    },
    minGroupSize: 5,
    slideTexts: readSlideTexts(),
    statutory: [
      { group: 'women', employees: 700, exposureDays: 100_000, totalPct: 7.44, suppressed: false },
      { group: 'men', employees: 200, exposureDays: 30_000, totalPct: 5.61, suppressed: false },
      { group: 'age_29_or_less', employees: 9, exposureDays: 1_000, totalPct: 12.34, suppressed: true },
    ],
    ...overrides,
  };
}

const cellTexts = (slide: TableSlide): string[][] =>
  slide.rows.map((row) => row.cells.map((cell) => (cell.kind === 'text' ? cell.text : cell.value === null ? 'null' : cell.value.toFixed(2))));

describe('buildManagementDeck (model)', () => {
  it('has the title, purpose, calendar, figures, trend, statutory and the yearly text slides', () => {
    const deck = buildManagementDeck(input());
    expect(deck.slides.map((slide) => `${slide.kind}: ${slide.title}${slide.hidden ? ' (dold)' : ''}`)).toEqual([
      'title: Rehabiliteringsuppföljning till ledningsgrupp',
      'bullets: Syfte',
      'table: Årets kalender',
      'barChart: Sjukfrånvaro per enhet jämfört med förvaltningen',
      'table: Sjukfrånvaro i siffror',
      'lineChart: Sjukfrånvaro månad för månad, senaste 12 månaderna',
      'table: Förvaltningens sjukfrånvaro efter kön och ålder',
      'bullets: Årets tema: Tidiga insatser vid upprepad korttidsfrånvaro',
      'bullets: Inför sommaren: planera återgång och semesterperioder',
      'bullets: Inför hösten: hälsosamtal och uppföljning av planer (dold)',
      'bullets: Så går rehabiliteringsuppföljningen till',
    ]);
    const purpose = deck.slides[1]!;
    expect(purpose.kind === 'bullets' && purpose.paragraphs[0]!.text).toContain('systematiskt och likvärdigt arbetssätt');
  });

  it('hides the small unit and, by secondary suppression, the smallest sibling; the row has no figures', () => {
    // Vitsippan has 3 employees (< 5). Left alone, Boende norr − Solrosen − Hamnen − Linden would give it away,
    // so the smallest shown sibling, Hamnen (18), is hidden too.
    const table = buildManagementDeck(input()).slides[4] as TableSlide;
    expect(cellTexts(table)).toEqual([
      // change = total − previous total; difference = total − 7.0 (the administration)
      ['Gruppbostad Solrosen', '3.25', '6.50', '9.75', '1.25', '2.75'], // 9.75 − 8.5; 9.75 − 7.0
      ['Servicebostad Linden', '2.50', '4.50', '7.00', '-0.20', '0.00'], // 7.0 − 7.2
      ['Enheter som inte visas för att skydda små grupper (2 enheter)', '', '', '', '', ''],
      ['Boende norr totalt', '2.90', '5.10', '8.00', '0.40', '1.00'], // 8.0 − 7.6; 8.0 − 7.0
      ['Förvaltningen', '2.80', '4.20', '7.00', '-0.50', ''], // 7.0 − 7.5
    ]);
  });

  it('names the rule when every hidden unit is small', () => {
    const { allUnits, operation } = managementUnits();
    const units = [
      unit('E1', 'Gruppbostad Solrosen', { employees: 20 }),
      unit('E5', 'Stödboende Rönnen', { employees: 2 }),
      unit('E6', 'Stödboende Aspen', { employees: 4 }),
    ];
    const table = buildManagementDeck(input({ units, allUnits: [...allUnits.filter((item) => item.level !== 'enhet' || item.parent !== 'Boende norr'), ...units], operationFigures: operation })).slides[4] as TableSlide;
    expect(cellTexts(table).map((row) => row[0])).toEqual(['Gruppbostad Solrosen', 'Enheter med färre än 5 anställda (2 enheter)', 'Boende norr totalt', 'Förvaltningen']);
  });

  it('leaves out the verksamhet itself when it is too small to show', () => {
    const { allUnits, units } = managementUnits();
    const small = { ...allUnits.find((item) => item.level === 'verksamhet' && item.id === 'Boende norr')!, employees: 4 };
    const deck = buildManagementDeck(input({ operationFigures: small, allUnits: allUnits.map((item) => (item.level === 'verksamhet' && item.id === 'Boende norr' ? small : item)), units }));
    const table = deck.slides[4] as TableSlide;
    expect(cellTexts(table).find((row) => row[0]!.startsWith('Boende norr totalt'))).toEqual(['Boende norr totalt (visas inte: för liten grupp)', '', '', '', '', '']);
    const trend = deck.slides[5]!;
    expect(trend.kind === 'lineChart' && trend.chart.series.map((series) => series.name)).toEqual(['Förvaltningen']);
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
    const buffer = await renderPptx(buildManagementDeck(input({ season, period: season === 'spring' ? '2027-vår' : '2027-höst' })));
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
    const hiddenByTitle = (deck: typeof spring): Record<string, boolean> =>
      Object.fromEntries(deck.slides.filter((xml) => /Inför (sommaren|hösten)|Årets tema|Så går/.test(slideText(xml))).map((xml) => [/<a:t>([^<]*)<\/a:t>/.exec(xml)![1]!, isHidden(xml)]));
    expect(hiddenByTitle(spring)).toEqual({
      'Årets tema: Tidiga insatser vid upprepad korttidsfrånvaro': false,
      'Inför sommaren: planera återgång och semesterperioder': false,
      'Inför hösten: hälsosamtal och uppföljning av planer': true,
      'Så går rehabiliteringsuppföljningen till': false,
    });
    expect(hiddenByTitle(autumn)).toMatchObject({
      'Inför sommaren: planera återgång och semesterperioder': true,
      'Inför hösten: hälsosamtal och uppföljning av planer': false,
    });
    expect(spring.slides.filter(isHidden)).toHaveLength(1);
    expect(spring.xml.get('docProps/app.xml')).toContain('<HiddenSlides>1</HiddenSlides>');
  });

  it('charts only what may be shown: shown units, the verksamhet, the administration', () => {
    const bar = chartSeries(spring.xml.get('ppt/charts/chart1.xml')!);
    // Horizontal (4 categories, names > 16 characters), written bottom-up.
    expect(bar.map((series) => series.name)).toEqual(['Långtid (dag 15–)', 'Korttid (dag 1–14)']);
    expect(bar[1]).toEqual({ name: 'Korttid (dag 1–14)', categories: ['Förvaltningen', 'Boende norr totalt', 'Servicebostad Linden', 'Gruppbostad Solrosen'], values: [2.8, 2.9, 2.5, 3.3] });
    const line = chartSeries(spring.xml.get('ppt/charts/chart2.xml')!);
    expect(line.map((series) => series.name)).toEqual(['Boende norr', 'Förvaltningen']);
    expect(line[0]!.values).toEqual([8, 8.2, 8.1, 7.9, 7.5, 7, 7.8, 8.1, 8.6, 8.4, 8, 8.3]);
  });

  it('names no person and shows nothing of a suppressed unit anywhere in the package', () => {
    const everything = [...spring.xml.values()].join('\n');
    for (const name of [...EMPLOYEE_NAMES, 'Karin Lindqvist', 'Ulf Sandberg', 'karin.lindqvist', 'ulf.sandberg']) expect(everything).not.toContain(name);
    for (const name of ['Vitsippan', 'Hamnen']) expect(everything).not.toContain(name);
    // Vitsippan: total 23.45 → "23,5" in a table, 23.5 in a chart; long 17.45 → "17,5"; its trend line 30…41 %.
    for (const figure of ['23,5', '23.5', '23,45', '23.45', '17,5', '17.5', '<c:v>41</c:v>']) expect(everything).not.toContain(figure);
  });

  it('shows the statutory breakdown with "–" for a suppressed group, and Swedish text', () => {
    const statutory = slideText(spring.slides[6]!);
    expect(statutory).toContain('Kvinnor 7,4');
    expect(statutory).toContain('Män 5,6');
    expect(statutory).toContain('29 år och yngre –');
    expect(statutory).not.toContain('12,3');
    const all = spring.slides.map(slideText).join('\n');
    expect(all).toContain('Årets kalender');
    expect(all).toContain('Februari–april');
    expect(all).toContain('Förändring mot föregående period');
    expect(all).toContain('Nu: vårterminen (2027-vår)');
    expect(slideText(autumn.slides[2]!)).toContain('Nu: höstterminen (2027-höst)');
  });
});
