// Repairs what pptxgenjs 4.0.1 gets wrong in the package, so PowerPoint opens the deck without offering "repair"
// (STYLE.md; gitbrent/PptxGenJS issues #1534 orphan chart axis id and #1444 phantom slideMaster overrides).
import { readPackage, writePackage, type PackageParts } from './zipPackage.js';

const CONTENT_TYPES = '[Content_Types].xml';

/** Content types of the parts pptxgenjs writes, by folder, for parts that lack an Override. */
const PART_CONTENT_TYPES: [RegExp, string][] = [
  [/^ppt\/slides\/slide\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml'],
  [/^ppt\/slideLayouts\/slideLayout\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml'],
  [/^ppt\/slideMasters\/slideMaster\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml'],
  [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml'],
  [/^ppt\/notesMasters\/notesMaster\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml'],
  [/^ppt\/charts\/chart\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
  [/^ppt\/theme\/theme\d+\.xml$/, 'application/vnd.openxmlformats-officedocument.theme+xml'],
  [/^ppt\/presentation\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'],
  [/^ppt\/presProps\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.presProps+xml'],
  [/^ppt\/viewProps\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.viewProps+xml'],
  [/^ppt\/tableStyles\.xml$/, 'application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml'],
  [/^docProps\/core\.xml$/, 'application/vnd.openxmlformats-package.core-properties+xml'],
  [/^docProps\/app\.xml$/, 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
];

/** Default content types by extension, for non-XML parts (media, embedded workbooks). */
const EXTENSION_CONTENT_TYPES: Record<string, string> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

const AXIS_ELEMENT = /<c:(catAx|valAx|dateAx|serAx)>[\s\S]*?<\/c:\1>/g;
const AXIS_ID = /<c:axId val="([^"]*)"\s*\/>/g;
// pptxgenjs writes a null value as an empty point; an absent point is the valid way to leave a gap.
const EMPTY_POINT = /<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g;

/** Removes <c:axId> references to axes the chart does not define (pptxgenjs adds a series-axis id to 2D charts). */
export function fixChartXml(xml: string): string {
  const definedIds = new Set<string>();
  for (const axis of xml.matchAll(AXIS_ELEMENT)) {
    const firstId = /<c:axId val="([^"]*)"/.exec(axis[0]);
    if (firstId?.[1] !== undefined) definedIds.add(firstId[1]);
  }
  const fixed = xml.replace(AXIS_ID, (element, id: string) => (definedIds.has(id) ? element : '')).replace(EMPTY_POINT, '');
  return fixed.includes('<c:scatterChart>') ? styleScatterSeries(fixed) : fixed;
}

/** Scatter charts (the funnel plot): the first series is points without a line, the others lines without points. */
export function styleScatterSeries(xml: string): string {
  let index = -1;
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (series) => {
    index += 1;
    if (index === 0) return series.replace(/(<c:spPr>[\s\S]*?)<a:ln\b[^>]*>[\s\S]*?<\/a:ln>/, '$1<a:ln><a:noFill/></a:ln>');
    return series.replace(/<c:symbol val="[^"]*"\/>/, '<c:symbol val="none"/>');
  });
}

interface ContentTypeEntry {
  xml: string;
  partName?: string;
  extension?: string;
}

function parseContentTypes(xml: string): { entries: ContentTypeEntry[]; head: string; tail: string } {
  const open = xml.indexOf('<Types');
  const openEnd = xml.indexOf('>', open) + 1;
  const close = xml.lastIndexOf('</Types>');
  if (open < 0 || close < 0) throw new Error('[Content_Types].xml has no <Types> element');
  const body = xml.slice(openEnd, close);
  const entries = [...body.matchAll(/<(Default|Override)\b[^>]*\/>/g)].map((match): ContentTypeEntry => {
    const element = match[0];
    const attribute = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1];
    return match[1] === 'Override' ? { xml: element, partName: attribute('PartName') } : { xml: element, extension: attribute('Extension')?.toLowerCase() };
  });
  return { entries, head: xml.slice(0, openEnd), tail: xml.slice(close) };
}

/** pptxgenjs declares jpg as image/jpg, which is not a registered MIME type. */
function fixMediaType(entry: ContentTypeEntry): ContentTypeEntry {
  return entry.extension === 'jpg' ? { ...entry, xml: entry.xml.replace('ContentType="image/jpg"', 'ContentType="image/jpeg"') } : entry;
}

/** docProps/app.xml says 0 hidden slides whatever the deck holds; count the slides marked show="0". */
export function fixAppXml(xml: string, hiddenSlides: number): string {
  return xml.replace(/<HiddenSlides>\d+<\/HiddenSlides>/, `<HiddenSlides>${hiddenSlides}</HiddenSlides>`);
}

/** Drops Overrides for parts that are not in the package and declares every part that has no content type. */
export function fixContentTypes(xml: string, partNames: string[]): string {
  const parts = new Set(partNames);
  const { entries, head, tail } = parseContentTypes(xml);
  const seenOverrides = new Set<string>();
  const kept = entries.map(fixMediaType).filter((entry) => {
    if (entry.partName === undefined) return true;
    const part = entry.partName.replace(/^\//, '');
    if (!parts.has(part) || seenOverrides.has(part)) return false;
    seenOverrides.add(part);
    return true;
  });
  const defaults = new Set(kept.flatMap((entry) => (entry.extension ? [entry.extension] : [])));
  const added: string[] = [];
  for (const part of partNames) {
    if (part === CONTENT_TYPES || seenOverrides.has(part)) continue;
    const byFolder = PART_CONTENT_TYPES.find(([pattern]) => pattern.test(part));
    if (byFolder) {
      added.push(`<Override PartName="/${part}" ContentType="${byFolder[1]}"/>`);
      seenOverrides.add(part);
      continue;
    }
    const extension = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase();
    const contentType = extension === undefined ? undefined : EXTENSION_CONTENT_TYPES[extension];
    if (extension !== undefined && contentType !== undefined && !defaults.has(extension)) {
      added.push(`<Default Extension="${extension}" ContentType="${contentType}"/>`);
      defaults.add(extension);
    }
  }
  // Defaults first, then Overrides, the order Office itself writes.
  const all = [...kept.map((entry) => entry.xml), ...added];
  const sorted = [...all.filter((entry) => entry.startsWith('<Default')), ...all.filter((entry) => entry.startsWith('<Override'))];
  return `${head}${sorted.join('')}${tail}`;
}

const SWEDISH = 'sv-SE';

/**
 * pptxgenjs numbers chart parts with a counter per process (chart317.xml, Microsoft_Excel_Worksheet317.xlsx): a deck's
 * bytes would depend on how many charts the process wrote before it. Renumbered 1, 2, … in each deck, in the same
 * order, with every reference (slide and chart relationships, content types), the deck is the same whichever
 * thread writes it and whatever was written first.
 */
export function renumberCharts(parts: PackageParts): PackageParts {
  const ids = [...parts.keys()].flatMap((name) => {
    const match = /^ppt\/charts\/chart(\d+)\.xml$/.exec(name);
    return match ? [Number(match[1])] : [];
  });
  ids.sort((a, b) => a - b);
  if (ids.every((id, index) => id === index + 1)) return parts;
  const renumbered = new Map(ids.map((id, index) => [id, index + 1]));
  const rename = (text: string): string =>
    text
      .replace(/(charts\/(?:_rels\/)?chart)(\d+)(\.xml)/g, (whole, head: string, id: string, tail: string) => (renumbered.has(Number(id)) ? `${head}${renumbered.get(Number(id))}${tail}` : whole))
      .replace(/(embeddings\/Microsoft_Excel_Worksheet)(\d+)(\.xlsx)/g, (whole, head: string, id: string, tail: string) => (renumbered.has(Number(id)) ? `${head}${renumbered.get(Number(id))}${tail}` : whole));
  const result: PackageParts = new Map();
  for (const [name, data] of parts) {
    const references = name.endsWith('.rels') || name === CONTENT_TYPES;
    result.set(rename(name), references ? Buffer.from(rename(Buffer.from(data).toString('utf8')), 'utf8') : data);
  }
  return result;
}

export async function fixPptxPackage(pptx: Buffer): Promise<Buffer> {
  const parts = renumberCharts(readPackage(pptx));
  const partNames = [...parts.keys()];
  const text = (name: string): string => Buffer.from(parts.get(name)!).toString('utf8');
  const replace = (name: string, xml: string): void => {
    parts.set(name, Buffer.from(xml, 'utf8'));
  };
  for (const name of partNames.filter((part) => /^ppt\/charts\/chart\d+\.xml$/.test(part))) replace(name, fixChartXml(text(name)));
  let hiddenSlides = 0;
  for (const name of partNames.filter((part) => /^ppt\/slides\/slide\d+\.xml$/.test(part))) {
    if (/<p:sld\b[^>]*\sshow="0"/.test(text(name))) hiddenSlides += 1;
  }
  // Every text is Swedish: pptxgenjs writes lang="en-US" where it ignores the lang option (tables, chart titles,
  // notes, the masters), so PowerPoint would spell-check those in English.
  for (const name of partNames.filter((part) => /^ppt\/.+\.xml$/.test(part))) {
    const xml = text(name);
    if (xml.includes(' lang="en-US"')) replace(name, xml.replaceAll(' lang="en-US"', ` lang="${SWEDISH}"`));
  }
  if (parts.has('docProps/app.xml')) replace('docProps/app.xml', fixAppXml(text('docProps/app.xml'), hiddenSlides));
  if (!parts.has(CONTENT_TYPES)) throw new Error('the package has no [Content_Types].xml');
  replace(CONTENT_TYPES, fixContentTypes(text(CONTENT_TYPES), partNames));
  return writePackage(parts);
}
