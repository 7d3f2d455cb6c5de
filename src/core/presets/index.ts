/** The presets, one per process in DOMAIN.md; each is a plain scheme, validated like a user's. */
import { loadScheme } from '../scheme/load-scheme';
import { Scheme } from '../scheme/scheme-schema';
import { P1_DOUBLE_PLEDGE } from './p1-double-pledge';
import { P3_COMMUNITY_CONSECUTIVE } from './p3-community-consecutive';
import { P3_VILLAGE_TWO_ROUNDS } from './p3-village-two-rounds';
import { P4_MIDDLE_MANAGERS } from './p4-middle-managers';
import { P4_SECRETARY_APPRAISAL } from './p4-secretary-appraisal';
import { P5_PARTY_MEMBERS } from './p5-party-members';

export const PRESETS: readonly Scheme[] = [
  P1_DOUBLE_PLEDGE,
  P3_VILLAGE_TWO_ROUNDS,
  P3_COMMUNITY_CONSECUTIVE,
  P4_SECRETARY_APPRAISAL,
  P4_MIDDLE_MANAGERS,
  P5_PARTY_MEMBERS,
];

/** A fresh, validated copy of a preset (callers may change it freely). */
export function getPreset(id: string): Scheme {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`没有 id 为「${id}」的预设方案；可用：${PRESETS.map((p) => p.id).join('、')}`);
  return loadScheme(structuredClone(preset));
}
