/**
 * 按姓氏笔画排序 — ordering people's names by surname strokes, the way official Chinese lists
 * (公示表, 名单) are ordered. The rule, after GF 3002-1999《GB 13000.1 字符集汉字字序（笔画序）规范》
 * and 《通用规范汉字笔顺规范》, on mainland standard character forms:
 *
 *  1. Compare the surname first: fewer strokes first (陈 7, 阝 counts 2).
 *  2. Same stroke count: compare the strokes in writing order, one by one, by class
 *     横 < 竖 < 撇 < 点 < 折 (一 丨 丿 丶 乛; digits 1–5 below). 提 counts as 横, 竖钩 as 竖,
 *     捺 as 点, every other turning stroke (横折, 横钩, 竖提, 竖弯钩, 撇折, 撇点, 斜钩, 卧钩 …) as 折.
 *  3. Same surname: a name with a single-character given name comes before all longer ones (王毅
 *     before 王沪宁, 王晨 before 王沪宁, 李强 before 李克强, 陈希 before 陈全国); longer names are
 *     compared character by character by rules 1–2, a name that is the start of another first.
 *  4. 复姓 (欧阳, 司马, 诸葛 …) are ranked by their first character among the other surnames, and
 *     after it the name is compared as a sequence of characters.
 *
 * Rules 3 and 4 together: the key of a name is (first character; two characters or fewer before
 * more; the remaining characters one by one). This is how published lists order names, checked on
 * the lists in tests/fixtures/official-lists (among them the 二十大代表名单, 2,296 names, and the
 * 十九届 and 二十届 中央委员 lists, reproduced exactly): 马和帕丽 (和 8) before 马岳利 (岳 8, later
 * in its strokes), 巴音朝鲁 (音 9) before 巴特尔 (特 10), 艾尔肯·吐尼亚孜 before 艾园林 — a
 * three-character name does not come before a four-character one as such. ("如遇单名，则将其名
 * 的第一个字笔画看作'○'，排在双名之前", as people who order such lists describe it.) So 欧阳修 sits
 * with the 8-stroke 欧 names; 欧明 precedes every longer 欧 name; 欧阳红梅 (红 6) precedes 欧阳修
 * (修 9); and a 复姓's second character is compared like a given name's first one: 欧立新 (立 5)
 * before 欧阳修 (阳 6) before 欧振华 (振 10), 司马光 (马 3) before 司建华 (建 8). This needs no
 * list of 复姓, so it cannot mistake 单于洋 (单 + 于洋) or an ethnic-minority name for one.
 *
 *     Why not the plain positional comparison? It makes 王沪宁 precede 王毅 (沪 7 strokes < 毅 15),
 *     against rule 3, which every official list follows (十九届中央政治局委员: 王晨 王沪宁 … 李希
 *     李强 李克强 李鸿忠 … 陈希 陈全国 陈敏尔; 123 places out of order in the 二十大代表名单).
 *     Why not fewer characters first throughout? 11 places out of order in the 二十大代表名单
 *     (the four-character names of the minority delegates), none gained anywhere.

 * Ordering ignores padding spaces (ASCII, U+3000, NBSP, zero-width), middle dots of transcribed
 * names (阿沛·阿旺晋美) and bracketed annotations — （女，回族）, (女), 【…】, [ … ], 〔…〕 — and
 * compares traditional characters by their mainland form (陳 as 陈). Callers always get their own
 * strings back.
 *
 * Characters without stroke data (Latin letters, digits, characters missing from the data) never
 * throw: they sort after every Han character, among themselves by code point, and
 * {@link strokeKeyOf} lists them in `unknownChars` so a caller can flag "could not be ordered reliably".
 *
 * Ties the rule leaves open, in order:
 *  - two different characters with the same stroke-class sequence (孔/巴, 次/衣, 干/于, 叶/申): by
 *    code point. The 二十大代表名单 puts 孔 before 巴 and 次 before 衣 (whole groups of names),
 *    and 叶 before 申: code point order gives all three. Finer rules on the strokes' shapes (横
 *    before 提, an order of the 折 forms), which some character tables follow, give the first two the
 *    other way round; the lists are what the clerk's output is held against;
 *  - fully equal keys (王毅 and 王　毅, 陈明 and 陳明): by the original strings' code points, so the
 *    order is total and sorting is deterministic.
 *
 * Do not replace this with Intl.Collator('zh-u-co-stroke'): ICU's stroke collation uses other
 * data and rules (it puts 尹 before 王, 何 and 张 before 李, 丁小强 before 丁宁).
 *
 * Data: cnchar-order (MIT) — a stroke-order string per character, one letter per stroke, for the
 * 6,939 characters it covers (all 3,500 一级字 of 《通用规范汉字表》 and most 二级字). Checked before
 * use: stroke counts agree with Make Me a Hanzi (hanzi-writer-data) for all but 3 characters (棻 and
 * 脩, where that data draws non-mainland forms, and 皙, corrected below); the stroke-class sequences
 * put every character of 《通用规范汉字表》 that has data in the table's own order of stroke count
 * and class sequence (the table is ordered by stroke count, then stroke by stroke, per GF 3002)
 * except 皙; and comparing each
 * stroke's starting direction with Make Me a Hanzi's stroke paths found one more error that matters
 * for names (锺). See STROKE_FIXES and STROKE_SUPPLEMENT.
 */
