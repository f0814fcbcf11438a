// The yearly editable slide texts of the leadership deck (SPEC §6): templates/ledningsgrupp/*.md, one file per slide.
import { ConfigError } from '../errors.js';
import { readTemplateFolder, templatePath } from './templateFiles.js';

export const SLIDE_TEXTS_FOLDER = 'ledningsgrupp';

/** When a slide is shown: the other season's slides stay in the deck, hidden. */
export type SlideTextSeason = 'spring' | 'autumn' | 'both';

export interface SlideTextBlock {
  kind: 'paragraph' | 'bullet' | 'heading';
  text: string;
}

export interface SlideText {
  /** File name, e.g. '02-var-fokus.md' (the deck keeps the files' alphabetical order). */
  fileName: string;
  season: SlideTextSeason;
  title: string;
  /** The year's theme slide (`typ: tema`). */
  theme: boolean;
  blocks: SlideTextBlock[];
}

export type SlideTexts = SlideText[];

const SEASON_VALUES: Record<string, SlideTextSeason> = {
  vår: 'spring',
  var: 'spring',
  höst: 'autumn',
  host: 'autumn',
  båda: 'both',
  bada: 'both',
};
const TYPE_VALUES = ['tema', 'text'] as const;
const KEYS = ['termin', 'titel', 'typ'] as const;
type Key = (typeof KEYS)[number];

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? (quoted[2] ?? '') : trimmed;
}

/** Parses one slide file: front matter between two `---` lines, then paragraphs, `- ` bullets and `## ` headings. */
export function parseSlideText(fileName: string, content: string, path: string): SlideText {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (message: string, key?: string): never => {
    throw new ConfigError(`${path}: ${key ? `${key}: ` : ''}${message}`, key ?? path);
  };
  if (lines[0]?.trim() !== '---') fail('filen ska börja med en rad "---" följd av termin och titel (se README.md i samma mapp).');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end < 0) fail('huvudet saknar avslutande rad "---".');

  const values: Partial<Record<Key, string>> = {};
  for (const line of lines.slice(1, end)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) fail(`raden "${line.trim()}" ska ha formen nyckel: värde.`);
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!(KEYS as readonly string[]).includes(key)) fail(`okänd nyckel, tillåtna är ${KEYS.join(', ')}.`, key);
    values[key as Key] = unquote(line.slice(colon + 1));
  }

  const seasonText = values.termin;
  if (seasonText === undefined || seasonText === '') fail('saknas; ange vår, höst eller båda.', 'termin');
  const season = SEASON_VALUES[seasonText!.toLowerCase()];
  if (season === undefined) fail(`"${seasonText}" är inget giltigt värde; ange vår, höst eller båda.`, 'termin');
  const title = values.titel;
  if (title === undefined || title === '') fail('saknas; ange bildens rubrik.', 'titel');
  const type = (values.typ ?? 'text').toLowerCase();
  if (!(TYPE_VALUES as readonly string[]).includes(type)) fail(`"${values.typ}" är inget giltigt värde; ange tema eller utelämna nyckeln.`, 'typ');

  return { fileName, season: season!, title: title!, theme: type === 'tema', blocks: parseBody(lines.slice(end + 1)) };
}

function parseBody(lines: string[]): SlideTextBlock[] {
  const blocks: SlideTextBlock[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const rawLine of lines) {
    const line = rawLine.trim();
    const bullet = /^[-*•]\s+(.*)$/.exec(line);
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (line === '') {
      flush();
    } else if (bullet) {
      flush();
      blocks.push({ kind: 'bullet', text: bullet[1]!.trim() });
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: heading[1]!.trim() });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** The folder in use: `--templates DIR` when DIR has a ledningsgrupp/ folder (then only its files), else the bundled one. */
export function slideTextsDir(overrideDir?: string): string {
  return templatePath(SLIDE_TEXTS_FOLDER, overrideDir);
}

/** Reads every `*.md` but README.md, sorted by file name. */
export function readSlideTexts(overrideDir?: string): SlideTexts {
  const { files } = readTemplateFolder(SLIDE_TEXTS_FOLDER, overrideDir, (name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md');
  return files
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((file) => parseSlideText(file.name, file.content, file.path));
}
