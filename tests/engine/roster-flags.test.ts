/**
 * Roster columns read by a scheme's roster-flag vetoes (core/roster/flag-columns.ts): a column headed
 * as real rosters head it (责任事故, 是否被问责（是/否）) is read, and said; two candidates, or one column
 * two rules could read, are reported, not guessed; a veto-looking column no rule reads is reported with
 * the fields the scheme expects. Seed 003 篇六: any 经济、刑事案件或责任事故 → 不称职.
 */
import { CellValue } from '../../src/core/forms/grid';
import { runCampaign } from '../../src/core/engine';
import { getPreset } from '../../src/core/presets';
import { Scheme } from '../../src/core/scheme/scheme-schema';
import { loadScheme } from '../../src/core/scheme/load-scheme';
import { readRoster } from '../../src/hosts/files/read-roster';
import { scoreSheet, submission } from '../helpers/grids';

/** p4-middle-managers, both people scored 90 by both groups (优秀 unless vetoed); the roster as a file. */
function campaign(rows: CellValue[][], scheme: Scheme = getPreset('p4-middle-managers')) {
  const { roster, source } = readRoster({ file: '名册.xlsx', sheets: [{ name: '名册', rows, merges: [] }] });
  const sheet = (group: string) =>
    scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: roster.map((p) => ({ name: p.name, scores: [90] })) });
  const r = runCampaign({ scheme, roster, rosterSource: source, submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))], today: '2026-12-01' });
  const tier = (name: string) => r.subjects.find((s) => s.name === name)!.tier;
  const flagFindings = r.findings.filter((f) => f.code.startsWith('ROSTER_FLAG'));
  return { r, tier, flagFindings };
}

/** p4-middle-managers with its veto reading other fields, and optionally a second veto. */
function withVetoes(fields: string[], second?: string): Scheme {
  const s = structuredClone(getPreset('p4-middle-managers'));
  s.vetoes = [{ ...s.vetoes[0], when: fields.map((field) => ({ kind: 'roster-flag' as const, field })) }];
  if (second) s.vetoes.push({ id: 'second', name: '第二项', when: [{ kind: 'roster-flag', field: second }], effect: { kind: 'cap', tier: '称职' }, cite: '测试' });
  return loadScheme(s);
}