import orderPlugin from 'cnchar-order';
import { NAME_DOTS, simplify } from './normalize';

/** One character of a name as it is compared. For an unknown character, strokes is 0 and classes is ''. */
export interface StrokeKeyChar {
  /** The character compared: after normalisation and traditional → mainland conversion. */
  char: string;
  strokes: number;
  /** One digit per stroke in writing order: 1 横, 2 竖, 3 撇, 4 点, 5 折. */
  classes: string;
}

export interface StrokeKey {
  chars: StrokeKeyChar[];
  /** Characters with no stroke data, in order of first appearance, each once. */
  unknownChars: string[];
}

// ---------------------------------------------------------------------------------------------
// Stroke data

/**
 * cnchar-order's stroke letters and their class. Names are cnchar's own (its dict.strokeTable);
 * some letters stand for two shapes. Only 提 → 横, 竖钩 → 竖 and 捺 → 点 leave their own shape's
 * class; all other letters except 横 竖 撇 点 are 折笔.
 */
const LETTER_CLASS: Readonly<Record<string, string>> = {
  j: '1', // 横 一
  i: '1', // 提 ㇀ → 横
  f: '2', // 竖 丨
  g: '2', // 竖钩 亅 → 竖
  s: '3', // 撇 丿
  k: '4', // 点 丶
  d: '4', // "点2": the other dot form (忄's left dot, 宀's and 冖's dot, 火's first dot) → 点
  l: '4', // 捺 ㇏ → 点
  c: '5', // 横折 𠃍
  e: '5', // 横撇 ㇇ | 横钩 乛
  r: '5', // 横折钩 𠃌
  w: '5', // 横折折折钩 ㇡ | 横撇弯钩 ㇌ (阝)
  v: '5', // 横折折 ㇅ | 横折弯 ㇍
  p: '5', // 横折提 ㇊ (讠)
  q: '5', // 横折折折 ㇎ (凸)
  o: '5', // 横斜钩 ⺄ (also used for 横折弯钩 ㇈ in 几 九)
  a: '5', // 横折折撇 ㇋ (及 廴)
  b: '5', // 竖弯 ㇄ (also used for 竖折 𠃊)
  h: '5', // 竖提 𠄌
  x: '5', // 竖折撇 ㄣ | 竖折折 ㇞
  u: '5', // 竖弯钩 乚
  z: '5', // 竖折折钩 ㇉
  n: '5', // 撇折 𠃋
  m: '5', // 撇点 𡿨 (女)
  t: '5', // 弯钩 ㇁ (犭)
  y: '5', // 斜钩 ㇂ | 卧钩 ㇃
};

/**
 * Corrections to cnchar-order, in its letters, each checked by hand against the mainland form:
 *  - 皙 (13): cnchar drops 白's first stroke (12 strokes, 木斤日); 《通用规范汉字表》 lists 皙 among
 *    13-stroke characters. 木 1234 + 斤 3312 + 白 32511.
 *  - 锺 (14, a surname distinct from 钟): cnchar writes 重 as 丿一丨𠃍一一一丨一; 重 is 丿一丨𠃍一一丨一一
 *    (312511211, as cnchar itself has in 董 and 重). 钅 31115 + 重 312511211.
 *  - 阝 (2): not in cnchar as a character of its own; 横撇弯钩 + 竖 = 52 (as in 陈 邓).
 */
