/**
 * How the results speak of a subject in its own reasons and 整改清单 row: 本人 for a person; an organisation by
 * what it is (该支部, 该班子), with who answers for it. A scheme's 整改要求 is written for a person (seed 004 五、3
 * 责成本人落实整改责任); said of a 党支部 it is 责成该支部, its secretary the 责任人.
 */
import { RosterEntry } from './roster';

type Named = Pick<RosterEntry, 'name' | 'kind'>;

/**
 * An organisation's words: its secretary answers for a party organisation (第一支部书记), its 主要负责人 for any
 * other (两委班子主要负责人). Staff may name the person instead.
 */
export function organisationWords(name: string): { itself: string; responsible: string } {
  if (/总支(部)?(委员会)?$/.test(name)) return { itself: '该总支', responsible: `${name}书记` };
  if (/支部(委员会)?$/.test(name)) return { itself: '该支部', responsible: `${name}书记` };
  if (/(党委|党组|党工委|党委员会)$/.test(name)) return { itself: '该党组织', responsible: `${name}书记` };
  if (/班子$/.test(name)) return { itself: '该班子', responsible: `${name}主要负责人` };
  return { itself: '该组织', responsible: `${name}主要负责人` };
}

/** 本人, or 该支部 / 该班子 … for an organisation: the subject in its own reasons (本人排第 3 名 → 该支部排第 3 名). */
export function itselfWord(subject: Named | undefined): string {
  return subject?.kind === 'organisation' ? organisationWords(subject.name).itself : '本人';
}

/** A scheme's text written for a person (责成本人落实整改责任) as said of this subject; a person's unchanged. */
export function saidOfSubject(text: string, subject: Named | undefined): string {
  return subject?.kind === 'organisation' ? text.replace(/本人/g, organisationWords(subject.name).itself) : text;
}
