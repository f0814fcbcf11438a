// An independent XML 1.0 well-formedness check for the parts we write (none of the project's dependencies parses XML):
// legal characters, balanced and properly nested tags, one root, well-formed attributes and references.
import JSZip from 'jszip';

const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NAME = '[A-Za-z_:\\u00C0-\\uFFFD][\\w.\\-:\\u00B7\\u00C0-\\uFFFD]*';
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/g;
const START_TAG = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^<"]*"|'[^<']*'))*)\\s*(/?)>`);
const END_TAG = new RegExp(`^</(${NAME})\\s*>`);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^<"]*)"|'([^<']*)')`, 'g');

function badReferences(text: string): boolean {
  return text.replace(REFERENCE, '').includes('&');
}

/** null when `xml` is well-formed, else what is wrong and where. */
export function xmlProblem(xml: string): string | null {
  const illegal = ILLEGAL_CHAR.exec(xml);
  if (illegal) return `illegal character U+${illegal[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${illegal.index}`;
  const stack: string[] = [];
  let roots = 0;
  let position = 0;
  while (position < xml.length) {
    const next = xml.indexOf('<', position);
    const text = xml.slice(position, next < 0 ? xml.length : next);
    if (text.length > 0) {
      if (stack.length === 0 && text.trim() !== '') return `text outside the root at ${position}`;
      if (badReferences(text)) return `bad reference in text at ${position}`;
      if (text.includes(']]>')) return `']]>' in text at ${position}`;
    }
    if (next < 0) break;
    const rest = xml.slice(next);
    let length: number;
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return `unclosed processing instruction at ${next}`;
      length = end + 2;
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      if (end < 0 || rest.slice(4, end).includes('--')) return `bad comment at ${next}`;
      length = end + 3;
    } else if (rest.startsWith('<![CDATA[')) {
      if (stack.length === 0) return `CDATA outside the root at ${next}`;
      const end = rest.indexOf(']]>');
      if (end < 0) return `unclosed CDATA at ${next}`;
      length = end + 3;
    } else if (rest.startsWith('</')) {
      const match = END_TAG.exec(rest);
      if (!match) return `bad end tag at ${next}`;
      if (stack.pop() !== match[1]) return `end tag </${match[1]}> does not match at ${next}`;
      length = match[0].length;
    } else {
      const match = START_TAG.exec(rest);
      if (!match) return `bad start tag at ${next}: ${rest.slice(0, 40)}`;
      const seen = new Set<string>();
      for (const attribute of match[2]!.matchAll(ATTRIBUTE)) {
        if (seen.has(attribute[1]!)) return `duplicate attribute ${attribute[1]} at ${next}`;
        seen.add(attribute[1]!);
        if (badReferences(attribute[2] ?? attribute[3] ?? '')) return `bad reference in attribute ${attribute[1]} at ${next}`;
      }
      if (stack.length === 0) {
        roots += 1;
        if (roots > 1) return `second root element at ${next}`;
      }
      if (match[3] !== '/') stack.push(match[1]!);
      length = match[0].length;
    }
    position = next + length;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return 'no root element';
  return null;
}

/** Every XML part of an Office package, embedded packages (chart workbooks) included: part name → problem. */
export async function packageXmlProblems(bytes: Buffer | Uint8Array, prefix = ''): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const problems = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.file(name);
    if (!entry) continue;
    if (/\.(xml|rels)$/.test(name)) {
      const problem = xmlProblem(await entry.async('string'));
      if (problem) problems.set(`${prefix}${name}`, problem);
    } else if (/\.xlsx$/.test(name)) {
      for (const [part, problem] of await packageXmlProblems(await entry.async('uint8array'), `${prefix}${name}!`)) problems.set(part, problem);
    }
  }
  return problems;
}

/** The texts of the cells of every workbook embedded in a deck's charts ("Redigera data"). */
export async function embeddedWorkbookTexts(pptx: Buffer | Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(pptx);
  const texts: string[] = [];
  for (const name of Object.keys(zip.files).filter((part) => /^ppt\/embeddings\/.*\.xlsx$/.test(part))) {
    const workbook = await JSZip.loadAsync(await zip.file(name)!.async('uint8array'));
    const shared = (await workbook.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    for (const match of shared.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) texts.push(decodeXml(match[1]!));
  }
  return texts;
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, digits: string) => String.fromCodePoint(Number(digits)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
