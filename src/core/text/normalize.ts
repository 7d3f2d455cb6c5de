/**
 * Text normalisation for recognising labels and matching names (DOMAIN.md, "Form layouts"):
 * spacing and width variants ("满 意", full-width letters and spaces), traditional characters
 * (滿意, 稱職), the seed's own typo "基本满意意" (seed 004, 附表3), stray spaces in names.
 */
import * as OpenCC from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | null = null;

/** The keys of the tw → cn tables: one-character keys, and longer keys listed under their first character. */
interface Keys {
  single: Set<number>;
  longer: Map<number, string[]>;
}
/** null when the tables could not be read (then every text is converted). */
let keys: Keys | null | undefined;

/**
 * OpenCC replaces only text in which one of its tables' keys occurs, so a text containing no key comes
 * back unchanged. Most cell texts (simplified labels, names, 票号：123, one unique per sheet) are like
 * that, and looking is far cheaper than converting; building OpenCC's converter alone takes some 13 ms,
 * paid only when a text needs it. Common characters of names (王, 李, 秀, 志, 海) begin phrase keys, so
 * a whole key must occur, not just its first character. The tables are those tw → cn reads: the "tw2s"
 * config of this opencc-js, or `from.tw` and `to.cn` in versions without configs (both read: more keys
 * only means "convert as before"). normalize.test.ts checks every character and every key.
 */
function readKeys(): Keys | null {
  const found: Keys = { single: new Set(), longer: new Map() };
  const add = (key: string) => {
    if (key === '') return;
    const first = key.codePointAt(0)!;
    if (key.length === (first > 0xffff ? 2 : 1)) found.single.add(first);
    else {
      const list = found.longer.get(first);
      if (list === undefined) found.longer.set(first, [key]);
      else if (!list.includes(key)) list.push(key);
    }
  };
  const isWord = (x: unknown): x is string => typeof x === 'string' && !x.includes(' ');
  // Tables are "source replacement|…" strings or [source, replacement] pairs, in nested groups.
  const visit = (x: unknown): void => {
    if (typeof x === 'string') {
      if (x.includes(' '))
        for (const entry of x.split('|')) {
          const space = entry.indexOf(' ');
          add(space < 0 ? entry : entry.slice(0, space));
        }
    } else if (Array.isArray(x) && x.length === 2 && isWord(x[0]) && isWord(x[1])) add(x[0]);
    else if (typeof x === 'object' && x !== null) for (const y of Object.values(x)) visit(y);
  };
  // The bundle's tables (`Locale`), which src/types/opencc-js.d.ts does not declare.
  type Tables = Record<string, unknown>;
  const locale = (OpenCC as unknown as { Locale?: { configs?: Tables; from?: Tables; to?: Tables } }).Locale;
  if (!locale) return null;
  if (locale.configs && !('tw2s' in locale.configs)) return null; // configs named otherwise: tables unknown, always convert
  visit(locale.configs?.tw2s);
  visit(locale.from?.tw);
  visit(locale.to?.cn);
  return found.single.size > 0 ? found : null;
}

/** Whether OpenCC could change the text at all: whether any of its keys occurs in it (see readKeys). */
function mayConvert(text: string): boolean {
  if (keys === undefined) keys = readKeys();
  if (keys === null) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (keys.single.has(code)) return true;
    const longer = keys.longer.get(code);
    if (longer !== undefined) for (const key of longer) if (text.startsWith(key, i)) return true;
    if (code > 0xffff) i++;
  }
  return false;
}

/** Traditional → mainland simplified characters (OpenCC's tw → cn tables). */
export function simplify(text: string): string {
  if (!/[^\u0000-\u2fff]/.test(text) || !mayConvert(text)) return text;
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}

const WHITESPACE = /[\s\u00a0\u2000-\u200b\u3000\ufeff]+/g;
const BRACKETED = /[（(【\[〔][^（()）【】\[\]〔〕]*[)）】\]〕]/g;

/** Known misprints in the official annexes, mapped to the label they mean. */
const LABEL_TYPOS: Record<string, string> = {
  基本满意意: '基本满意', // seed 004, 附表3 header
  不满满意: '不满意',
};

/**
 * Names and labels repeat across hundreds of ballots: remember the normalised forms (bounded, so a
 * hostile file of unique strings cannot grow memory without limit).
 */
function memoised(fn: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let hit = cache.get(text);
    if (hit === undefined) {
      if (cache.size >= 50_000) cache.clear();
      hit = fn(text);
      cache.set(text, hit);
    }
    return hit;
  };
}

const labelOf = memoised((raw) => {
  let text = raw.normalize('NFKC').replace(WHITESPACE, '');
  text = text.replace(/^[*＊※]+|[:：*＊※]+$/g, '');
  text = simplify(text);
  // Own keys only: a cell reading "constructor" or "valueOf" must not come back as Object's method.
  return Object.prototype.hasOwnProperty.call(LABEL_TYPOS, text) ? LABEL_TYPOS[text] : text;
});

/** A header label reduced to what it says: no spaces, half-width, simplified, no trailing colon or star. */
export function normalizeLabel(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return labelOf(String(raw));
}

/** A person's or unit's name as typed: spaces and bracketed annotations removed, for display-neutral matching. */
export function normalizeName(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return nameOf(String(raw));
}

/**
 * The dots that separate the parts of a name (阿依古丽·买买提), as typed in their many look-alikes: the
 * middle dot, bullet, hyphenation point, katakana middle dot, full stop (half- and full-width) and others.
 * Names are matched with all of them as the middle dot; stroke order ignores them.
 */
export const NAME_DOTS = '\u00b7\u2022\u2024\u2027\u2219\u22c5\u30fb\uff65\ufe52.\uff0e';
const NAME_DOT = new RegExp(`[${NAME_DOTS}]`, 'g');

const nameOf = memoised((raw) => simplify(raw.normalize('NFKC').replace(BRACKETED, '').replace(WHITESPACE, '').replace(NAME_DOT, '\u00b7')));

/** The text without what it says in brackets (员工代表（营业部）→ 员工代表). */
export function withoutAnnotations(raw: string): string {
  return raw.normalize('NFKC').replace(BRACKETED, '');
}

/** What a name says in brackets beside it (王伟（办公室）→ 办公室), normalised like labels. */
export function annotations(raw: string): string[] {
  return (raw.normalize('NFKC').match(BRACKETED) ?? []).map((a) => normalizeLabel(a.slice(1, -1))).filter((a) => a !== '');
}

/** The name as it should be displayed: trimmed, inner padding of two-character names kept out. */
export function displayName(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw).replace(WHITESPACE, ' ').trim().replace(/^(\S) (\S)$/u, '$1$2');
}