const STROKE_FIXES: Readonly<Record<string, string>> = {
  皙: 'jfsk' + 'ssjf' + 'sfcjj',
  锺: 'sjjjh' + 'sjfcjjfjj',
  阝: 'wf',
};

/**
 * Characters of 《通用规范汉字表》 that cnchar-order lacks but that are chosen for given names, built
 * from their components' cnchar sequences (component shapes only change 横 → 提 on the left, same
 * class). Each sits in 《通用规范汉字表》 between neighbours consistent with the sequence given.
 */
const STROKE_SUPPLEMENT: Readonly<Record<string, string>> = {
  沄: 'kki' + 'jjnk', // 氵441 + 云 1154 (7)
  汭: 'kki' + 'frsk', // 氵441 + 内 2534 (7)
  沨: 'kki' + 'sosk', // 氵441 + 风 3534 (7)
  浛: 'kki' + 'slkefcj', // 氵441 + 含 3445251 (10)
  淏: 'kki' + 'fcjjjjsl', // 氵441 + 昊 25111134 (11)
  婳: 'msj' + 'jfcjfjbf', // 女 531 + 画 12512152 (11)
  媞: 'msj' + 'fcjjjfjsl', // 女 531 + 是 251112134 (12)
  嫄: 'msj' + 'jssfcjjgsk', // 女 531 + 原 1332511234 (13)
  禛: 'kefk' + 'jffcjjjjsk', // 礻4524 + 真 1225111134 (14)
  骉: 'czj' + 'czi' + 'czj', // 马 551 three times (9)
  䶮: 'jsusk' + 'jjsl', // 龙 13534 over 天 1134 (9)
  // More given-name characters, each component's letters taken from a character that has it in the same
  // place (女 of 姓, 山 of 峰 or 岩, 羽 of 翼, 亻 of 住 …):
  蒨: 'jff' + 'sfjjfjfrjj', // 艹 122 + 倩 3211212511 (13)
  矞: 'ekegs' + 'frskfcj', // 矛 54523 + 冏 2534251 (12), as in 橘
  亶: 'kj' + 'fcfcjj' + 'fcjjj', // 亠 41 + 回 252511 + 旦 25111 (13), as in 檀
  倢: 'sf' + 'jcjjfjsl', // 亻 32 + 疌 15112134 (10), as in 婕
  冏: 'fr' + 'sk' + 'fcj', // 冂 25 + 八 34 + 口 251 (7)
  妘: 'msj' + 'jjnk', // 女 531 + 云 1154 (7)
  姁: 'msj' + 'srfcj', // 女 531 + 句 35251 (8)
  姞: 'msj' + 'jfjfcj', // 女 531 + 吉 121251 (9)
  嬿: 'msj' + 'jffjfcjfjisudkkk', // 女 531 + 燕 1221251211354444 (19)
  宬: 'kde' + 'jsrysk', // 宀 445 + 成 135534 (9)
  峣: 'fbf' + 'jysjsu', // 山 252 + 尧 153135 (9)
  崟: 'fbf' + 'sljjfksj', // 山 252 over 金 34112431 (11)
  忞: 'kjsl' + 'dykk', // 文 4134 over 心 4544 (8)
  橦: 'jfsk' + 'kjksjfcjjfjj', // 木 1234 + 童 414312511211 (16)
  瑢: 'jjfi' + 'kdeskslfcj', // 王 1121 + 容 4453434251 (14)
  畯: 'fcjfj' + 'nksksel', // 田 25121 + 夋 5434354 (12), as in 俊
  睎: 'fcjjj' + 'skjsfrf', // 目 25111 + 希 3413252 (12)
  秾: 'sjfsk' + 'deshsl', // 禾 31234 + 农 453534 (11)
  簃: 'sjksjk' + 'sjfskseksek', // ⺮ 314314 over 移 31234354354 (17)
  翯: 'ckicki' + 'kjfcjfrfcj', // 羽 541541 over 高 4125125251 (16)
  褀: 'kefsk' + 'jffjjjsk', // 衤 45234 + 其 12211134 (13)
  锜: 'sjjjh' + 'jskjfcjg', // 钅 31115 + 奇 13412512 (13)
  鹍: 'fcjjjhsu' + 'srkzj', // 昆 25111535 + 鸟 35451 (13)
  // Found missing by comparing with published lists (tests/fixtures/official-lists): the surname 訚
  // (訚柏 in the 二十大代表名单 sits among the 10-stroke surnames, where this sequence puts it) and 熺.
  訚: 'kfr' + 'kjjjfcj', // 门 425 + 言 4111251 (10)
  熺: 'dssk' + 'jfjfcjksjfcj', // 火 4334 (as in 炉) + 喜 121251431251 (16)
};

