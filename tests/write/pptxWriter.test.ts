import { beforeAll, describe, expect, it } from 'vitest';
import type { DeckModel } from '../../src/render/deckModel.js';
import { numberCell, textCell } from '../../src/render/deckModel.js';
import { formatSwedishNumber } from '../../src/render/swedishNumber.js';
import { renderPptx } from '../../src/write/pptxWriter.js';
import { chartSeries, isHidden, packageProblems, slideText, slidesInOrder, unzipXml } from '../render/deckTestData.js';

describe('formatSwedishNumber', () => {
  it('uses a decimal comma, one decimal, a Swedish minus sign and "–" for no figure', () => {
    expect(formatSwedishNumber(9.75)).toBe('9,8'); // 9.75 is exact in binary: rounds half up
    expect(formatSwedishNumber(7)).toBe('7,0');
    expect(formatSwedishNumber(1.25, 1, true)).toBe('+1,3');
    expect(formatSwedishNumber(-0.44, 1, true)).toBe('−0,4');
    expect(formatSwedishNumber(0, 1, true)).toBe('0,0');
    expect(formatSwedishNumber(12, 0)).toBe('12');
    expect(formatSwedishNumber(null)).toBe('–');
    expect(formatSwedishNumber(Number.NaN)).toBe('–');
  });
});

const deck: DeckModel = {
  title: 'Provdäck',
  footer: 'Sidfot för prov',
  slides: [
    { kind: 'title', title: 'Rubrik för provet', subtitle: 'Underrubrik', details: ['Rad ett', 'Rad två'] },
    {
      kind: 'table',
      title: 'Tabell',
      columns: [
        { header: 'Enhet', width: 3, align: 'left' },
        { header: 'Totalt %', width: 1, align: 'right' },
        { header: 'Skillnad', width: 1, align: 'right' },
      ],
      rows: [
        { cells: [textCell('Solrosen'), numberCell(9.75), numberCell(2.75, { signed: true, tone: 'bad' })] },
        { cells: [textCell('Hamnen'), numberCell(null), numberCell(-2, { signed: true })], emphasis: true },
      ],
      note: 'Förklaring under tabellen',
    },
    {
      kind: 'barChart',
      title: 'Stapeldiagram',
      horizontal: true,
      chart: {
        categories: ['Solrosen', 'Hamnen', 'Förvaltningen'],
        series: [
          { name: 'Korttid', values: [3.25, 2, 2.8] },
          { name: 'Långtid', values: [6.5, null, 4.2] },
        ],
        valueAxisTitle: 'Sjukfrånvaro, procent av arbetstid',
        categoryAxisTitle: 'Enhet',
      },
    },
    {
      kind: 'lineChart',
      title: 'Linjediagram',
      hidden: true,
      chart: {
        categories: ['jan 2027', 'feb 2027', 'mar 2027'],
        series: [{ name: 'Boende norr', values: [null, 8.04, 7.96] }],
        valueAxisTitle: 'Procent',
        categoryAxisTitle: 'Månad',
      },
    },
    { kind: 'bullets', title: 'Punkter', tag: 'Vår', paragraphs: [{ style: 'heading', text: 'Mellanrubrik' }, { style: 'bullet', text: 'En punkt' }, { style: 'bullet', text: '' }] },
  ],
};

describe('renderPptx', () => {
  let xml: Map<string, string>;
  let slides: string[];
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderPptx(deck);
    xml = await unzipXml(buffer);
    slides = slidesInOrder(xml);
  });

  it('writes one slide per model slide, and a package PowerPoint need not repair', async () => {
    expect(slides).toHaveLength(5);
    expect(await packageProblems(buffer)).toEqual([]);
    expect(xml.get('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"/>'); // 13.333 × 7.5 in, 16:9
  });

  it('marks only the hidden slide show="0" and counts it in app.xml', () => {
    expect(slides.map(isHidden)).toEqual([false, false, false, true, false]);
    expect(xml.get('docProps/app.xml')).toContain('<HiddenSlides>1</HiddenSlides>');
  });

  it('formats table numbers the Swedish way, at 12 pt or more', () => {
    const table = slideText(slides[1]!);
    expect(table).toContain('Solrosen 9,8 +2,8');
    expect(table).toContain('Hamnen – −2,0');
    expect(table).toContain('Förklaring under tabellen');
    const tableXml = /<a:tbl>[\s\S]*<\/a:tbl>/.exec(slides[1]!)![0];
    const sizes = [...tableXml.matchAll(/ sz="(\d+)"/g)].map((match) => Number(match[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1200);
  });

  it('writes native charts with the series names, values rounded as in the tables, Swedish axis titles', () => {
    const bar = xml.get('ppt/charts/chart1.xml')!;
    expect(bar).toContain('<c:barDir val="bar"/>');
    // Horizontal bars are written bottom-up: categories and series reversed so the first reads on top.
    expect(chartSeries(bar)).toEqual([
      { name: 'Långtid', categories: ['Förvaltningen', 'Hamnen', 'Solrosen'], values: [4.2, null, 6.5] },
      { name: 'Korttid', categories: ['Förvaltningen', 'Hamnen', 'Solrosen'], values: [2.8, 2, 3.3] },
    ]);
    expect(bar).toContain('Sjukfrånvaro, procent av arbetstid');
    expect(bar).toContain('<c:numFmt formatCode="0.0" sourceLinked="0"/>');
    expect(bar).not.toContain('typeface="Arial"');
    const line = xml.get('ppt/charts/chart2.xml')!;
    expect(line).toContain('<c:lineChart>');
    expect(chartSeries(line)).toEqual([{ name: 'Boende norr', categories: ['jan 2027', 'feb 2027', 'mar 2027'], values: [null, 8, 8] }]);
    expect(line).toContain('<c:dispBlanksAs val="gap"/>');
  });

  it('keeps å, ä and ö and writes empty bullet paragraphs', () => {
    expect(slideText(slides[4]!)).toContain('Mellanrubrik En punkt');
    expect(slideText(slides[4]!)).toContain('Vår');
    const bulletParagraphs = slides[4]!.match(/<a:buChar char="&#x2022;"\/><\/a:pPr><a:endParaRPr/g) ?? [];
    expect(bulletParagraphs).toHaveLength(1);
    expect(slideText(slides[1]!)).toContain('Sidfot för prov');
  });

  it('puts no person in the document properties', () => {
    const core = xml.get('docProps/core.xml')!;
    expect(core).toContain('<dc:creator>rehab</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>rehab</cp:lastModifiedBy>');
    expect(core).toContain('<dc:title>Provdäck</dc:title>');
    expect(xml.get('docProps/app.xml')).toContain('<Company></Company>');
  });
});
