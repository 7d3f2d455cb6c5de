/** Tier scales that recur across the seeds, best level first. */
import { Scale } from '../scheme/scheme-schema';

export const COMPETENCE: Scale = {
  id: 'competence',
  name: '优秀/称职/基本称职/不称职',
  levels: [{ label: '优秀' }, { label: '称职' }, { label: '基本称职' }, { label: '不称职' }],
};

export const SATISFACTION: Scale = {
  id: 'satisfaction',
  name: '满意/比较满意/基本满意/不满意',
  levels: [{ label: '满意' }, { label: '比较满意' }, { label: '基本满意', aliases: ['基本满意意'] }, { label: '不满意' }],
};

/** 好 90, 较好 80, 一般 70, 差 60 (seed 003 篇二: 民主評議測評分). */
export const GOOD_FOUR_POINTS: Scale = {
  id: 'good-four',
  name: '好/较好/一般/差（90/80/70/60 分）',
  levels: [
    { label: '好', points: 90 },
    { label: '较好', points: 80 },
    { label: '一般', points: 70 },
    { label: '差', points: 60 },
  ],
};

export const PASS_FAIL: Scale = {
  id: 'pass-fail',
  name: '合格/不合格',
  levels: [{ label: '合格' }, { label: '不合格' }],
};

export const DEFAULT_COUNTING = {
  abstentionsInDenominator: false,
  invalidInDenominator: false,
  extraMarks: [] as string[],
  duplicates: 'count' as const,
};
