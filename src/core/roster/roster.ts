/**
 * The roster (名册): who is evaluated, with the attributes rules look at (单位, 职务类别, 窗口岗位,
 * veto events). Names on ballots are matched to it after normalisation (spaces, width, traditional).
 */
import { normalizeName } from '../text/normalize';

export interface RosterEntry {
  name: string;
  /** A person (default) or an organisation such as a 党支部. */
  kind?: 'person' | 'organisation';
  unit?: string;
  /** 职务类别 (正职/副职), or 预备党员 and the like. */
  category?: string;
  /** 窗口岗位 (seed 004 附表3). */
  window?: boolean;
  /** Veto events and other flags by field name (否决事项, 事故, 党风廉政问题 ...); any non-empty text is "set". */
  flags?: Record<string, string>;
}

export interface Subject extends RosterEntry {
  index: number;
  key: string;
}

export interface Roster {
  /** The subjects in this view of the roster. */
  subjects: Subject[];
  /** Every subject of the campaign, by index. */
  all: Subject[];
  /** normalized name → indexes (more than one: 重名). */
  byKey: Map<string, number[]>;
}

export function buildRoster(entries: readonly RosterEntry[]): Roster {
  const subjects = entries.map((e, index) => ({ ...e, name: e.name.trim(), index, key: normalizeName(e.name) }));
  const byKey = new Map<string, number[]>();
  for (const s of subjects) {
    const list = byKey.get(s.key);
    if (list) list.push(s.index);
    else byKey.set(s.key, [s.index]);
  }
  return { subjects, all: subjects, byKey };
}

/** The part of the roster a form rates (its subject kind, window posts only); indexes are kept. */
export function rosterFor(roster: Roster, kind: 'person' | 'organisation', onlyWindowPosts = false): Roster {
  const subjects = roster.subjects.filter((s) => (s.kind ?? 'person') === kind && (!onlyWindowPosts || s.window));
  if (subjects.length === roster.subjects.length) return roster;
  const byKey = new Map<string, number[]>();
  for (const s of subjects) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.index]);
  return { subjects, all: roster.all, byKey };
}

export type NameMatch =
  | { kind: 'exact'; index: number }
  | { kind: 'normalised'; index: number }
  | { kind: 'ambiguous'; indexes: number[] }
  | { kind: 'none' };

export function matchName(roster: Roster, raw: string): NameMatch {
  const key = normalizeName(raw);
  const hits = roster.byKey.get(key);
  if (!hits) return { kind: 'none' };
  if (hits.length > 1) return { kind: 'ambiguous', indexes: hits };
  const subject = roster.all[hits[0]];
  return subject.name === String(raw).trim() ? { kind: 'exact', index: hits[0] } : { kind: 'normalised', index: hits[0] };
}

/**
 * A roster flag's text, '' when the entry has none. Own fields only: a column or a scheme rule named
 * "constructor" or "toString" is just a name, not something every object inherits.
 */
export function flagText(subject: RosterEntry, field: string): string {
  const flags = subject.flags;
  if (flags === undefined || !Object.prototype.hasOwnProperty.call(flags, field)) return '';
  const v = flags[field];
  return typeof v === 'string' ? v : '';
}

export function hasFlag(subject: RosterEntry, field: string): boolean {
  const v = flagText(subject, field).trim();
  return v !== '' && !/^(无|否|没有|0|false)$/i.test(v);
}
