import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { parseSlideText, readSlideTexts, slideTextsDir } from '../../src/input/slideTexts.js';
import { BUNDLED_TEMPLATES_DIR } from '../../src/input/templateFiles.js';

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseSlideText', () => {
  it('reads front matter, paragraphs, bullets and headings', () => {
    const text = [
      '---',
      'termin: höst',
      'titel: "Inför hösten: hälsosamtal"',
      '---',
      'Första raden i ett stycke',
      'fortsätter här.',
      '',
      '## Mellanrubrik',
      '- Punkt ett',
      '* Punkt två',
      'Avslutande stycke.',
    ].join('\r\n');
    expect(parseSlideText('03-host.md', `\uFEFF${text}`, '/x/03-host.md')).toEqual({
      fileName: '03-host.md',
      season: 'autumn',
      title: 'Inför hösten: hälsosamtal',
      theme: false,
      blocks: [
        { kind: 'paragraph', text: 'Första raden i ett stycke fortsätter här.' },
        { kind: 'heading', text: 'Mellanrubrik' },
        { kind: 'bullet', text: 'Punkt ett' },
        { kind: 'bullet', text: 'Punkt två' },
        { kind: 'paragraph', text: 'Avslutande stycke.' },
      ],
    });
  });

  it('accepts an unquoted title with a colon, typ: tema and Vår in any case', () => {
    const slide = parseSlideText('01.md', '---\ntermin: Vår\ntitel: Årets tema: tidiga insatser\ntyp: tema\n---\n', 'p');
    expect(slide).toMatchObject({ season: 'spring', title: 'Årets tema: tidiga insatser', theme: true, blocks: [] });
    expect(parseSlideText('x.md', '---\ntermin: båda\ntitel: T\n---\n', 'p').season).toBe('both');
  });

  it('rejects a bad termin with a Swedish message naming the file and the key', () => {
    const error = configError(() => parseSlideText('02.md', '---\ntermin: sommar\ntitel: T\n---\n', '/mallar/ledningsgrupp/02.md'));
    expect(error.message).toBe('/mallar/ledningsgrupp/02.md: termin: "sommar" är inget giltigt värde; ange vår, höst eller båda.');
    expect(error.key).toBe('termin');
  });

  it('rejects a missing termin or titel, an unknown key, a bad typ and a file without front matter', () => {
    expect(configError(() => parseSlideText('a.md', '---\ntitel: T\n---\n', 'a.md')).message).toBe('a.md: termin: saknas; ange vår, höst eller båda.');
    expect(configError(() => parseSlideText('a.md', '---\ntermin: vår\n---\n', 'a.md')).message).toBe('a.md: titel: saknas; ange bildens rubrik.');
    expect(configError(() => parseSlideText('a.md', '---\ntermin: vår\ntitle: T\n---\n', 'a.md')).message).toBe('a.md: title: okänd nyckel, tillåtna är termin, titel, typ.');
    expect(configError(() => parseSlideText('a.md', '---\ntermin: vår\ntitel: T\ntyp: bild\n---\n', 'a.md')).message).toContain('a.md: typ: "bild" är inget giltigt värde');
    expect(configError(() => parseSlideText('a.md', 'Bara text\n', 'a.md')).message).toContain('a.md: filen ska börja med en rad "---"');
    expect(configError(() => parseSlideText('a.md', '---\ntermin: vår\n', 'a.md')).message).toBe('a.md: huvudet saknar avslutande rad "---".');
  });
});

describe('readSlideTexts', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'rehab-slidetexts-'));
    made.push(dir);
    return dir;
  };

  it('reads the bundled texts sorted by file name, README left out', () => {
    const texts = readSlideTexts();
    expect(texts.map((text) => [text.fileName, text.season, text.theme])).toEqual([
      ['01-tema.md', 'both', true],
      ['02-var-fokus.md', 'spring', false],
      ['03-host-fokus.md', 'autumn', false],
      ['04-bada-uppfoljningen.md', 'both', false],
    ]);
    expect(texts[0]!.title).toBe('Årets tema: Tidiga insatser vid upprepad korttidsfrånvaro');
    expect(texts[1]!.title).toBe('Inför sommaren: planera återgång och semesterperioder');
    expect(texts[2]!.title).toBe('Inför hösten: hälsosamtal och uppföljning av planer');
    for (const text of texts) expect(text.blocks.some((block) => block.kind === 'bullet')).toBe(true);
  });

  it('uses only the override folder when --templates has ledningsgrupp/', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ledningsgrupp'));
    writeFileSync(join(dir, 'ledningsgrupp', 'b.md'), '---\ntermin: höst\ntitel: Egen höstbild\n---\n- Punkt\n');
    writeFileSync(join(dir, 'ledningsgrupp', 'a.md'), '---\ntermin: vår\ntitel: Egen vårbild\n---\n');
    writeFileSync(join(dir, 'ledningsgrupp', 'anteckning.txt'), 'inte en bild');
    expect(slideTextsDir(dir)).toBe(join(dir, 'ledningsgrupp'));
    expect(readSlideTexts(dir).map((text) => text.title)).toEqual(['Egen vårbild', 'Egen höstbild']);
  });

  it('falls back to the bundled texts when the override folder has no ledningsgrupp/', () => {
    const dir = tempDir();
    expect(slideTextsDir(dir)).toBe(join(BUNDLED_TEMPLATES_DIR, 'ledningsgrupp'));
    expect(readSlideTexts(dir)).toHaveLength(4);
  });

  it('names the file when an override text is invalid', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ledningsgrupp'));
    const path = join(dir, 'ledningsgrupp', '01-tema.md');
    writeFileSync(path, '---\ntermin: vinter\ntitel: T\n---\n');
    expect(configError(() => readSlideTexts(dir)).message).toBe(`${path}: termin: "vinter" är inget giltigt värde; ange vår, höst eller båda.`);
  });
});
