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

/** Broken JSON: each is located by line and column in a short Chinese message, whatever its size. */
const brokenJson: [string, string][] = [
  ['100,000 brackets never closed', '['.repeat(100_000)],
  ['a 900 KB line cut short', `{"name": "${'长'.repeat(900_000)}`],
  ['a control character', '{"name": "a\u0001b"}'],
  ['only a byte-order mark', '\uFEFF'],
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

  it.each(brokenJson)('broken JSON: %s', (_, text) => {
    let error: unknown;
    try {
      loadScheme(text, '方案.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemeError);
    expect((error as SchemeError).message).toMatch(/^方案文件「方案.json」有误：\n  - (JSON 格式错误：第 \d+ 行第 \d+ 列附近|方案文件是空的)/);
    expect((error as SchemeError).message.length).toBeLessThan(500);
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
      expect(r.stderr).toBe(
        `方案文件「${file}」有误：\n` +
          '  - 评议人类别「服务对象代表」的权重（raterGroups[0].weight）：不能是负数（现为 -5）\n' +
          '  - 评议人类别「党组织负责人」的权重（raterGroups[1].weight）：不能是负数（现为 -5）\n',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a legal value that is probably a slip is printed on stderr, and the scheme is used as written', async () => {
    const dir = tempDir('slip-scheme');
    try {
      const file = path.join(dir, '方案.json');
      const scheme = base();
      scheme.classification.rules[0].when[0].value = 0.5;
      fs.writeFileSync(file, JSON.stringify(scheme));
      const r = await pingyi(['template', '--scheme', file, '--out', path.join(dir, 'out')]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        `方案文件「${file}」中有可能写错的数值（仍按所写计算）：\n` +
          '  - 第 1 条等次规则（优秀）的第 1 个条件的得票率（classification.rules[0].when[0].value）是 0.5，即 0.5%：是否应为 50（即 50%）？百分比按“70 表示 70%”书写；现按 0.5% 计算\n',
      );
      expect(r.stdout).toMatch(/已生成/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validate and score list such a value among the findings (--json, 校验结果), not again on stderr', async () => {
    const dir = tempDir('slip-scheme-validate');
    try {
      const file = path.join(dir, '方案.json');
      const scheme: Record<string, any> = { ...base(), roster: [{ name: '张三' }] };
      scheme.classification.rules[0].when[0].value = 0.5;
      fs.writeFileSync(file, JSON.stringify(scheme));
      fs.mkdirSync(path.join(dir, 'in'));
      const r = await pingyi(['validate', '--scheme', file, '--json', path.join(dir, 'in')]);
      expect(r.stderr).not.toContain('可能写错');
      const slips = JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'SCHEME_DOUBTFUL_VALUE');
      expect(slips).toEqual([
        expect.objectContaining({
          severity: 'warning',
          file: `方案「${scheme.name}」`,
          message: expect.stringContaining('（classification.rules[0].when[0].value）是 0.5，即 0.5%：是否应为 50（即 50%）？'),
        }),
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
