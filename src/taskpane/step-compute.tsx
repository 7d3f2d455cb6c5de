/**
 * Step 4, 计算: the results table (姓名 with 单位 under it, 等次, the figures the rank and tier come from as
 * the 排名表 shows them — 得分, a ranking share, 推荐票 —, 名次, 标记) in rank order, each row with the
 * reasons behind its tier (which rule, which figures, which veto) shown on demand, and the cases the
 * committee must decide (等次待定, 名额边界并列) highlighted and listed above the table.
 */
import {
  Badge,
  Body1,
  Caption1,
  Button,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useEffect, useState } from 'react';
import { Finding } from '../core/findings/finding';
import { countedSummary } from '../core/output/describe-findings';
import type { rankingOrder } from '../core/output/describe-ranking';
import { rankingFigures } from '../core/output/ranking-figures';
import { tierText } from '../core/output/sheet-builder';
import { SubjectResult } from '../core/results/evaluate';
import { errorText, loadRankingOrder } from './browser-files';
import { Notice, useStyles } from './parts';
import { StepProps } from './step-scheme';

const useLocal = makeStyles({
  // In a task pane 350 px wide a table of six or seven columns scrolls sideways rather than crush its cells.
  // A shadow at the edge that has more columns beyond it (the 'local' covers move with the content and hide
  // the shadow once the edge is reached), so that a table wider than the pane is seen to scroll.
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    backgroundImage: `linear-gradient(to right, ${tokens.colorNeutralBackground1} 30%, transparent), linear-gradient(to left, ${tokens.colorNeutralBackground1} 30%, transparent), radial-gradient(farthest-side at 0 50%, rgba(0,0,0,0.25), transparent), radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,0.25), transparent)`,
    backgroundPosition: 'left center, right center, left center, right center',
    backgroundRepeat: 'no-repeat',
    backgroundSize: '32px 100%, 32px 100%, 12px 100%, 12px 100%',
    backgroundAttachment: 'local, local, scroll, scroll',
  },
  // The reasons stay within the window, not the width of the table.
  reasonsBox: { position: 'sticky', left: 0, maxWidth: 'calc(100vw - 56px)', whiteSpace: 'normal' },
  table: { tableLayout: 'auto' },
  decide: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  reasons: { margin: 0, paddingLeft: '18px' },
  // Badges one under another when the cell is narrow, never over each other.
  flags: { display: 'flex', flexWrap: 'wrap', columnGap: '4px', rowGap: '2px', minWidth: '64px' },
  badge: { flexShrink: 0, maxWidth: 'none' },
  // Names start at the same place whatever their length (a button centres its text), and stay on one line.
  name: { justifyContent: 'flex-start', minWidth: 0, paddingLeft: 0, whiteSpace: 'nowrap' },
  unit: { display: 'block', color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
  // 未评为优秀党员 on two lines at most, not one character a line.
  tier: { minWidth: '4.5em' },
});

/** Flags that leave the decision to the committee (DOMAIN.md: ties at a quota boundary are flagged, not broken). */
const DECISION_FLAGS = new Set(['待定', '名额并列', '名额待定']);
const DECISION_CODES = new Set(['TIER_UNDECIDED', 'QUOTA_TIE', 'DESIGNATION_UNSETTLED', 'DESIGNATION_NO_SHARE']);

export function needsDecision(r: SubjectResult): boolean {
  return r.flags.some((f) => DECISION_FLAGS.has(f) || f.endsWith('并列') || f.endsWith('待定'));
}

function isDecisionFinding(f: Finding): boolean {
  return DECISION_CODES.has(f.code);
}

