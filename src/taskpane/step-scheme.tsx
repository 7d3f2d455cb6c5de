/**
 * Step 1, 方案: choose a preset and change what matters (rater groups and weights, the tier
 * thresholds said with 以上（含）/超过, vetoes switched on and off, quotas, how votes are counted
 * (denominators, marks agreed besides √, identical ballots), rectification days and the results date, the 公示表's
 * 落款, telephone and 公示期); read the roster (and, for a 连续 N 次 rule, past years' results) from a sheet of this
 * workbook or from a file; import and export the
 * scheme as JSON. Every change goes through loadScheme, so an edit that would break the scheme is
 * refused with its reason; values that are legal but probably slips (0.7 for 70%) are shown as warnings
 * (scheme-warnings.ts); the store saves the campaign to the workbook after each change.
 */
import { Body1, Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Subtitle2, Switch, Text, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isShareFraction } from '../core/common/fraction';
import { PRESETS } from '../core/presets';
import { shareFormsLabel } from '../core/rules/conditions';
import { SchemeError, loadScheme } from '../core/scheme/load-scheme';
import { Comparison, Condition, Quota, Scheme } from '../core/scheme/scheme-schema';
import { schemeWarnings } from '../core/scheme/scheme-warnings';
import { Finding } from '../core/findings/finding';
import { SheetGrid } from '../core/forms/grid';
import { describeHistoryTemplate } from '../core/output/describe-history';
import { campaignYear } from '../core/results/campaign-year';
import { readHistory } from '../hosts/files/read-history';
import { formsWithoutSubjects } from '../core/roster/forms-without-subjects';
import { RosterSource } from '../core/roster/flag-columns';
import { RosterEntry } from '../core/roster/roster';
import { readRoster } from '../hosts/files/read-roster';
import { SheetInfo, WorkbookHost } from '../hosts/workbook-host';
import { JSON_MIME, XLSX_MIME, downloadFile, errorText, loadWriter, readFileText } from './browser-files';
import { readHistoryFile, readRosterFile } from './import-files';
import { NumberField, NumberValue } from './number-field';
import { ErrorBar, FilePicker, Notice, ProblemsBar, useAction, useStyles } from './parts';
import {
  COMPARISONS,
  comparisonWords,
  conditionWords,
  designationWords,
  quotaWords,
  vetoWords,
} from './scheme-words';
import { ConsequenceEditor, MemberCountFields, NamesSection } from './scheme-names';
import { Campaign, THIS_WORKBOOK, savedIn } from './use-campaign';

export interface StepProps {
  campaign: Campaign;
  host: WorkbookHost;
  /** True in Excel: actions on the open workbook; false (standalone page): files and downloads only. */
  inWorkbook: boolean;
}

export function StepScheme({ campaign, host, inWorkbook }: StepProps) {
  const styles = useStyles();
  return (
    <section className={styles.step} aria-labelledby="step-scheme-title">
      <Subtitle2 as="h2" id="step-scheme-title">
        方案
      </Subtitle2>
      <SchemePicker campaign={campaign} savedIn={savedIn(host.kind)} />
      <NamesSection campaign={campaign} />
      <RosterSection campaign={campaign} host={host} inWorkbook={inWorkbook} />
      <HistorySection campaign={campaign} host={host} inWorkbook={inWorkbook} />
      <GroupsSection campaign={campaign} />
      <TiersSection campaign={campaign} />
      <VetoesSection campaign={campaign} />
      <QuotasSection campaign={campaign} />
      <CountingSection campaign={campaign} />
      <RectificationSection campaign={campaign} />
      <PublicationSection campaign={campaign} />
    </section>
  );
}

