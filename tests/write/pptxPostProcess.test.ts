import { describe, expect, it } from 'vitest';
import pptxgenjs from 'pptxgenjs';
import { fixAppXml, fixChartXml, fixContentTypes, fixPptxPackage } from '../../src/write/pptxPostProcess.js';
import { packageProblems, partNames, unzipXml } from '../render/deckTestData.js';

// The shape pptxgenjs 4.0.1 writes for a 2D bar chart: three axIds in the chart group, two axes.
const RAW_CHART = [
  '<c:plotArea><c:barChart><c:barDir val="col"/><c:ser><c:idx val="0"/><c:val><c:numRef><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>',
  '<c:pt idx="0"><c:v>1.5</c:v></c:pt><c:pt idx="1"><c:v></c:v></c:pt><c:pt idx="2"><c:v>0</c:v></c:pt>',
  '</c:numCache></c:numRef></c:val></c:ser>',
  '<c:axId val="2094734554"/><c:axId val="2094734552"/><c:axId val="2094734556"/></c:barChart>',
  '<c:catAx>  <c:axId val="2094734554"/><c:crossAx val="2094734552"/></c:catAx>',
  '<c:valAx>  <c:axId val="2094734552"/><c:crossAx val="2094734554"/></c:valAx></c:plotArea>',
].join('');

describe('fixChartXml', () => {
  it('drops the axis id that no axis defines and keeps the two that do', () => {
    const fixed = fixChartXml(RAW_CHART);
    expect([...fixed.matchAll(/<c:axId val="(\d+)"\/>/g)].map((match) => match[1])).toEqual(['2094734554', '2094734552', '2094734554', '2094734552']);
    expect(fixed).not.toContain('2094734556');
    expect(fixed).toContain('<c:crossAx val="2094734552"/>');
  });

  it('turns an empty point (a null value) into a missing point and keeps zero', () => {
    const fixed = fixChartXml(RAW_CHART);
    expect(fixed).toContain('<c:ptCount val="3"/><c:pt idx="0"><c:v>1.5</c:v></c:pt><c:pt idx="2"><c:v>0</c:v></c:pt>');
  });

  it('keeps a series axis id when the chart has a c:serAx (3D bars)', () => {
    const bar3d = RAW_CHART.replace('</c:plotArea>', '<c:serAx><c:axId val="2094734556"/></c:serAx></c:plotArea>');
    expect(fixChartXml(bar3d).match(/2094734556/g)).toHaveLength(2);
  });
});

describe('fixContentTypes', () => {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">';
  const xml = `${head}<Default Extension="xml" ContentType="application/xml"/><Default Extension="jpg" ContentType="image/jpg"/>`
    + '<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>'
    + '<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/>'
    + '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/>'
    + '</Types>';
  const parts = ['[Content_Types].xml', 'ppt/presentation.xml', 'ppt/slideMasters/slideMaster1.xml', 'ppt/charts/chart1.xml', 'ppt/media/image1.png', '_rels/.rels'];

  it('removes the override of a part that is not in the package', () => {
    const fixed = fixContentTypes(xml, parts);
    expect(fixed).toContain('/ppt/slideMasters/slideMaster1.xml');
    expect(fixed).not.toContain('slideMaster2');
  });

  it('declares parts that had no content type: chart override, png and rels defaults', () => {
    const fixed = fixContentTypes(xml, parts);
    expect(fixed).toContain('<Override PartName="/ppt/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(fixed).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(fixed).toContain('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>');
    expect(fixed).toContain('<Default Extension="jpg" ContentType="image/jpeg"/>');
    expect(fixed.startsWith(head)).toBe(true);
    expect(fixed.endsWith('</Types>')).toBe(true);
  });
});

describe('fixAppXml', () => {
  it('writes the number of hidden slides', () => {
    expect(fixAppXml('<Slides>4</Slides><HiddenSlides>0</HiddenSlides>', 2)).toBe('<Slides>4</Slides><HiddenSlides>2</HiddenSlides>');
  });
});

describe('fixPptxPackage on what pptxgenjs 4.0.1 writes', () => {
  // The raw library output, built here without our writer, shows both repair triggers the post-processing exists for.
  async function rawDeck(): Promise<Buffer> {
    type PptxGenJSClass = typeof pptxgenjs.default;
    const moduleExport = pptxgenjs as unknown as PptxGenJSClass & { default?: PptxGenJSClass };
    const PptxGenJS = moduleExport.default ?? moduleExport;
    const pptx = new PptxGenJS();
    for (let index = 0; index < 3; index += 1) {
      const slide = pptx.addSlide();
      slide.addChart(pptx.ChartType.bar, [{ name: 'Korttid', labels: ['A', 'B'], values: [1, 2] }], { x: 1, y: 1, w: 6, h: 4 });
    }
    return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  }

  it('finds orphan axis ids and phantom slide masters before, none after', async () => {
    const raw = await rawDeck();
    const before = await packageProblems(raw);
    expect(before.filter((problem) => problem.includes('axId 2094734556 has no axis'))).toHaveLength(3);
    expect(before).toContain('Override for missing part ppt/slideMasters/slideMaster2.xml');
    expect(before).toContain('Override for missing part ppt/slideMasters/slideMaster3.xml');

    const fixed = await fixPptxPackage(raw);
    expect(await packageProblems(fixed)).toEqual([]);
    // Nothing else lost: the same parts, [Content_Types].xml still first.
    expect((await partNames(fixed)).sort()).toEqual((await partNames(raw)).sort());
    expect((await partNames(fixed))[0]).toBe('[Content_Types].xml');
    const xml = await unzipXml(fixed);
    expect(xml.get('ppt/charts/chart1.xml')).toContain('<c:axId val="2094734554"/><c:axId val="2094734552"/>');
  });

  it('numbers chart parts from 1 in every deck, so a deck does not depend on the charts written before it', async () => {
    // pptxgenjs counts charts per process: the second deck's chart parts have other numbers than the first's.
    const first = await rawDeck();
    const second = await rawDeck();
    const charts = async (deck: Buffer): Promise<string[]> => (await partNames(deck)).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name)).sort();
    expect(await charts(second)).toHaveLength(3);
    expect(await charts(second)).not.toEqual(await charts(first));
    const [a, b] = [await unzipXml(await fixPptxPackage(first)), await unzipXml(await fixPptxPackage(second))];
    expect(await packageProblems(await fixPptxPackage(second))).toEqual([]);
    expect((await partNames(await fixPptxPackage(second))).filter((name) => /chart\d|Worksheet\d/.test(name)).sort()).toEqual([
      'ppt/charts/_rels/chart1.xml.rels',
      'ppt/charts/_rels/chart2.xml.rels',
      'ppt/charts/_rels/chart3.xml.rels',
      'ppt/charts/chart1.xml',
      'ppt/charts/chart2.xml',
      'ppt/charts/chart3.xml',
      'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      'ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx',
      'ppt/embeddings/Microsoft_Excel_Worksheet3.xlsx',
    ]);
    // Every XML part the same as the first deck's, the document times apart.
    const withoutTimes = (xml: string): string => xml.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'TID');
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, xml] of a) expect(withoutTimes(b.get(name)!), name).toBe(withoutTimes(xml));
  });
});