export function StepCompute({ campaign }: StepProps) {
  const styles = useStyles();
  const local = useLocal();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const state = campaign.getResult();
  // The order ties and unranked rows take is 按姓氏笔画, whose stroke data comes in a chunk of its own.
  const [order, setOrder] = useState<{ rank: typeof rankingOrder } | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    loadRankingOrder().then(
      (m) => live && setOrder({ rank: m.rankingOrder }),
      (e) => live && setOrder({ error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  // Whether the result table is wider than the pane (at 360 px it is): then it says that it scrolls.
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    if (!scrollBox || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(scrollBox.scrollWidth > scrollBox.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(scrollBox);
    if (scrollBox.firstElementChild) observer.observe(scrollBox.firstElementChild);
    check();
    return () => observer.disconnect();
  }, [scrollBox]);

  const heading = (
    <Subtitle2 as="h2" id="step-compute-title">
      计算
    </Subtitle2>
  );
  if (state.kind !== 'ready') {
    return (
      <section className={styles.step} aria-labelledby="step-compute-title">
        {heading}
        {state.kind === 'error' ? (
          <Notice intent="error">{state.message}</Notice>
        ) : state.what === 'roster' ? (
          <Notice intent="warning" title="尚未读取名册">请先在「方案」中读取名册。</Notice>
        ) : (
          <Notice intent="info" title="还没有测评表">请先在「校验」中读取本工作簿的测评表，或导入收回的文件。</Notice>
        )}
      </section>
    );
  }

  const { result, readFindings, resultFindings } = state;
  const { scheme } = result;
  const rows = order && 'rank' in order ? order.rank(result.subjects, scheme) : null;
  // Ranked per category: the 名次 is within the category, so the category is said with it (副职 2).
  const rankPrefix = (r: SubjectResult) => (scheme.ranking.per === 'category' && result.subjects.some((x) => (x.category ?? '').trim() !== '') ? `${r.category ?? '未填类别'} ` : '');
  // The figures the ranks and tiers come from, as the 排名表 shows them (得分; 附表2…得票率 and 推荐票 for p5).
  const figures = rankingFigures(result);
  const columnCount = 4 + figures.length;
  const decisions = resultFindings.filter(isDecisionFinding);
  const others = resultFindings.filter((f) => !isDecisionFinding(f));
  const readErrors = readFindings.filter((f) => f.severity === 'error').length;
  const counts = scheme.tiers.map((t) => `${t} ${result.subjects.filter((s) => s.tier === t).length} 人`);
  const pending = result.subjects.filter((s) => s.tier === null && !s.flags.includes('不定等次')).length;
  const toggle = (i: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });

  return (
    <section className={styles.step} aria-labelledby="step-compute-title">
      {heading}
      <Body1 role="status">
        {countedSummary(result.read)}；{counts.join('，')}
        {pending > 0 ? `，待定 ${pending} 人` : ''}。
      </Body1>
      {readErrors > 0 ? (
        <Notice intent="warning" title={`校验中有 ${readErrors} 条错误`}>
          有错误的票或项目未计入，结果可能不完整；请在「校验」中查看。
        </Notice>
      ) : null}
      {decisions.length > 0 ? (
        <Notice intent="warning" title={`需评议委员会决定（${decisions.length} 项）`}>
          <ul className={styles.list}>
            {decisions.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {order && 'error' in order ? (
        <Notice intent="error" title="无法显示结果表">
          {order.error}
        </Notice>
      ) : null}
      {rows === null ? (
        order === null ? <Spinner size="small" label="正在排列结果…" /> : null
      ) : (
        <>
          {/* Said in words too when the table is wider than the pane: 名次 and 标记 (一票否决) are off to the right. */}
          {scrolls ? <Caption1>表格较宽：左右滑动可看到名次和标记（一票否决、待定等）。</Caption1> : null}
          <div className={local.scroll} ref={setScrollBox}>
            <Table aria-label="评议结果" size="small" className={local.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>姓名</TableHeaderCell>
                  <TableHeaderCell>等次</TableHeaderCell>
                  {figures.map((f) => (
                    <TableHeaderCell key={f.header}>{f.header}</TableHeaderCell>
                  ))}
                  <TableHeaderCell>名次</TableHeaderCell>
                  <TableHeaderCell>标记</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => {
                  const decide = needsDecision(r);
                  const expanded = open.has(r.index);
                  const reasonsId = `reasons-${r.index}`;
                  return (
                    <Fragment key={r.index}>
                      <TableRow className={decide ? local.decide : undefined} aria-label={r.name}>
                        <TableCell>
                          <Button
                            className={local.name}
                            appearance="transparent"
                            size="small"
                            aria-expanded={expanded}
                            aria-controls={reasonsId}
                            onClick={() => toggle(r.index)}
                            title={`查看「${r.name}」的等次依据`}
                          >
                            {expanded ? '▾' : '▸'} {r.name}
                          </Button>
                          {r.unit ? (
                            <Caption1 className={local.unit}>
                              {r.unit}
                            </Caption1>
                          ) : null}
                        </TableCell>
                        <TableCell className={local.tier}>
                          <Text weight={decide ? 'semibold' : 'regular'}>{tierText(r)}</Text>
                        </TableCell>
                        {figures.map((f) => (
                          <TableCell key={f.header} className={local.nowrap}>
                            {f.text(r)}
                          </TableCell>
                        ))}
                        <TableCell className={local.nowrap}>{r.rank === null ? '—' : `${rankPrefix(r)}${r.rank}`}</TableCell>
                        <TableCell>
                          <span className={local.flags}>
                            {decide ? (
                              <Badge className={local.badge} appearance="filled" color="warning">
                                需决定
                              </Badge>
                            ) : null}
                            {r.flags.map((f) => (
                              <Badge
                                key={f}
                                className={local.badge}
                                appearance="tint"
                                color={DECISION_FLAGS.has(f) || f.endsWith('并列') ? 'warning' : f === '一票否决' ? 'danger' : 'informative'}
                              >
                                {f}
                              </Badge>
                            ))}
                          </span>
                        </TableCell>
                      </TableRow>
                      {expanded ? (
                        <TableRow id={reasonsId}>
                          <TableCell colSpan={columnCount}>
                            <div className={local.reasonsBox}>
                              <Text weight="semibold">「{r.name}」的等次依据：</Text>
                              <ul className={local.reasons} aria-label={`「${r.name}」的等次依据`}>
                                {r.reasons.map((reason, i) => (
                                  <li key={i}>{reason}</li>
                                ))}
                              </ul>
                            </div>
                          </TableCell>
                        </TableRow>
                      ) : null}
                    </Fragment>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        </>
      )}
      {others.length > 0 ? (
        <Notice intent="info" title="其他提醒">
          <ul className={styles.list}>
            {others.map((f, i) => (
              <li key={i}>
                {placeOf(f)}
                {f.message}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {result.participation.length > 0 ? (
        <details>
          <summary>参评情况</summary>
          <ul className={styles.list}>
            {result.participation.map((p, i) => (
              <li key={i}>
                {[p.form, p.group, p.round].filter(Boolean).join(' · ')}：收回 {p.returned} 张，有效 {p.valid} 张，无效 {p.invalid} 张
                {p.expected !== null ? `，应参评 ${p.expected} 人` : ''}
                {p.rate ? `，回收率 ${p.rate}` : ''}
                {p.byUnit ? (
                  <ul>
                    {p.byUnit.map((u) => (
                      <li key={u.unit ?? ''}>
                        {u.unit ?? '（单位不明）'}：收回 {u.returned} 张，有效 {u.valid} 张，无效 {u.invalid} 张
                        {u.expected !== null ? `，应参评 ${u.expected} 人` : ''}
                        {u.rate ? `，回收率 ${u.rate}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/**
 * Where a finding of the results is, when it has a cell (a person's flag cell in the roster) its
 * message does not already name (a column's message names its header cell): 名册.xlsx 工作表「名册」D3：.
 */
function placeOf(f: Finding): string {
  if (!f.cell || (f.sheet && f.message.includes(`${f.sheet}!${f.cell}`))) return '';
  return `${[f.file, f.sheet ? `工作表「${f.sheet}」` : '', f.cell].filter(Boolean).join(' ')}：`;
}
