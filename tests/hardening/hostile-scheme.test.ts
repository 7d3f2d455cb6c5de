/**
 * Hardening: hostile scheme files are validated before use and rejected with a clear Chinese message
 * (loadScheme in src/core/scheme/load-scheme.ts; the CLI exits 2). Bounds: each case under 5 s and a few
 * MB of memory (the largest input is the 2 MB string and the 100,000-deep nesting).
 */
import * as fs from 'fs';
import * as path from 'path';
import { getPreset } from '../../src/core/presets';
import { SchemeError, loadScheme } from '../../src/core/scheme/load-scheme';
import { pingyi, tempDir } from '../cli/cli-harness';

jest.setTimeout(15_000);

const base = () => JSON.parse(JSON.stringify(getPreset('p1-double-pledge'))) as Record<string, any>;
const CJK = /[\u4e00-\u9fff]/;

const hostile: [string, () => unknown][] = [
  ['huge numbers', () => ({ ...base(), raterGroups: base().raterGroups.map((g: any) => ({ ...g, weight: 1e308 })) })],
  ['negative weights', () => ({ ...base(), raterGroups: base().raterGroups.map((g: any) => ({ ...g, weight: -1 })) })],
  ['duplicate rater group ids', () => ({ ...base(), raterGroups: [...base().raterGroups, base().raterGroups[0]] })],
  ['duplicate form ids', () => ({ ...base(), forms: [...base().forms, base().forms[0]] })],
  ['an unknown field', () => ({ ...base(), backdoor: true })],
  ['a 2 MB string', () => ({ ...base(), name: '长'.repeat(2 * 1024 * 1024) })],
  ['NaN-like text for a number', () => ({ ...base(), raterGroups: base().raterGroups.map((g: any) => ({ ...g, weight: 'NaN' })) })],
];

describe('loadScheme rejects hostile schemes with a Chinese message', () => {
  it.each(hostile)('%s', (_, make) => {
    let error: unknown;
    try {
      loadScheme(JSON.stringify(make()));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemeError);
    expect((error as SchemeError).message).toMatch(CJK);
    expect((error as SchemeError).message.length).toBeLessThan(20_000);
  });

  it('deeply nested JSON (100,000 levels) is rejected, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => loadScheme(deep)).toThrow(SchemeError);
    const deepField = JSON.stringify({ ...base(), extra: null }).replace('null', '['.repeat(50_000) + ']'.repeat(50_000));
    expect(() => loadScheme(deepField)).toThrow(SchemeError);
  });

  it('the CLI exits 2 with the message on stderr', async () => {
    const dir = tempDir('hostile-scheme');
    try {
      const file = path.join(dir, '方案.json');
      fs.writeFileSync(file, JSON.stringify({ ...base(), raterGroups: base().raterGroups.map((g: any) => ({ ...g, weight: -5 })), roster: [{ name: '张三' }] }));
      fs.mkdirSync(path.join(dir, 'in'));
      const r = await pingyi(['validate', '--scheme', file, path.join(dir, 'in')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/方案/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
