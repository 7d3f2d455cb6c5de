/** The readable Chinese summary of a campaign result, as the command line prints it. */
import { CampaignResult } from '../core/engine';
import { SubjectResult, ranksPerCategory } from '../core/results/evaluate';
import { rankingOrder } from '../core/output/describe-ranking';
import { rankingFigures } from '../core/output/ranking-figures';
import { RECOMMENDATION_NOTE } from '../core/output/sheet-builder';
import { formatFinding, listedFindings } from '../core/findings/finding';
import { textTable } from './text-table';

export function summaryText(result: CampaignResult): string {
  const s = result.scheme;
  const out: string[] = [];
  out.push(`方案：${s.name}（${s.id}）`);
  // The figures the ranks and tiers come from, as the 排名表 and the pane show them, then 满意率 per form.
  const figures = rankingFigures(result);
  // In 排名表's order (ties and the unranked 按姓氏笔画), so the two never list a tie differently.
  // Ranked per category (ranking.per): the 名次 is within the category, said with it (副职 2).
  const perCategory = ranksPerCategory(s, result.subjects);
  const rows = rankingOrder(result.subjects, s)
    .map((r) => [
      r.rank === null ? '—' : perCategory ? `${r.category ?? '未填类别'} ${r.rank}` : String(r.rank),
      r.name,
      r.unit ?? '',
      r.tier ?? (r.flags.includes('不定等次') ? '不定等次' : '待定'),
      ...figures.map((f) => f.text(r)),
      satisfactionText(r),
      r.flags.join('、'),
    ]);
  const recommends = s.forms.some((f) => f.recommendation);
  out.push('', textTable(['名次', '姓名', '单位', '等次', ...figures.map((f) => f.header), '满意率', '标记'], rows));
  if (recommends) out.push(RECOMMENDATION_NOTE);

  out.push('', '参评情况：');
  out.push(
    textTable(
      ['测评人类别', '轮次', '表', '应参评', '实收', '有效', '废票', '回收率'],
      // A form held per unit: each unit's own meeting on a line under the form's (ParticipationRow.byUnit).
      result.participation.flatMap((p) =>
        [p, ...(p.byUnit ?? [])].map((x) => [
          x === p ? p.group : '',
          x === p ? p.round : '',
          x === p ? p.form : `  ${'unit' in x ? (x.unit ?? '（单位不明）') : ''}`,
          x.expected === null ? '—' : String(x.expected),
          String(x.returned),
          String(x.valid),
          String(x.invalid),
          x.rate ?? '—',
        ]),
      ),
    ),
  );

  const reasons = result.subjects.filter((r) => r.reasons.length > 0);
  if (reasons.length > 0) {
    out.push('', '定等理由：');
    for (const r of reasons) out.push(`  ${r.label}：${r.reasons.join('；')}`);
  }
  if (result.rectification.length > 0) {
    out.push('', '整改清单：');
    for (const row of result.rectification) out.push(`  ${row.label}：${row.action}，期限 ${row.deadline}（${row.problem}）`);
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  out.push('', `校验结果：错误 ${errors} 条，提醒 ${warnings} 条`);
  for (const f of listedFindings(result.findings)) out.push(`  [${f.severity === 'error' ? '错误' : '提醒'}] ${formatFinding(f)}`);
  return out.join('\n');
}

/** 满意率 as a committee can recompute it: per form when the subject was rated on more than one (附表2 100.00%，附表3 87.50%). */
export function satisfactionText(r: SubjectResult): string {
  if (r.satisfactionByForm.length > 1) return r.satisfactionByForm.map((f) => `${f.label} ${f.share ?? '—'}`).join('，');
  return r.satisfaction?.share ?? '—';
}