describe('roster-flag columns headed otherwise than the scheme field', () => {
  it.each(['责任事故', '经济、刑事案件或责任事故', '是否发生案件或事故', '是否发生案件或事故（是/否）'])('「%s」 is the 事故 veto: 不称职, and said', (header) => {
    const { tier, flagFindings } = campaign([
      ['姓名', '单位', header],
      ['王建国', '营业部', '分管网点发生责任事故'],
      ['李秀英', '公司部', '无'],
    ]);
    expect(tier('王建国')).toBe('不称职');
    expect(tier('李秀英')).toBe('优秀');
    expect(flagFindings.map((f) => [f.code, f.file, f.sheet, f.cell])).toEqual([['ROSTER_FLAG_COLUMN_READ_AS', '名册.xlsx', '名册', 'C1']]);
    expect(flagFindings[0].message).toContain(`「${header}」栏（名册!C1）`);
  });

  it('the exact header is read as before, with nothing to say', () => {
    const { tier, flagFindings } = campaign([
      ['姓名', '事故'],
      ['王建国', '分管网点发生责任事故'],
      ['李秀英', null],
    ]);
    expect([tier('王建国'), tier('李秀英')]).toEqual(['不称职', '优秀']);
    expect(flagFindings).toEqual([]);
  });

  it.each([
    ['出现重大失误', '重大失误'],
    ['被问责追责', '被问责'],
    ['是否被问责', '被问责'],
    ['问责情况', '被问责'],
  ])('p4 篇三 wording 「%s」 feeds 「%s」', (header, field) => {
    const { tier, flagFindings } = campaign([['姓名', header], ['王建国', '是'], ['李秀英', '否']], withVetoes(['重大失误', '被问责']));
    expect([tier('王建国'), tier('李秀英')]).toEqual(['不称职', '优秀']);
    expect(flagFindings).toHaveLength(1);
    expect(flagFindings[0].message).toContain(`「${field}」栏读取`);
  });

  it.each([
    ['违法违纪被查处', '违法违纪'],
    ['被群众投诉经查证属实', '投诉查实'],
    ['群众投诉', '投诉查实'],
  ])('seed 000 wording 「%s」 feeds 「%s」', (header, field) => {
    const { tier, flagFindings } = campaign([['姓名', header], ['王建国', '是'], ['李秀英', '否']], withVetoes(['违法违纪', '投诉查实']));
    expect(tier('王建国')).toBe('不称职');
    expect(flagFindings[0].message).toContain(`「${field}」栏读取`);
  });

  it('one column that names both alternatives of one 一票否决 feeds both, and says so', () => {
    const { tier, flagFindings } = campaign([['姓名', '重大失误或被问责'], ['王建国', '被问责'], ['李秀英', '无']], withVetoes(['重大失误', '被问责']));
    expect(tier('王建国')).toBe('不称职');
    expect(flagFindings.map((f) => f.code)).toEqual(['ROSTER_FLAG_COLUMN_READ_AS']);
    expect(flagFindings[0].message).toContain('「重大失误」或「被问责」栏');
  });

  it('two candidate columns for one field: neither is read, an error says which to rename', () => {
    const { tier, flagFindings } = campaign([['姓名', '是否被问责', '问责情况'], ['王建国', '是', '被约谈'], ['李秀英', '否', '无']], withVetoes(['被问责']));
    expect(tier('王建国')).toBe('优秀');
    expect(flagFindings.map((f) => [f.code, f.severity, f.cell])).toEqual([['ROSTER_FLAG_COLUMN_AMBIGUOUS', 'error', 'B1']]);
    expect(flagFindings[0].message).toContain('「是否被问责」栏（名册!B1）和「问责情况」栏（名册!C1）');
    expect(flagFindings[0].message).toContain('改名为「被问责」');
  });

  it('one column two different rules could read: not read, an error', () => {
    const { tier, flagFindings } = campaign([['姓名', '案件事故'], ['王建国', '是'], ['李秀英', '否']], withVetoes(['事故'], '案件'));
    expect(tier('王建国')).toBe('优秀');
    expect(flagFindings.map((f) => [f.code, f.severity, f.cell])).toEqual([['ROSTER_FLAG_COLUMN_AMBIGUOUS', 'error', 'B1']]);
    expect(flagFindings[0].message).toMatch(/「事故」.*也可能是.*「案件」/);
  });

  it.each(['否决事项', '一票否决事项'])('a generic 「%s」 column is not applied by guess: a warning names the fields expected', (header) => {
    const { tier, flagFindings } = campaign([['姓名', '单位', header], ['王建国', '营业部', '分管网点发生诈骗案件'], ['李秀英', '公司部', null]]);
    expect(tier('王建国')).toBe('优秀');
    expect(flagFindings.map((f) => [f.code, f.severity, f.file, f.cell])).toEqual([['ROSTER_FLAG_COLUMN_UNUSED', 'warning', '名册.xlsx', 'C1']]);
    expect(flagFindings[0].message).toContain(`「${header}」栏（名册!C1）`);
    expect(flagFindings[0].message).toContain('请将栏名改为「案件或事故」或「事故」');
  });

  it('a veto-looking column besides the one read is reported as unused', () => {
    const { flagFindings } = campaign([['姓名', '事故', '被问责', '备注'], ['王建国', null, '是', '无'], ['李秀英', null, null, null]]);
    expect(flagFindings.map((f) => [f.code, f.cell])).toEqual([['ROSTER_FLAG_COLUMN_UNUSED', 'C1']]);
    expect(flagFindings[0].message).toContain('方案所读的栏已在名册中找到（「事故」）');
  });

  it("a scheme's own roster (no file) is matched the same way; findings name no cell", () => {
    const scheme = getPreset('p4-middle-managers');
    const roster = [{ name: '王建国', flags: { 责任事故: '发生' } }, { name: '李秀英' }];
    const sheet = (group: string) => scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: roster.map((p) => ({ name: p.name, scores: [90] })) });
    const r = runCampaign({ scheme, roster, submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))], today: '2026-12-01' });
    expect(r.subjects.find((s) => s.name === '王建国')!.tier).toBe('不称职');
    const f = r.findings.find((x) => x.code === 'ROSTER_FLAG_COLUMN_READ_AS')!;
    expect([f.file, f.cell]).toEqual(['名册', null]);
  });

  it('"none" written as clerks write it lifts nothing; a denial that says more keeps the veto, and is said', () => {
    const { tier, flagFindings } = campaign([
      ['姓名', '事故'],
      ['王建国', '无证驾驶'],
      ['李秀英', '未发生责任事故'],
      ['张伟', '0起'],
    ]);
    expect([tier('王建国'), tier('李秀英'), tier('张伟')]).toEqual(['不称职', '优秀', '优秀']);
    expect(flagFindings.map((f) => [f.code, f.severity, f.sheet, f.cell, f.subject])).toEqual([['ROSTER_FLAG_UNCLEAR', 'warning', '名册', 'B2', '王建国']]);
    expect(flagFindings[0].message).toContain('「事故」栏中「王建国」的「无证驾驶」');
  });
});

describe('a form only window posts are rated on (seed 004 附表3)', () => {
  /** p4-middle-managers' score form made a window-only form: the roster decides who may be rated on it. */
  function windowCampaign(roster: { name: string; window?: boolean }[]) {
    const s = structuredClone(getPreset('p4-middle-managers'));
    s.forms = s.forms.map((f) => ({ ...f, onlyWindowPosts: true }));
    const scheme = loadScheme(s);
    const sheet = (group: string) =>
      scoreSheet('表', { fields: [`测评人类别：${group}`], items: ['测评得分'], rows: roster.map((p) => ({ name: p.name, scores: [90] })) });
    const r = runCampaign({ scheme, roster, submissions: [submission('c.xlsx', sheet('干部')), submission('s.xlsx', sheet('员工'))], today: '2026-12-01' });
    return r.findings.filter((f) => f.code === 'ROSTER_NO_WINDOW_POSTS' || f.code === 'SUBJECT_NOT_WINDOW_POST').map((f) => [f.code, f.subject ?? null]);
  }

  it('a roster that marks no window post is said once, and each person rated on the form', () => {
    expect(windowCampaign([{ name: '王建国' }, { name: '李秀英', window: false }])).toEqual([
      ['ROSTER_NO_WINDOW_POSTS', null],
      ['SUBJECT_NOT_WINDOW_POST', '王建国'],
      ['SUBJECT_NOT_WINDOW_POST', '李秀英'],
    ]);
  });

  it('a person rated on it but not a window post in the roster is said; window posts are not', () => {
    expect(windowCampaign([{ name: '王建国', window: true }, { name: '李秀英' }])).toEqual([['SUBJECT_NOT_WINDOW_POST', '李秀英']]);
  });
});
