/**
 * A preset's 方案说明 is prose written for its own numbers (干部打分×50%＋员工打分×50%, 85分以上为优秀). Once
 * the clerk edits a rule it states (a weight, a threshold, a veto), the text no longer says what is
 * computed, on the 方案 step or in the exported 方案 file: it is then marked as the preset's original,
 * the settings deciding; so is a rater group, round or 结果运用 renamed (the text says 干部打分, 限期整改). The
 * campaign's own facts (its names 方案名称 and 评议名称, 应参评人数, 党员人数, the roster, 结果公布日期, 考核年度, 公示表)
 * are stated in no description and leave it as it is.
 */
import { PRESETS } from '../core/presets';
import { loadScheme } from '../core/scheme/load-scheme';
import { Scheme } from '../core/scheme/scheme-schema';

/** Put before a preset's description whose rules were edited. */
export const EDITED_DESCRIPTION_NOTE = '（以下是预设方案的原文。本方案的权重、等次标准等设置已修改，与原文不一致之处以本方案的设置为准。）';

/** The rules a description states: the scheme without the campaign's own facts. */
function statedRules(scheme: Scheme): unknown {
  const { description, name, process, roster, memberCount, resultsDate, year, publication, ...rules } = scheme;
  return { ...rules, raterGroups: rules.raterGroups.map(({ expected, expectedByRound, expectedByUnit, ...group }) => group) };
}

/** JSON with object keys sorted: a key deleted and set again compares equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * The scheme with its description following its rules: a preset's own text while its rules are the
 * preset's, the same text marked (EDITED_DESCRIPTION_NOTE) once they differ. A description the clerk
 * wrote, or a scheme of no preset, is left as it is.
 */
export function withDescriptionFollowingRules(scheme: Scheme): Scheme {
  const preset = PRESETS.find((p) => p.id === scheme.id);
  if (!preset) return scheme;
  const marked = EDITED_DESCRIPTION_NOTE + preset.description;
  if (scheme.description !== preset.description && scheme.description !== marked) return scheme;
  const edited = canonical(statedRules(scheme)) !== canonical(statedRules(loadScheme(structuredClone(preset))));
  const description = edited ? marked : preset.description;
  return description === scheme.description ? scheme : { ...scheme, description };
}
