/**
 * Where a scheme file stops being JSON, and why, in words a clerk who edited it in Notepad can act on
 * (line and column, the usual slips: a comma after the last item, 中文标点, "70%" for 70, a missing
 * quote). JSON.parse says only "at position 884" in English, and each browser says it differently, so
 * the text is read again here, once it is known to be broken. No recursion: a file nested 100,000 deep
 * is read like any other.
 */

export interface JsonSyntaxProblem {
  /** 1-based, counted in characters. */
  line: number;
  column: number;
  reason: string;
  /** The line, cut around the column when long. */
  excerpt: string;
}

/** Chinese punctuation a Chinese keyboard types where JSON needs the ASCII mark. */
const FULL_WIDTH: Record<string, string> = {
  '“': '"',
  '”': '"',
  '‘': '"',
  '’': '"',
  '，': ',',
  '、': ',',
  '；': ',',
  '：': ':',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
};

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first syntax error of `text`, or null when it is JSON. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const found = firstError(text);
  return found ? { ...position(text, found.at), reason: found.reason } : null;
}

function firstError(text: string): { at: number; reason: string } | null {
  const stack: string[] = [];
  let expect: Expect = 'value';
  /** Where the last comma was, to point at it when nothing follows it. */
  let comma = -1;
  let i = 0;
  /** What follows a complete value: the end of the file, or a comma or bracket of the list it is in. */
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  /** A closing bracket `c`: the problem when it does not match the open one. */
  const close = (c: string): string | null => {
    const open = stack.pop();
    return (open === '{') !== (c === '}') ? `括号不配对：这里应是「${open === '{' ? '}' : ']'}」` : null;
  };
  while (true) {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
    if (i >= text.length) {
      if (expect === 'end') return null;
      const missing = stack.length <= 6 ? [...stack].reverse().map((o) => (o === '{' ? '}' : ']')).join(' ') : `${stack.length} 个括号`;
      return { at: i, reason: `文件在这里就结束了，还缺少 ${missing} 来闭合前面的括号（文件不完整？）` };
    }
    const c = text[i];
    switch (expect) {
      case 'value':
      case 'value-or-close': {
        if (c === ']' || c === '}') {
          if (expect === 'value' && comma >= 0 && stack.length > 0) return { at: comma, reason: TRAILING_COMMA };
          if (expect === 'value-or-close') {
            const problem = close(c);
            if (problem) return { at: i, reason: problem };
            expect = afterValue();
            i++;
            continue;
          }
          return { at: i, reason: `这里应是一个值，却是「${c}」` };
        }
        if (c === '{' || c === '[') {
          stack.push(c);
          expect = c === '{' ? 'key-or-close' : 'value-or-close';
          comma = -1;
          i++;
          continue;
        }
        if (c === '"') {
          const end = stringEnd(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = afterValue();
          continue;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          const m = NUMBER.exec(text);
          if (!m) return { at: i, reason: '数字写法有误，应如 85 或 85.5' };
          if (m[0].replace('-', '') === '0' && /\d/.test(text[i + m[0].length] ?? ''))
            return { at: i, reason: '数字不能以 0 开头（写 5，不写 05）' };
          i += m[0].length;
          expect = afterValue();
          continue;
        }
        const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 20))?.[0];
        if (word === 'true' || word === 'false' || word === 'null') {
          i += word.length;
          expect = afterValue();
          continue;
        }
        if (c === ',') return { at: i, reason: '多了一个逗号（或逗号前少了一个值）' };
        if (word) return { at: i, reason: `「${word}」不是有效的值：文字要加英文双引号（如 "优秀"），数字直接写，是与否写 true 或 false` };
        return { at: i, reason: unexpected(c, '这里应是一个值（数字、"文字"、true/false、[ ] 或 { }）') };
      }
      case 'key':
      case 'key-or-close': {
        if (c === '"') {
          const end = stringEnd(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = 'colon';
          continue;
        }
        if (c === '}') {
          if (expect === 'key') return { at: comma, reason: TRAILING_COMMA };
          const problem = close(c);
          if (problem) return { at: i, reason: problem };
          expect = afterValue();
          i++;
          continue;
        }
        if (/[A-Za-z_$\u4e00-\u9fff]/.test(c)) return { at: i, reason: '项目名须加英文双引号，如 "weight": 50' };
        if (c === ',') return { at: i, reason: '多了一个逗号' };
        return { at: i, reason: unexpected(c, '这里应是加英文双引号的项目名，如 "weight"') };
      }
      case 'colon':
        if (c !== ':') return { at: i, reason: unexpected(c, '项目名后应有英文冒号「:」') };
        expect = 'value';
        comma = -1;
        i++;
        continue;
      case 'comma-or-close': {
        if (c === ',') {
          comma = i;
          expect = stack[stack.length - 1] === '{' ? 'key' : 'value';
          i++;
          continue;
        }
        if (c === '}' || c === ']') {
          const problem = close(c);
          if (problem) return { at: i, reason: problem };
          expect = afterValue();
          i++;
          continue;
        }
        if (c === '%') return { at: i, reason: '数字后面不能写「%」：百分比直接写数字，如 70（表示 70%）' };
        if (c === '"' || c === '{' || c === '[') return { at: i, reason: '前一项后面缺少逗号「,」' };
        if (/[\u4e00-\u9fff]/.test(c)) return { at: i, reason: `数字后面不能写文字（如「${c}」）：只写数字` };
        return { at: i, reason: unexpected(c, '这里应是逗号「,」（后面还有项目）或括号（到此结束）') };
      }
      case 'end':
        return { at: i, reason: '方案在前面已经完整结束，这里多出了内容（多了一个括号？）' };
    }
  }
}