/**
 * Characters of 《通用规范汉字表》 that OpenCC's tw → cn conversion rewrites (於 → 于, 乾 → 干,
 * 昇 → 升 …). They are mainland standard characters in their own right — mostly kept for names —
 * so they are never converted.
 */
const STANDARD_KEEP = new Set([...'么著乾剋袷麽徵薹氾扞吒苧昇於祕陞脩蒐夥劄薳谿釐']);

interface CnCharOrderPlugin {
  dict: { orders: Record<string, string> };
}
const ORDERS: Readonly<Record<string, string>> = (orderPlugin as unknown as CnCharOrderPlugin).dict.orders;

function lettersOf(char: string): string | undefined {
  return (
    STROKE_FIXES[char] ??
    STROKE_SUPPLEMENT[char] ??
    (Object.prototype.hasOwnProperty.call(ORDERS, char) ? ORDERS[char] : undefined)
  );
}


// ---------------------------------------------------------------------------------------------
// Per-character data, cached

interface CharInfo {
  /** The character as given (after NFKC). */
  readonly input: string;
  /** The character compared (mainland form). */
  readonly char: string;
  readonly strokes: number;
  readonly classes: string;
  readonly known: boolean;
  /**
   * Sortable form: for a known character '0', stroke count (3 digits), classes, code point (6 hex
   * digits); for an unknown one '1' and its code point. Equal lengths wherever two keys
   * could share a prefix, so plain string comparison implements the character order.
   */
  readonly sortKey: string;
}

const charCache = new Map<string, CharInfo>();

function hex6(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).padStart(6, '0');
}

function makeInfo(input: string, char: string, letters: string | undefined): CharInfo {
  if (letters === undefined || letters.length === 0) {
    return { input, char, strokes: 0, classes: '', known: false, sortKey: '1' + hex6(char) };
  }
  let classes = '';
  for (const letter of letters) classes += LETTER_CLASS[letter] ?? '5';
  const strokes = letters.length;
  const sortKey = '0' + String(Math.min(strokes, 999)).padStart(3, '0') + classes + hex6(char);
  return { input, char, strokes, classes, known: true, sortKey };
}

/** One code point (already NFKC-normalised) → its comparison data. */
function charInfo(input: string): CharInfo {
  const cached = charCache.get(input);
  if (cached) return cached;
  let info: CharInfo;
  const own = lettersOf(input);
  if (STROKE_FIXES[input] !== undefined || STROKE_SUPPLEMENT[input] !== undefined || STANDARD_KEEP.has(input)) {
    info = makeInfo(input, input, own);
  } else if (input.codePointAt(0)! < 0x2e80) {
    // Below the CJK blocks: Latin, digits, punctuation — never Han, nothing to convert.
    info = makeInfo(input, input, undefined);
  } else {
    // OpenCC's tw → cn, through simplify: one converter for the whole program, built only when needed.
    const converted = simplify(input);
    const convertedLetters = converted !== input && [...converted].length === 1 ? lettersOf(converted) : undefined;
    info = convertedLetters !== undefined ? makeInfo(input, converted, convertedLetters) : makeInfo(input, input, own);
  }
  charCache.set(input, info);
  return info;
}

/**
 * Strokes of one character in its mainland standard form (陈 7, 陳 7, 阝 2), or null when there is
 * no data for it or the argument is not exactly one character.
 */
export function strokeCount(char: string): number | null {
  if (typeof char !== 'string') return null;
  const chars = [...char.normalize('NFKC')];
  if (chars.length !== 1) return null;
  const info = charInfo(chars[0]);
  return info.known ? info.strokes : null;
}

// ---------------------------------------------------------------------------------------------
// Names

