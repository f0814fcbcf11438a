// The layers of STYLE.md are enforced: ESLint refuses each deliberately wrong import in tests/fixtures/lint/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/runCli.js';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'lint');
const eslint = new ESLint({ cwd: PROJECT_ROOT });

/** Lints a fixture as if it were src/<layer>/lint-fixture.ts, the layer being its name's first word. */
async function lintAsLayer(fixture: string): Promise<string[]> {
  const layer = fixture.split('-')[0]!;
  const [result] = await eslint.lintText(readFileSync(join(FIXTURES, fixture), 'utf8'), { filePath: join(PROJECT_ROOT, 'src', layer, 'lint-fixture.ts') });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer rules', () => {
  const wrong = readdirSync(FIXTURES).filter((name) => name.endsWith('.ts') && name !== 'core-pure.ts');

  it('has a wrong fixture for each rule', () => {
    expect(wrong.sort()).toEqual([
      'cli-imports-pptxgenjs.ts', 'core-imports-input.ts', 'input-imports-render.ts', 'plan-imports-write.ts',
      'plan-reads-disk.ts', 'render-imports-exceljs.ts', 'render-imports-write.ts',
    ]);
  });

  it.each(wrong)('%s is refused', async (fixture) => {
    const messages = await lintAsLayer(fixture);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: /);
  });

  it('says why: a core file importing input', async () => {
    expect(await lintAsLayer('core-imports-input.ts')).toEqual([
      "no-restricted-imports: '../input/config.js' import is restricted from being used by a pattern. The core imports no other layer.",
    ]);
  });

  it('a right import passes', async () => {
    expect(await lintAsLayer('core-pure.ts')).toEqual([]);
  });
});