// The preset list is as wide as its longest name; in a 350 px task pane it must fit the pane (the name wraps in 方案说明).
const usePickerStyles = makeStyles({ picker: { maxWidth: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis', minWidth: 0 } } });

function SchemePicker({ campaign, savedIn }: { campaign: Campaign; savedIn: '工作簿' | '浏览器' }) {
  const styles = useStyles();
  const local = usePickerStyles();
  const { scheme } = campaign;
  const [importProblems, setImportProblems] = useState<{ file: string; problems: string[] } | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const isPreset = PRESETS.some((p) => p.id === scheme.id);
  // Values that are legal but probably slips (0.7 for 70%), for the scheme in use however it came: imported,
  // restored from the workbook, or edited below.
  const warnings = useMemo(() => schemeWarnings(scheme), [scheme]);

  const importScheme = async (files: File[]) => {
    const file = files[0];
    setImported(null);
    try {
      const next = loadScheme(await readFileText(file), file.name);
      campaign.replaceScheme(next);
      setImportProblems(null);
      setImported(`已导入方案「${next.name}」（${file.name}）`);
    } catch (e) {
      setImportProblems({ file: file.name, problems: e instanceof SchemeError ? e.problems : [errorText(e)] });
    }
  };

  return (
    <div className={styles.section}>
      <Field label="预设方案">
        <Select
          className={local.picker}
          value={scheme.id}
          onChange={(_e, data) => {
            if (PRESETS.some((p) => p.id === data.value)) {
              campaign.choosePreset(data.value);
              setImported(null);
              setImportProblems(null);
            }
          }}
        >
          {isPreset ? null : <option value={scheme.id}>（导入的方案）{scheme.name}</option>}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <details>
        <summary>方案说明：{scheme.name}</summary>
        <Body1 as="p">{scheme.description}</Body1>
        <Text size={200} className={styles.muted}>
          依据：{scheme.seed}
        </Text>
      </details>
      <div className={styles.row}>
        <FilePicker label="导入方案（JSON）" accept=".json,application/json" onFiles={importScheme} />
        {/* Named by the scheme's Chinese name, as the clerk knows it (its id is for the program). */}
        <Button onClick={() => downloadFile(`${scheme.name}.json`, `${JSON.stringify(scheme, null, 2)}\n`, JSON_MIME)}>导出方案（JSON）</Button>
      </div>
      {importProblems ? <ProblemsBar title={`方案文件「${importProblems.file}」有误，未导入`} problems={importProblems.problems} /> : null}
      {imported ? <Notice intent="success">{imported}</Notice> : null}
      <ProblemsBar intent="warning" title="方案中有可能写错的数值（仍按所写计算）" problems={warnings} />
      {campaign.saveError ? (
        <Notice intent="error" title={`方案未能保存到${savedIn}`}>
          {campaign.saveError}
        </Notice>
      ) : null}
    </div>
  );
}

/**
 * Reading a list the clerk keeps (名册, 往年结果): from a sheet of this workbook (in Excel) or from a file.
 * `fromGrids` and `fromFile` read it and hand it to the campaign; `sheetHint` picks the likely sheet.
 */
function ListImport(props: {
  host: WorkbookHost;
  inWorkbook: boolean;
  /** The list's name in the labels: 名册, 往年结果. */
  what: string;
  sheetHint: RegExp;
  fromGrids: (grids: SheetGrid[], sheet: string, findings: Finding[]) => void;
  fromFile: (file: File) => Promise<void>;
  /** What reading the list last found, shown under it. */
  problems: Finding[];
}) {
  const { host, inWorkbook, what, sheetHint } = props;
  const styles = useStyles();
  const action = useAction();
  // Listing the sheets has its own state, so a slow list never blocks reading a file.
  const listing = useAction();
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [sheet, setSheet] = useState('');

  const { run } = listing;
  const refresh = useCallback(async () => {
    const list = await run('无法列出工作表', () => host.listSheets());
    if (!list) return;
    const own = list.filter((s) => s.ownedKind === null && s.visible);
    setSheets(own);
    setSheet((current) => (own.some((s) => s.name === current) ? current : own.find((s) => sheetHint.test(s.name))?.name ?? own[0]?.name ?? ''));
  }, [host, run, sheetHint]);

  useEffect(() => {
    if (inWorkbook) void refresh();
  }, [inWorkbook, refresh]);

  const fromSheet = () =>
    action.run(`读取${what}失败`, async () => {
      const { sheets: grids, findings } = await host.readSheets([sheet]);
      props.fromGrids(grids, sheet, findings);
    });

  return (
    <>
      {inWorkbook ? (
        <div className={styles.row}>
          <Field label={`${what}所在工作表`}>
            <Select value={sheet} onChange={(_e, d) => setSheet(d.value)} disabled={sheets.length === 0}>
              {sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={!sheet || action.busy} onClick={fromSheet}>
            从工作表读取{what}
          </Button>
          <Button disabled={listing.busy} onClick={refresh}>
            刷新工作表列表
          </Button>
        </div>
      ) : null}
      <div className={styles.row}>
        <FilePicker
          label={`从文件读取${what}`}
          accept=".xlsx,.xlsm,.xls,.et,.ods,.csv"
          disabled={action.busy}
          onFiles={(files) => action.run(`读取${what}文件失败`, () => props.fromFile(files[0]))}
        />
      </div>
      <ErrorBar error={listing.error} />
      <ErrorBar error={action.error} />
      <ProblemsBar
        intent={props.problems.some((f) => f.severity === 'error') ? 'error' : 'warning'}
        title={`${what}中的问题`}
        problems={props.problems.map((f) => f.message)}
      />
    </>
  );
}

const ROSTER_SHEET = /名册|名单/;
const HISTORY_SHEET = /往年|历年|上年|结果/;

function RosterSection({ campaign, host, inWorkbook }: StepProps) {
  const styles = useStyles();
  const { roster, scheme } = campaign;
  /** A list read that yields no one: the roster in use is kept, and why shown (a wrong file must not empty it). */
  const [failed, setFailed] = useState<{ source: string; findings: Finding[] } | null>(null);
  const take = (read: RosterEntry[], source: string, findings: Finding[], cells?: RosterSource) => {
    if (read.length === 0 && roster.length > 0) {
      setFailed({ source, findings });
      return;
    }
    setFailed(null);
    campaign.setRoster(read, source, findings, cells);
  };
  const lacking = useMemo(() => formsWithoutSubjects(scheme, roster), [scheme, roster]);
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">名册</Subtitle2>
      <Body1 role="status">
        {roster.length > 0 ? `名册：${roster.length} 人（${campaign.rosterSource ?? ''}）` : '尚未读取名册。'}
      </Body1>
      {failed ? (
        <Notice intent="error" title={`${failed.source}中没有读到任何人，仍使用原来的名册`}>
          <ul className={styles.list}>
            {failed.findings.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <ListImport
        host={host}
        inWorkbook={inWorkbook}
        what="名册"
        sheetHint={ROSTER_SHEET}
        fromGrids={(grids, sheet, findings) => {
          const { roster: read, findings: rf, source } = readRoster({ file: THIS_WORKBOOK, sheets: grids });
          take(read, `工作表「${sheet}」`, [...findings, ...rf], source);
        }}
        fromFile={async (file) => {
          const { roster: read, findings, source } = await readRosterFile(file);
          take(read, `文件「${file.name}」`, findings, source);
        }}
        problems={campaign.rosterFindings}
      />
      <ProblemsBar intent="warning" title="名册与方案不符" problems={lacking} />
      {roster.length > 0 ? (
        <details>
          <summary>查看名册</summary>
          <ol className={styles.list}>
            {roster.map((r, i) => (
              <li key={i}>{rosterEntryWords(r)}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/** One roster line as the clerk checks it: 王伟（办公室） 正职 窗口岗位 · 政治面貌：预备党员 · 党风廉政问题：… */
export function rosterEntryWords(r: RosterEntry): string {
  const head = `${r.name}${r.unit ? `（${r.unit}）` : ''}${r.kind === 'organisation' ? ' 党组织' : ''}${r.category ? ` ${r.category}` : ''}${r.window ? ' 窗口岗位' : ''}`;
  const flags = Object.entries(r.flags ?? {})
    .filter(([, text]) => typeof text === 'string' && text.trim() !== '')
    .map(([field, text]) => `${field}：${text.trim()}`);
  return [head, ...flags].join(' · ');
}

/**
 * 往年结果, shown only for a scheme with a 连续 N 次 rule (seed 002 第五篇): without it the run is counted
 * from this year (the engine says so in HISTORY_MISSING).
 */
function HistorySection({ campaign, host, inWorkbook }: StepProps) {
  const styles = useStyles();
  const download = useAction();
  const { history, scheme } = campaign;
  // The campaign's year (考核年度, campaign-year.ts); the template asks for the years before it.
  const year = campaignYear(scheme, new Date().toISOString().slice(0, 10)).results.year;
  const blank = useMemo(() => describeHistoryTemplate(scheme, campaign.roster, year), [scheme, campaign.roster, year]);
  if (blank === null) return null;
  const rows = history?.rows ?? [];
  const downloadBlank = () =>
    download.run('生成往年结果模板失败', async () => {
      const { writeWorkbook } = await loadWriter();
      downloadFile('往年结果.xlsx', await writeWorkbook([blank]), XLSX_MIME);
    });
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">往年结果</Subtitle2>
      <Body1 role="status">
        {history
          ? `往年结果：${rows.length} 人（${campaign.historySource ?? ''}）`
          : '本方案有“连续被评为某等次”的处理，需要往年结果（姓名及各年度等次，如「2024年」「2025年」列）；未读取时按本次为第一次计。'}
      </Body1>
      <div className={styles.row}>
        <Button disabled={download.busy} onClick={downloadBlank}>
          下载往年结果模板（名册中的人和往年各年度列）
        </Button>
      </div>
      <ErrorBar error={download.error} />
      <ListImport
        host={host}
        inWorkbook={inWorkbook}
        what="往年结果"
        sheetHint={HISTORY_SHEET}
        fromGrids={(grids, sheet, findings) => {
          const { history: read, findings: hf } = readHistory({ file: THIS_WORKBOOK, sheets: grids });
          campaign.setHistory(read, `工作表「${sheet}」`, [...findings, ...hf]);
        }}
        fromFile={async (file) => {
          const { history: read, findings } = await readHistoryFile(file);
          campaign.setHistory(read, `文件「${file.name}」`, findings);
        }}
        problems={campaign.historyFindings}
      />
      {rows.length > 0 ? (
        <details>
          <summary>查看往年结果</summary>
          <ol className={styles.list}>
            {rows.map((row) => (
              <li key={`${row.at.sheet}!${row.at.cell}`}>
                {row.name}
                {row.unit ? `（${row.unit}）` : ''}：{row.years.map((y) => `${y.year}年 ${y.tier || '（空）'}`).join('、')}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/**
 * Whether any rule weighs the rater groups: a score (weighted mean of the groups), or a share taken
 * 按类别权重加权 (groups: 'weighted') anywhere in the rules. Otherwise (p5: shares of all groups
 * together) a weight changes nothing and is not offered.
 */
export function weightsUsed(scheme: Scheme): boolean {
  if (scheme.scoring.method !== 'none' && scheme.raterGroups.length > 1) return true;
  const weighted = (v: unknown): boolean =>
    Array.isArray(v) ? v.some(weighted) : v !== null && typeof v === 'object' ? Object.entries(v).some(([k, x]) => (k === 'groups' && x === 'weighted') || weighted(x)) : false;
  return weighted([scheme.classification, scheme.vetoes, scheme.ranking, scheme.quotas, scheme.designations, scheme.consequences]);
}

function GroupsSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const { scheme } = campaign;
  const total = scheme.raterGroups.reduce((a, g) => a + g.weight, 0);
  const weighted = weightsUsed(scheme);
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">{weighted ? '评议人类别与权重' : '评议人类别'}</Subtitle2>
      {weighted ? null : (
        <Text size={200} className={styles.muted}>
          本方案的规则不按类别加权，各类别不需要权重。
        </Text>
      )}
      {scheme.raterGroups.map((g, i) => (
        <div key={g.id} className={styles.row}>
          {weighted ? (
            <NumberField
              label={`「${g.name}」权重`}
              value={g.weight}
              min={0}
              max={1000}
              hint={total > 0 ? `占 ${((g.weight / total) * 100).toFixed(1).replace(/\.0$/, '')}%` : undefined}
              onCommit={(v) => campaign.editScheme((d) => void (d.raterGroups[i].weight = Number(v)))}
            />
          ) : null}
          <NumberField
            label={`「${g.name}」应参评人数`}
            value={g.expected ?? null}
            integer
            min={0}
            allowEmpty
            onCommit={(v) =>
              campaign.editScheme((d) => {
                if (v === null) delete d.raterGroups[i].expected;
                else d.raterGroups[i].expected = Number(v);
              })
            }
          />
          {/* Rounds that are different meetings (村述村评, 村述镇评) each have their own 应参评人数, for 回收率 per round. */}
          {scheme.rounds.length > 1
            ? scheme.rounds.map((r) => (
                <NumberField
                  key={r.id}
                  label={`「${g.name}」${r.name}应参评人数`}
                  value={g.expectedByRound?.[r.id] ?? null}
                  integer
                  min={0}
                  allowEmpty
                  hint={g.expectedByRound?.[r.id] === undefined && g.expected !== undefined ? `未填时按 ${g.expected} 人` : undefined}
                  onCommit={(v) =>
                    campaign.editScheme((d) => {
                      const byRound = { ...d.raterGroups[i].expectedByRound };
                      if (v === null) delete byRound[r.id];
                      else byRound[r.id] = Number(v);
                      if (Object.keys(byRound).length > 0) d.raterGroups[i].expectedByRound = byRound;
                      else delete d.raterGroups[i].expectedByRound;
                    })
                  }
                />
              ))
            : null}
        </div>
      ))}
      {scheme.scoring.method !== 'none' && scheme.raterGroups.length > 1 ? (
        <Text size={200} className={styles.muted}>
          得分按各类别权重加权平均（权重之和不必为 100）。
        </Text>
      ) : null}
    </div>
  );
}

/** The editable threshold of a score or share condition: how to compare, and the number. */
function ConditionEditor(props: {
  prefix: string;
  condition: Condition;
  /** For the form a share is taken from (附表1, 附表2 …): three thresholds of one rule are told apart by it. */
  scheme: Scheme;
  edit(apply: (c: Condition) => void): string[] | null;
}) {
  const styles = useStyles();
  const c = props.condition;
  if (c.kind === 'roster-flag') return <Text>{conditionWords(c)}</Text>;
  const forms = c.kind === 'share' ? shareFormsLabel(props.scheme, c.forms) : '';
  const what = c.kind === 'score' ? '分数线' : `${forms ? `${forms} ` : ''}${c.levels.map((l) => `「${l}」`).join('')}票得票率`;
  return (
    <div className={styles.row}>
      <Field label={`${props.prefix}${what}的比较方式`}>
        <Select
          value={c.op}
          onChange={(_e, d) => props.edit((x) => void ((x as { op: Comparison }).op = d.value as Comparison))}
        >
          {COMPARISONS.map((op) => (
            <option key={op} value={op}>
              {comparisonWords(op)}
            </option>
          ))}
        </Select>
      </Field>
      <NumberField
        label={`${props.prefix}${what}${c.kind === 'score' ? '（分）' : isShareFraction(c.value) ? '（分数）' : '（%）'}`}
        value={c.value}
        min={c.kind === 'share' ? 0 : undefined}
        max={c.kind === 'share' ? 100 : undefined}
        fractions={c.kind === 'share'}
        hint={conditionWords(c, props.scheme)}
        onCommit={(v: NumberValue) => props.edit((x) => void ((x as { value: number | string }).value = v as number | string))}
      />
    </div>
  );
}

function TiersSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const { scheme } = campaign;
  const otherwise = scheme.classification.otherwise;
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">等次条件</Subtitle2>
      <Text size={200} className={styles.muted}>
        以上、以下含本数；超过、不满不含本数。从上到下依次判断，符合的第一条即为等次。
      </Text>
      {scheme.classification.rules.map((rule, i) => (
        <div key={i} className={styles.card}>
          <Text weight="semibold">
            {rule.tier}：{rule.when.length === 0 ? '其余情形' : rule.when.map((c) => conditionWords(c, scheme)).join('，且')}
          </Text>
          {rule.when.map((c, j) => (
            <ConditionEditor
              key={j}
              // 「优秀」等次的「优秀」票得票率, not 「优秀」「优秀」票得票率: the tier said as the tier, then what is measured.
              prefix={`「${rule.tier}」等次${rule.when.length > 1 ? `条件${j + 1}` : ''}的`}
              condition={c}
              scheme={scheme}
              edit={(apply) => campaign.editScheme((d) => apply(d.classification.rules[i].when[j]))}
            />
          ))}
        </div>
      ))}
      <Text>
        {otherwise.kind === 'tier'
          ? `其余：定为「${otherwise.tier}」`
          : '不符合任何一条时：等次待定，由评议委员会决定'}
      </Text>
    </div>
  );
}

function VetoesSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const { scheme, disabledVetoes } = campaign;
  const [problems, setProblems] = useState<string[]>([]);
  const all = [
    ...scheme.vetoes.map((v, i) => ({ veto: v, enabled: true, index: i })),
    ...disabledVetoes.map((d) => ({ veto: d.veto, enabled: false, index: -1 })),
  ];
  if (all.length === 0) return null;
  // A rule that only notes (满意度低 → 限期整改) changes no tier: not 一票否决 (as the results word it).
  const notes = all.filter((a) => a.veto.effect.kind === 'note').length;
  const heading = notes === 0 ? '一票否决' : notes === all.length ? '需注明的情形（不改变等次）' : '一票否决与需注明的情形';
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">{heading}</Subtitle2>
      {all.map(({ veto, enabled, index }) => (
        <div key={veto.id} className={styles.card}>
          <Switch
            checked={enabled}
            label={veto.name}
            onChange={(_e, d) => setProblems(campaign.setVetoEnabled(veto.id, d.checked) ?? [])}
          />
          <Text size={200}>
            {enabled ? '' : '（已停用）'}
            {vetoWords(veto, scheme)}
          </Text>
          {enabled
            ? veto.when.map((c, j) =>
                c.kind === 'roster-flag' ? null : (
                  <ConditionEditor
                    key={j}
                    prefix={`「${veto.name}」的`}
                    condition={c}
                    scheme={scheme}
                    edit={(apply) => campaign.editScheme((d) => apply(d.vetoes[index].when[j]))}
                  />
                ),
              )
            : null}
        </div>
      ))}
      <ProblemsBar title="修改未生效" problems={problems} />
    </div>
  );
}

function QuotasSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const { scheme } = campaign;
  // 按类别分别排名 (seed 003 篇六 二、考核类别) is offered where it can act: a ranking, and categories in the roster or asked for.
  const categoriesListed = campaign.roster.some((e) => (e.category ?? '').trim() !== '');
  const offersPerCategory = scheme.ranking.by !== 'none' && (categoriesListed || scheme.ranking.per === 'category');
  if (scheme.quotas.length === 0 && scheme.designations.length === 0 && !offersPerCategory) return null;
  const needsMembers = scheme.quotas.some((q) => q.share !== undefined && q.of === 'members');
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">名额与比例</Subtitle2>
      {scheme.quotas.map((q, i) => (
        <QuotaEditor key={`q${i}`} campaign={campaign} index={i} />
      ))}
      {needsMembers ? <MemberCountFields campaign={campaign} /> : null}
      {offersPerCategory ? (
        <Switch
          checked={scheme.ranking.per === 'category'}
          label="按类别（职务类别）分别排名"
          onChange={(_e, data) =>
            campaign.editScheme((d) => {
              if (data.checked) d.ranking.per = 'category';
              else delete d.ranking.per;
            })
          }
        />
      ) : null}
      {scheme.designations.map((des, i) =>
        des.byCategory ? (
          <div key={`d${i}`}>
            <Text size={200}>{designationWords(des)}</Text>
            {des.byCategory.map((e, k) => (
              <NumberField
                key={`d${i}c${k}`}
                label={`「${des.name}」${e.categories.join('、')}比例`}
                unit={isShareFraction(e.share) ? undefined : '%'}
                value={e.share}
                min={0}
                max={100}
                fractions
                hint={`${e.categories.join('、')}按本类别排名末位计算`}
                onCommit={(v) => campaign.editScheme((d) => void (d.designations[i].byCategory![k].share = v as number | string))}
              />
            ))}
            <NumberField
              label={`「${des.name}」其他类别比例`}
              unit={des.share !== undefined && isShareFraction(des.share) ? undefined : '%'}
              value={des.share ?? null}
              min={0}
              max={100}
              fractions
              allowEmpty
              hint="以上未列出的类别按各自排名末位计算；不填则这些类别不参加认定（计算结果中逐一列出）"
              onCommit={(v) =>
                campaign.editScheme((d) => {
                  if (v === null) delete d.designations[i].share;
                  else d.designations[i].share = v as number | string;
                })
              }
            />
          </div>
        ) : (
          <NumberField
            key={`d${i}`}
            label={`「${des.name}」比例`}
            unit={isShareFraction(des.share ?? 0) ? undefined : '%'}
            value={des.share ?? null}
            min={0}
            max={100}
            fractions
            hint={`${designationWords(des)}${scheme.ranking.per === 'category' ? '（按类别分别排名：各类别分别计算）' : ''}`}
            onCommit={(v) => campaign.editScheme((d) => void (d.designations[i].share = v as number | string))}
          />
        ),
      )}
    </div>
  );
}

/**
 * One quota: a share (名额比例 20%) or a number of places given from above (名额 3 名), and for a number, one per unit
 * where the roster has several (上级按支部分配名额). Switching back to a share takes the preset's share where the
 * preset has this quota, else 20% (rounded down for a maximum, up for a minimum), shown in the field to change.
 */
function QuotaEditor({ campaign, index }: { campaign: Campaign; index: number }) {
  const { scheme } = campaign;
  const q = scheme.quotas[index];
  const [problems, setProblems] = useState<string[]>([]);
  const tiers = q.tiers.map((t) => `「${t}」`).join('');
  const byCount = q.count !== undefined;
  const units = [...new Set(campaign.roster.map((e) => e.unit ?? '').filter((u) => u !== ''))];
  const perUnit = typeof q.count === 'object' ? q.count : null;
  const word = (scheme.classification.appliesTo ?? scheme.subjectKind) === 'organisation' ? '个' : '名';
  const hint = `${quotaWords(q, scheme)}；名额边界处并列的，由评议委员会决定`;
  const edit = (apply: (draft: Quota) => void) => setProblems(campaign.editScheme((d) => apply(d.quotas[index])) ?? []);
  const choose = (how: string) =>
    edit((d) => {
      if (how === 'count') {
        delete d.share;
        delete d.rounding;
        delete d.of;
        d.count = 1;
        return;
      }
      const preset = PRESETS.find((p) => p.id === scheme.id)?.quotas[index];
      const same = preset && preset.share !== undefined && preset.kind === d.kind && preset.tiers.join() === d.tiers.join() ? preset : null;
      delete d.count;
      d.share = same?.share ?? 20;
      d.rounding = same?.rounding ?? (d.kind === 'max' ? 'floor' : 'ceil');
      if (same?.of !== undefined) d.of = same.of;
      if (same) d.per = same.per;
      else if (typeof q.count === 'object') delete d.per;
    });
  const allocate = (on: boolean) =>
    edit((d) => {
      if (on) {
        d.count = Object.fromEntries(units.map((u) => [u, typeof q.count === 'number' ? q.count : 1]));
        d.per = 'unit';
      } else d.count = Math.max(1, ...Object.values(perUnit ?? {}));
    });
  return (
    <div>
      <RadioGroup layout="horizontal" aria-label={`${tiers}名额按`} value={byCount ? 'count' : 'share'} onChange={(_e, d) => choose(d.value)}>
        <Radio value="share" label="比例" />
        <Radio value="count" label="名数（上级分配的名额）" />
      </RadioGroup>
      {!byCount ? (
        <NumberField
          label={`${tiers}名额比例`}
          unit={isShareFraction(q.share!) ? undefined : '%'}
          value={q.share}
          min={0}
          max={100}
          fractions
          hint={hint}
          onCommit={(v) => campaign.editScheme((d) => void (d.quotas[index].share = v as number | string))}
        />
      ) : (
        <>
          {units.length >= 2 || perUnit ? (
            <Checkbox checked={perUnit !== null} label="按单位分配（各单位名额不同）" onChange={(_e, d) => allocate(d.checked === true)} />
          ) : null}
          {perUnit ? (
            // Each unit of the roster, and any the scheme names besides (refused when computing, so it can be seen here).
            [...new Set([...units, ...Object.keys(perUnit)])].map((u) => (
              <NumberField
                key={u}
                label={`${u}：${tiers}名额`}
                unit={word}
                value={perUnit[u] ?? null}
                integer
                min={0}
                allowEmpty
                hint={perUnit[u] === undefined ? '未分配：该单位不按名额核减，计算时会提示；没有分到名额的填 0' : undefined}
                onCommit={(v) =>
                  campaign.editScheme((d) => {
                    const counts = d.quotas[index].count as Record<string, number>;
                    if (v === null) delete counts[u];
                    else counts[u] = Number(v);
                  })
                }
              />
            ))
          ) : (
            <NumberField
              label={`${tiers}名额（名数）`}
              unit={word}
              value={typeof q.count === 'number' ? q.count : null}
              integer
              min={1}
              hint={hint}
              onCommit={(v) => campaign.editScheme((d) => void (d.quotas[index].count = Number(v)))}
            />
          )}
          {perUnit ? <Text size={200}>{hint}</Text> : null}
        </>
      )}
      <ProblemsBar title="修改未生效" problems={problems} />
    </div>
  );
}

/** The marks a rater may use besides √, as typed: V ○ or V、○. */
function marksFromText(text: string): string[] {
  return [...new Set(text.split(/[\s\u3000,，、；;]+/).filter((m) => m !== ''))];
}

/**
 * How votes are counted (DOMAIN.md: whether 弃权 and invalid entries enter the denominator is a scheme
 * setting; marks other than √ ✓ ✔ ☑ are a scheme setting; a ballot identical to another is suspect).
 */
function CountingSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const { scheme } = campaign;
  const { counting } = scheme;
  const [marks, setMarks] = useState(counting.extraMarks.join(' '));
  const [marksProblem, setMarksProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => setMarks(counting.extraMarks.join(' ')), [counting.extraMarks]);
  const marked = scheme.forms.some((f) => f.response.kind === 'tier');
  // Where a result combines groups by weight or items into a score, one of them may have no votes for someone.
  const combines = scheme.scoring.method !== 'none' || scheme.classification.rules.some((r) => r.when.some((c) => c.kind === 'share' && c.groups === 'weighted'));
  const edit = (apply: (c: Scheme['counting']) => void) => setProblems(campaign.editScheme((d) => apply(d.counting)) ?? []);
  const commitMarks = () => {
    const list = marksFromText(marks);
    const long = list.find((m) => m.length > 4);
    if (long) return setMarksProblem(`「${long}」太长：记号最多 4 个字符，几个记号之间用空格或顿号分开`);
    if (list.length > 20) return setMarksProblem('记号最多 20 个');
    setMarksProblem(null);
    if (list.join(' ') !== counting.extraMarks.join(' ')) edit((c) => void (c.extraMarks = list));
  };
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">计票</Subtitle2>
      {marked ? (
        <>
          <Checkbox
            checked={counting.abstentionsInDenominator}
            label="弃权（某人某项整行未填）计入得票率的分母"
            onChange={(_e, d) => edit((c) => void (c.abstentionsInDenominator = d.checked === true))}
          />
          <Checkbox
            checked={counting.invalidInDenominator}
            label="无效项（一项打了两个以上√）计入得票率的分母"
            onChange={(_e, d) => edit((c) => void (c.invalidInDenominator = d.checked === true))}
          />
          <Field
            label="另行约定的记号（除 √ ✓ ✔ ☑ 外也算打√的记号）"
            hint={counting.extraMarks.length > 0 ? `已认可：${counting.extraMarks.map((m) => `「${m}」`).join('')}；遇到时在校验结果中提醒` : '不填则只认 √ ✓ ✔ ☑；几个记号之间用空格或顿号分开，如：V ○'}
            validationState={marksProblem ? 'error' : 'none'}
            validationMessage={marksProblem ?? undefined}
          >
            <Input value={marks} onChange={(_e, d) => setMarks(d.value)} onBlur={commitMarks} onKeyDown={(e) => e.key === 'Enter' && commitMarks()} />
          </Field>
        </>
      ) : null}
      {combines ? (
        <Checkbox
          checked={counting.missingGroup === 'rescale'}
          label="某人缺少某一类别（或某一项目）的有效票时，按其余类别的权重（或其余项目）折算；不选则该人等次待定，由评议委员会决定"
          onChange={(_e, d) => edit((c) => void (c.missingGroup = d.checked === true ? 'rescale' : 'pending'))}
        />
      ) : null}
      <Field label="与另一张票逐项相同的票">
        <RadioGroup value={counting.duplicates} onChange={(_e, d) => edit((c) => void (c.duplicates = d.value as 'count' | 'exclude'))}>
          <Radio value="count" label="都计入，并提醒核实" />
          <Radio value="exclude" label="只计入第一张，其余不计，并提醒" />
        </RadioGroup>
      </Field>
      <ProblemsBar title="修改未生效" problems={problems} />
    </div>
  );
}

function RectificationSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const { scheme } = campaign;
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">结果运用与整改</Subtitle2>
      {scheme.consequences.map((_c, i) => (
        <ConsequenceEditor key={i} campaign={campaign} index={i} />
      ))}
      <Field
        label="结果公布日期（整改期限从此日起算）"
        hint={
          scheme.resultsDate && scheme.resultsDate < new Date().toISOString().slice(0, 10)
            ? `${scheme.resultsDate} 早于今天：整改期限从这一天起算，可能已经过期；如是今年的评议，请改正日期`
            : '不填则按计算结果的当天'
        }
        validationState={dateProblem ? 'error' : 'none'}
        validationMessage={dateProblem ?? undefined}
      >
        <Input
          type="date"
          value={scheme.resultsDate ?? ''}
          onChange={(_e, d) => {
            const problems = campaign.editScheme((draft) => {
              if (d.value) draft.resultsDate = d.value;
              else delete draft.resultsDate;
            });
            setDateProblem(problems ? problems.join('；') : null);
          }}
        />
      </Field>
      <CampaignYearField campaign={campaign} />
    </div>
  );
}

/**
 * 考核年度 beside 结果公布日期: the year the titles print and 往年结果 are before. Left empty, the hint says
 * which year is taken (January–March: the year before, campaign-year.ts) so the clerk sees it, not guesses it.
 */
function CampaignYearField({ campaign }: { campaign: Campaign }) {
  const { scheme } = campaign;
  const taken = campaignYear(scheme, new Date().toISOString().slice(0, 10));
  const year = taken.results.year;
  const hint =
    scheme.year !== undefined
      ? `标题写作“${year}年度”，往年结果读 ${year} 年以前的`
      : taken.finding
        ? `不填则按 ${year} 年度（${taken.results.from}）；如为 ${year + 1} 年度，请填写 ${year + 1}`
        : `不填则按 ${year} 年度（${scheme.resultsDate ? '结果公布日期' : '计算结果当天'}的年份）；年底评议、次年计算结果的，请填写评议的年度`;
  return (
    <NumberField
      label="考核年度（标题中的“2026年度”，往年结果以此为准）"
      value={scheme.year ?? null}
      integer
      min={2000}
      max={2100}
      allowEmpty
      hint={hint}
      onCommit={(v) =>
        campaign.editScheme((d) => {
          if (v === null) delete d.year;
          else d.year = Number(v);
        })
      }
    />
  );
}

type NoticeField = 'issuer' | 'telephone' | 'period';

/** 公示表: the notice's 落款, telephone and 公示期 (left blank to fill by hand when empty). */
function PublicationSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const fields: { key: NoticeField; label: string; hint: string }[] = [
    { key: 'issuer', label: '发布单位（落款，异议向其反映）', hint: '如：中共某某委员会组织部；不填则公示表上留空待填' },
    { key: 'telephone', label: '联系电话', hint: '不填则公示表上留空待填' },
    { key: 'period', label: '公示期', hint: '如：2026年12月21日至12月27日；不填则公示表上留“  年  月  日至  年  月  日”待填' },
  ];
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">公示表</Subtitle2>
      {fields.map((f) => (
        <NoticeInput key={f.key} campaign={campaign} field={f.key} label={f.label} hint={f.hint} />
      ))}
    </div>
  );
}

function NoticeInput({ campaign, field, label, hint }: { campaign: Campaign; field: NoticeField; label: string; hint: string }) {
  const saved = campaign.scheme.publication?.[field] ?? '';
  const [text, setText] = useState(saved);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setText(saved), [saved]);
  const commit = () => {
    const value = text.trim();
    if (value === saved) return;
    const problems = campaign.editScheme((draft) => {
      const p = { ...draft.publication };
      if (value) p[field] = value;
      else delete p[field];
      if (Object.keys(p).length > 0) draft.publication = p;
      else delete draft.publication;
    });
    setProblem(problems ? problems.join('；') : null);
  };
  return (
    <Field label={label} hint={hint} validationState={problem ? 'error' : 'none'} validationMessage={problem ?? undefined}>
      <Input value={text} onChange={(_e, d) => setText(d.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </Field>
  );
}