const OPENERS = '(（[［【〔〖{｛';
const CLOSERS = ')）]］】〕〗}｝';
/** Innermost bracketed annotation: any opener, no bracket inside, any closer. */
const INNER_BRACKETED = /[(（[［【〔〖{｛][^(（[［【〔〖{｛)）\]］】〕〗}｝]*[)）\]］】〕〗}｝]/g;
/** Padding and separators that carry nothing for ordering: spaces, zero-width, middle dots. */
const IGNORED = new RegExp(`[\\s\\u00a0\\u200b-\\u200d\\u2060\\ufeff${NAME_DOTS}]`, 'g');

/** The characters of a name that take part in ordering. */
function significantChars(name: string): string[] {
  let text = asText(name).normalize('NFKC');
  // Nested annotations: remove innermost pairs until none is left.
  for (let guard = 0; guard < 16; guard++) {
    const stripped = text.replace(INNER_BRACKETED, '');
    if (stripped === text) break;
    text = stripped;
  }
  // An unclosed annotation runs to the end; a stray closing bracket is dropped.
  const open = [...text].findIndex((c) => OPENERS.includes(c));
  if (open >= 0) text = [...text].slice(0, open).join('');
  text = [...text].filter((c) => !CLOSERS.includes(c)).join('');
  return [...text.replace(IGNORED, '')];
}

interface NameKey {
  infos: CharInfo[];
  /**
   * Sortable string: the first character's key and \u0001; '0' for a name of at most two characters
   * (a single given name), else '1'; then each further character's key followed by \u0001 (so a
   * name that is the start of another comes first). An empty name is '\uffff', after everything.
   */
  sort: string;
}

function nameKey(name: string): NameKey {
  const infos = significantChars(name).map(charInfo);
  if (infos.length === 0) return { infos, sort: '\uffff' };
  let sort = infos[0].sortKey + '\u0001' + (infos.length <= 2 ? '0' : '1');
  for (let i = 1; i < infos.length; i++) sort += infos[i].sortKey + '\u0001';
  return { infos, sort };
}

/**
 * The comparison key of a name: its characters after removing padding, middle dots and bracketed
 * annotations, in mainland form, with stroke count and stroke classes; and the characters that have
 * no stroke data (the name then cannot be ordered reliably).
 */
export function strokeKeyOf(name: string): StrokeKey {
  const { infos } = nameKey(name);
  const unknownChars: string[] = [];
  for (const info of infos) {
    if (!info.known && !unknownChars.includes(info.input)) unknownChars.push(info.input);
  }
  return {
    chars: infos.map((info) => ({ char: info.char, strokes: info.strokes, classes: info.classes })),
    unknownChars,
  };
}

/** What untyped callers pass (null, numbers) as text: null and undefined are empty. */
function asText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Code point order of two strings (not UTF-16 unit order, which differs above U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}

function compareSortStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order of two names 按姓氏笔画 (see the module comment): negative when `a` comes first. A total
 * order: names equal for ordering (王毅, 王　毅, 王毅（女）) are ordered by their original strings.
 */
export function compareByStroke(a: string, b: string): number {
  return compareSortStrings(cachedSort(a), cachedSort(b)) || compareCodePoints(asText(a), asText(b));
}

/** Sort strings of recently compared names, so that `names.sort(compareByStroke)` stays fast. */
const sortCache = new Map<string, string>();
const SORT_CACHE_LIMIT = 50_000;

function cachedSort(name: string): string {
  const text = asText(name);
  let sort = sortCache.get(text);
  if (sort === undefined) {
    sort = nameKey(text).sort;
    if (sortCache.size >= SORT_CACHE_LIMIT) sortCache.clear();
    sortCache.set(text, sort);
  }
  return sort;
}

/**
 * A new array of the items ordered 按姓氏笔画 by the name `nameOf` gives; the input is not changed.
 * Keys are computed once per item.
 */
export function sortByStroke<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const decorated = items.map((item, index) => {
    const name = asText(nameOf(item));
    return { item, name, sort: nameKey(name).sort, index };
  });
  decorated.sort(
    (x, y) => compareSortStrings(x.sort, y.sort) || compareCodePoints(x.name, y.name) || x.index - y.index,
  );
  return decorated.map((d) => d.item);
}
