/**
 * A weighted share rule lets a small rater group decide a tier alone. P1's defaults (seed 001: 服务对象代表 and
 * 党组织负责人 测评 分别; each group 50% and a tier at 50%以上（含） are this tool's defaults) make one 党组织负责人's
 * 优秀 enough for 优秀 though all 15 服务对象代表 said 称职, and his 不称职 enough to fail 基本称职 though 11 of 15 said
 * 基本称职 or better. The arithmetic is the scheme's; what a member cannot be told without a warning is that one or
 * two ballots decided it. So a finding says so, one per group and tier, naming the subjects and their figures.
 *
 * "Decides alone", exactly: a group of 1 or 2 valid ballots (in the forms and rounds the figure counts), a weighted
 * figure on one side of the threshold and every other group's own share on the other side — so that no weighing
 * of the other groups alone would put the subject where he is — and the rule's outcome turning on that figure (the
 * rule's other conditions hold) for a rule that decided the tier: one walked before the first rule that holds, or
 * that one (README: rules checked in order). Only share rules weighted by group are looked at; a weighted score
 * (干部×50%＋员工×50%) is not.
 */
import { Fraction, percent } from '../common/fraction';
import { Finding, finding } from '../findings/finding';
import { SubjectResult } from '../results/evaluate';
import { Roster } from '../roster/roster';
import { Scheme, ShareCondition } from '../scheme/scheme-schema';
import { Tally } from '../tally/tally';
import { compare, evaluateCondition, roundSets, shareParts, shareRuleWords, weightWords, weightedShareWords } from './conditions';

/** Groups of at most this many valid ballots are small enough to be named when they decide alone. */
const SMALL_GROUP = 2;
/** Subjects named in one finding; more are counted. */
const NAMED = 10;

interface Decided {
  group: string;
  /** The group's part of the weights' sum. */
  weight: Fraction;
  ballots: number;
  tier: string;
  condition: ShareCondition;
  subjects: string[];
}

export function decisiveGroupFindings(scheme: Scheme, roster: Roster, tally: Tally, subjects: readonly SubjectResult[]): Finding[] {
  const rules = scheme.classification.rules;
  // Ballot counts are per form, round and group, the same for every subject: with no small group in any weighted
  // share, nothing is looked at per subject.
  const weighted = rules.flatMap((r) => r.when.filter((c): c is ShareCondition => c.kind === 'share' && c.groups === 'weighted'));
  const small = (n: number) => n > 0 && n <= SMALL_GROUP;
  const anySmall = weighted.some((c) => roundSets(scheme, c).some((rs) => scheme.raterGroups.some((g) => g.weight > 0 && small(ballotsOf(scheme, tally, c, rs.ids, g.name)))));
  if (!anySmall) return [];
  const decided = new Map<string, Decided>();
  for (const r of subjects) {
    if (r.flags.includes('不定等次')) continue;
    const subject = roster.subjects[r.index];
    for (const rule of rules) {
      // Each condition as the parts that must all hold: a weighted share's parts (one per round set) one by one.
      const atoms: { holds: boolean | null; weighted?: { c: ShareCondition; part: ReturnType<typeof shareParts>[number]; rounds: string[] } }[] = [];
      for (const c of rule.when) {
        const judged = evaluateCondition(scheme, tally, subject, r.score, c, scheme.scoring.places, r.scoreText);
        if (c.kind !== 'share' || c.groups !== 'weighted' || judged.applies === false) {
          atoms.push({ holds: judged.holds });
          continue;
        }
        const threshold = percent(c.value);
        const rounds = roundSets(scheme, c);
        shareParts(scheme, tally, r.index, c).forEach((part, i) =>
          atoms.push({ holds: part.share === null ? null : compare(part.share, c.op, threshold), weighted: { c, part, rounds: rounds[i].ids } }),
        );
      }
      const holds = atoms.some((a) => a.holds === false) ? false : atoms.some((a) => a.holds === null) ? null : true;
      // Undecided by the rules: nothing was decided, by a small group or any other.
      if (holds === null) break;
      for (const atom of atoms) {
        if (!atom.weighted || atom.holds === null) continue;
        // The rule turns on this figure only where everything else in it holds.
        if (atoms.some((a) => a !== atom && a.holds !== true)) continue;
        const { c, part, rounds } = atom.weighted;
        const threshold = percent(c.value);
        for (const g of part.groups ?? []) {
          const ballots = ballotsOf(scheme, tally, c, rounds, g.group);
          if (!small(ballots)) continue;
          const others = (part.groups ?? []).filter((o) => o !== g);
          if (others.length === 0 || !others.every((o) => o.share !== null && compare(o.share, c.op, threshold) !== atom.holds)) continue;
          // One finding per group and tier (and condition, where a rule weights two shares).
          const key = `${g.group}|${rule.tier}|${rule.when.indexOf(c)}`;
          const entry = decided.get(key) ?? { group: g.group, weight: g.weight, ballots, tier: rule.tier, condition: c, subjects: [] };
          const round = part.part?.replace(/·?按类别加权$/, '');
          entry.subjects.push(`${r.label}${atom.holds ? '符合' : '不符合'}（${round ? `${round} ` : ''}${weightedShareWords(part, threshold)}）`);
          entry.ballots = Math.max(entry.ballots, ballots);
          decided.set(key, entry);
        }
      }
      if (holds) break;
    }
  }
  return [...decided.values()].map((d) => {
    const listed = d.subjects.slice(0, NAMED).join('；') + (d.subjects.length > NAMED ? `；等 ${d.subjects.length} 人` : '');
    return finding(
      'SMALL_GROUP_DECIDES_TIER',
      `是否符合「${d.tier}」的条件「${shareRuleWords(d.condition, true)}」由「${d.group}」的 ${d.ballots} 张有效票单独决定（该类别权重 ${weightWords(d.weight)}，` +
        `其余类别各自的得票率都在等次线的另一侧）：${listed}。这是方案的权重和等次线使然；如不应由 ${d.ballots} 张票决定，请评议委员会研究，或修改方案的权重、等次线后重新计算`,
      { file: '（汇总）' },
    );
  });
}

/** Valid ballots of a group (by name) on the condition's forms and the given rounds. */
function ballotsOf(scheme: Scheme, tally: Tally, c: ShareCondition, rounds: string[], groupName: string): number {
  const group = scheme.raterGroups.find((g) => g.name === groupName);
  if (!group) return 0;
  let n = 0;
  for (const form of scheme.forms) {
    if (form.response.kind !== 'tier' || (c.forms && !c.forms.includes(form.id))) continue;
    for (const round of rounds) n += tally.ballotCount.get(`${form.id}|${round}|${group.id}`) ?? 0;
  }
  return n;
}
