/**
 * Text normalisation for recognising labels and matching names (DOMAIN.md, "Form layouts"):
 * spacing and width variants ("满 意", full-width letters and spaces), traditional characters
 * (滿意, 稱職), the seed's own typo "基本满意意" (seed 004, 附表3), stray spaces in names.
 */
import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | null = null;

/** Traditional → mainland simplified characters (OpenCC's tw → cn tables). */
export function simplify(text: string): string {
  if (!/[^\u0000-\u2fff]/.test(text)) return text;
  toSimplified ??= Converter({ from: 'tw', to: 'cn' });
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

const nameOf = memoised((raw) => simplify(raw.normalize('NFKC').replace(BRACKETED, '').replace(WHITESPACE, '')));

/** The name as it should be displayed: trimmed, inner padding of two-character names kept out. */
export function displayName(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw).replace(WHITESPACE, ' ').trim().replace(/^(\S) (\S)$/u, '$1$2');
}