const TRAILING_COMMA = '最后一项后面多了一个逗号（JSON 中 } 或 ] 前不能有逗号）';

/** The index after a string starting at `start` (a '"'), or the problem in it. */
function stringEnd(text: string, start: number): number | { at: number; reason: string } {
  for (let j = start + 1; j < text.length; j++) {
    const ch = text[j];
    if (ch === '"') return j + 1;
    if (ch === '\\') {
      const next = text[j + 1] ?? '';
      if ('"\\/bfnrt'.includes(next) && next !== '') j++;
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
      else return { at: j, reason: '引号内的反斜杠「\\」须写成两个「\\\\」（如文件路径）' };
    } else if (ch < ' ') {
      return ch === '\n' || ch === '\r'
        ? { at: start, reason: '这段文字没有结尾的英文双引号 "（引号内不能换行）' }
        : { at: j, reason: '引号内有制表符等控制字符，请删去' };
    }
  }
  return { at: start, reason: '这段文字没有结尾的英文双引号 "' };
}

function unexpected(c: string, expected: string): string {
  if (FULL_WIDTH[c]) return `用了中文标点「${c}」：JSON 中须用英文标点「${FULL_WIDTH[c]}」`;
  if (c === '\u3000') return '有全角空格：须用半角空格';
  if (c === "'") return "须用英文双引号 \"，不能用单引号 '";
  return `${expected}，却是「${c}」`;
}

function position(text: string, at: number): { line: number; column: number; excerpt: string } {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const nextBreak = text.indexOf('\n', at);
  const lineText = text.slice(lineStart, nextBreak < 0 ? text.length : nextBreak).replace(/\r$/, '');
  const line = text.slice(0, lineStart).split('\n').length;
  const before = [...text.slice(lineStart, at)];
  const column = before.length + 1;
  // A long line (a whole scheme on one line) is cut to the part around the column.
  const chars = [...lineText];
  const from = Math.max(0, column - 1 - 30);
  const excerpt = `${from > 0 ? '…' : ''}${chars.slice(from, from + 60).join('').trim()}${from + 60 < chars.length ? '…' : ''}`;
  return { line, column, excerpt };
}
