/**
 * The figures a ranking and its tiers come from, one column each, as the 排名表, the pane's 计算 step
 * (and anything else that lists results) show them: 得分 (schemes that score), the ranking share
 * (schemes that rank by a share of votes: p5 ranks by 附表2's 满意+比较满意, p1 by 优秀 加权), 推荐票 (forms with a
 * recommendation). Which columns and their headers are decided here once; each output formats the cells.
 */
import type { CampaignResult } from '../engine';
import { SubjectResult } from '../results/evaluate';
import { formatPercent, shareFormsLabel } from '../rules/conditions';
import { recommendationText } from './sheet-builder';

export interface RankingFigure {
  kind: 'score' | 'share' | 'recommendation';
  header: string;
  /** The figure as text ('—' when there is none). */
  text(r: SubjectResult): string;
}

export function rankingFigures(result: Pick<CampaignResult, 'scheme' | 'roster'>): RankingFigure[] {
  const { scheme } = result;
  const out: RankingFigure[] = [];
  // As scoreText: more places where the scheme's would hide a threshold or the next score (84.998, not 85.00).
  if (scheme.scoring.method !== 'none')
    out.push({ kind: 'score', header: '得分', text: (r) => r.scoreText ?? (r.score === null ? '—' : r.score.toFixed(scheme.scoring.places)) });
  const share = scheme.ranking.by === 'share' ? scheme.ranking.share : undefined;
  // A share combined from the groups' own shares by weight (p1: 服务对象代表×50% ＋ 党组织负责人×50%) is no share anyone
  // counted: 加权 says so (and 得票情况's 按类别加权 row holds it).
  const weighted = share?.groups === 'weighted' && scheme.raterGroups.filter((g) => g.weight > 0).length > 1;
  if (share)
    out.push({
      kind: 'share',
      // Which form the share is from, when there are several (p5 ranks by 附表2 only).
      header: `${shareFormsLabel(scheme, share.forms)}${share.levels.join('+')}${share.orBetter ? '及以上' : ''}${weighted ? '加权' : ''}得票率`,
      text: (r) => (r.rankKey === null ? '—' : formatPercent(r.rankKey)),
    });
  if (scheme.forms.some((f) => f.recommendation)) out.push({ kind: 'recommendation', header: '推荐票', text: (r) => recommendationText(result, r) ?? '—' });
  return out;
}
