/**
 * The roster (名册) from a read workbook: every sheet with a header row naming a 姓名 column (or, for
 * a roster of organisations, a 名称 column) gives one entry per filled row below it.
 *
 * Columns are found by their labels, in any order, with spacing, width and traditional characters
 * normalised (normalizeLabel): 单位 (支部/部门 ...), 职务类别 (类别/职务), 窗口岗位 (是/否/√), 类型
 * (个人/组织). 序号 is ignored. Every other column is a flag keyed by its normalised label, so
 * 否决事项, 事故, 党风廉政问题, 违法违纪, 重大失误, 被问责 and any column a scheme names can be used by
 * its veto rules (a cell saying something other than 无, 否, / or — is "set"; see hasFlag in
 * core/roster/roster.ts), and 政治面貌 or 备注 can say 预备党员, as can a column of its own by its answer
 * (是否预备党员: 是; 是否转正: 否) (rosterCategory there).
 *
 * A header may take two rows (基本情况 merged over 单位 and 职务), and may come again inside the list
 * (pages pasted together). A footnote mark beside a name (王毅*) is set aside and, when the list explains
 * it (带*者为预备党员), kept as the flag 名册标注; a note beside a person's name (李娜（女）, 丁宁 组织委员:
 * rosterNameNote) is set aside and kept as the flag 名册备注. Blank rows, note lines (注：…),
 * signatures and dates (制表人：…) and totals (合计, 共N人) are skipped; names are trimmed
 * (displayName), the cell as written kept beside (writtenAs) when only its spacing was tidied; a person's name with digits is kept and reported; the same name twice is reported and
 * both entries are kept (the engine then cannot tell them apart on a ballot).
 */
import { cellAddress, runsText } from '../../core/common/cell';
import { Finding, finding } from '../../core/findings/finding';
import { CellValue, SheetGrid, Submission, isBlank, isSpecial, shownValue } from '../../core/forms/grid';
import { ownOutputByTitle } from '../../core/output/result-sheet-names';
import { RosterColumn, RosterSource } from '../../core/roster/flag-columns';
import { NO_TEXT, ROSTER_NOTE_FLAG, RosterEntry, UNIT_HEADER, YES_TEXT, rosterNameNote } from '../../core/roster/roster';
import { displayName, normalizeLabel, normalizeName, withoutAnnotations } from '../../core/text/normalize';

type Field = 'name' | 'unit' | 'category' | 'window' | 'kind' | 'skip';

/**
 * A person roster's name column: 姓名, also with who is listed before it as official lists head it
 * (党员姓名, 干部姓名, 被测评人姓名), or the one being rated (被评议人, 述职人); 名字 as some lists write it. Not any label ending in
 * 姓名: 入党介绍人姓名 or 联系人姓名 name someone else.
 */
const NAME_HEADER =
  /^((被评议|被测评|被考核|被推荐|评议|测评|考核|述职|推荐)(人|对象)|候选人|党员|干部|人员|职工|员工|教职工|村干部|社区干部|窗口人员|工作人员|述职人)?姓名$|^(被评议人|被评议对象|评议对象|被考核人|被测评人|测评对象|考核对象|述职人|姓名\(名称\)|姓名名称|名字)$/;
/** An organisation roster's name column, used only when no 姓名 column is in the row. */
const ORG_NAME_HEADER = /^(名称|对象名称|组织名称|党组织名称|党支部名称|支部名称|单位名称|班子名称|被评议单位|被评议组织)$/;

/** A column naming each post's nature (岗位性质): 窗口 there is a window post, anything else (管理岗) is not. */
const WINDOW_NATURE = /^岗位性质$/;

/**
 * The known columns, each with its headers from the most specific to the loosest: when a roster has two
 * columns for one field, the more specific header wins (职务类别 正职/副职 over 职务, a job title, as HR
 * 花名册 have both); the other stays a flag column.
 */
const FIELDS: [Exclude<Field, 'name'>, RegExp[]][] = [
  ['skip', [/^(序号|编号|no\.?|行号|顺序号)$/i]],
  ['unit', [UNIT_HEADER]],
  ['category', [/^职务类别$/, /^(类别|人员类别|岗位类别|考核类别|党组织类别|组织类别)$/, /^(职级|职务级别)$/, /^(人员身份|身份)$/, /^职务$/]],
  // 窗口岗位（是/否）, 是否为窗口服务岗位, 是否窗口岗位(填是或否) (hints in brackets are set aside, see fieldOf);
  // 岗位性质 only when nothing says 窗口 itself, its cells then reading 窗口 / 非窗口 (seed 004 附表3).
  ['window', [/^(是否)?(为)?窗口(服务)?(岗位?)?$/, WINDOW_NATURE]],
  ['kind', [/^(类型|对象类型|评议对象类型|主体类型|个人或组织|个人\/组织)$/]],
];

/**
 * The known field a header names and how specifically (0 most), or null for a flag column. A hint in
 * brackets (是/否, 填是或否) is set aside when the header does not match with it.
 */
function fieldOf(label: string): { field: Exclude<Field, 'name'>; rank: number } | null {
  const bare = normalizeLabel(withoutAnnotations(label));
  for (const text of bare === label ? [label] : [label, bare])
    for (const [field, patterns] of FIELDS) {
      const rank = patterns.findIndex((re) => re.test(text));
      if (rank >= 0) return { field, rank };
    }
  return null;
}

/** 窗口岗位 "yes": a yes of any yes/no column (YES_TEXT), or the post's nature written in (窗口, 是窗口岗位). */
const WINDOW_YES = /^(是)?窗口(服务)?(岗位?)?$/;
const PERSON = /^(个人|人员|党员|干部|员工|职工)$/;
const ORGANISATION = /^(组织|党组织|党支部|支部|班子|领导班子|两委班子|单位|集体|部门|党委|党总支)$/;
/** Lines under a list that are not entries: notes, signatures, dates, and totals (合计：25人). */
const NOTE_LINE =
  /^(注|说明|备注|填表说明|制表人?|填表人|填报人|审核人?|负责人|联系人|联系电话|电话|填报单位|填报日期|制表日期|日期)\s*[:：]|^(合计|总计|小计|共计)([\s:：].*|\s*[0-9０-９]+\s*(人|名|个|位)?)?$|^共\s*[0-9０-９]+\s*(人|名|个|位)$/;

/** A footnote mark beside a name in a printed list (王毅*, 李娜※), explained under the list. */
const NAME_MARK = /^([*＊※★☆△▲#＃]+)|([*＊※★☆△▲#＃]+)$/;
/** The list's explanation of a mark: 带*者为预备党员, 标※的为预备党员, 注：*为预备党员. */
const MARK_LEGEND = /(?:带|标有?|加|有)?\s*([*＊※★☆△▲#＃])\s*号?\s*(?:者|的|人员)?\s*(?:为|是|系)\s*([^，。；,;、\s]+)/;

/** How far down a header row may sit (title rows and notes above it). */
const HEADER_SEARCH_ROWS = 30;

interface Layout {
  headerRow: number;
  nameCol: number;
  /** Named by 姓名 (people) rather than 名称 (organisations). */
  people: boolean;
  /** The name column's label, normalised. */
  nameLabel: string;
  columns: { col: number; field: Field | 'flag'; key: string; label: string; cell: string }[];
}

function text(v: CellValue | undefined): string {
  const s = shownValue(v);
  if (s === null) return '';
  if (typeof s === 'boolean') return s ? '是' : '';
  return String(s).trim();
}

/**
 * The header row of a list (名册, 往年结果): the first row within HEADER_SEARCH_ROWS naming a 姓名 column,
 * else a 名称 column (a list of organisations); its labels normalised.
 */
export function findNameHeader(sheet: SheetGrid): { row: number; nameCol: number; people: boolean; labels: string[] } | null {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (const nameLabel of [NAME_HEADER, ORG_NAME_HEADER])
    for (let r = 0; r < limit; r++) {
      const labels = (sheet.rows[r] ?? []).map((v) => normalizeLabel(shownValue(v)));
      const nameCol = labels.findIndex((l) => nameLabel.test(l));
      if (nameCol >= 0) return { row: r, nameCol, people: nameLabel === NAME_HEADER, labels };
    }
  return null;
}

/**
 * The rows of a list below its header that name someone, with the name tidied (displayName): blank
 * names, notes, signatures, dates and totals (also when they begin left of the name column: 合计 under
 * 序号) and the header repeated on a later page are passed over.
 */
export function* listedRows(sheet: SheetGrid, headerRow: number, nameCol: number, nameLabel: string): Generator<{ r: number; row: CellValue[]; name: string }> {
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (isBlank(row[nameCol])) continue;
    const name = displayName(text(row[nameCol]));
    if (name === '' || NOTE_LINE.test(name) || MARK_LEGEND.test(name)) continue;
    // The header again (pages of a printed list pasted together): nobody is called 姓名.
    if (normalizeLabel(name) === nameLabel) continue;
    const lead = row.slice(0, nameCol).map(text).find((t) => t !== '');
    if (lead !== undefined && NOTE_LINE.test(lead)) continue;
    yield { r, row, name };
  }
}

function findLayout(sheet: SheetGrid): Layout | null {
  const header = findNameHeader(sheet);
  if (header === null) return null;
  const { row: r, nameCol, labels } = header;
  const row = sheet.rows[r] ?? [];
  // A header over two rows (基本情况 merged over 单位 and 职务): the row below names no one and holds
  // labels; its labels are the columns' own.
  const below = sheet.rows[r + 1] ?? [];
  const lower = below.map((v) => normalizeLabel(shownValue(v)));
  const twoRows = isBlank(below[nameCol]) && lower.some((l, col) => l !== '' && col !== nameCol && fieldOf(l) !== null);
  const width = Math.max(row.length, twoRows ? below.length : 0);
  const columns: Layout['columns'] = [];
  const found: { col: number; fit: ReturnType<typeof fieldOf>; key: string; label: string; cell: string }[] = [];
  for (let col = 0; col < width; col++) {
    const own = twoRows && lower[col] ? { label: lower[col], cell: below[col], at: cellAddress(r + 1, col) } : { label: labels[col] ?? '', cell: row[col], at: cellAddress(r, col) };
    if (col === nameCol || own.label === '') continue;
    found.push({ col, fit: fieldOf(own.label), key: own.label, label: text(own.cell), cell: own.at });
  }
  // Each field from its most specific column (the leftmost of equals); every other column is a flag.
  const chosen = new Map<Field, number>();
  for (const f of found) {
    if (f.fit === null || f.fit.field === 'skip') continue;
    const best = chosen.get(f.fit.field);
    if (best === undefined || f.fit.rank < found.find((o) => o.col === best)!.fit!.rank) chosen.set(f.fit.field, f.col);
  }
  for (const { col, fit, key, label, cell } of found) {
    const field = fit !== null && (fit.field === 'skip' || chosen.get(fit.field) === col) ? fit.field : 'flag';
    columns.push({ col, field, key, label, cell });
  }
  return { headerRow: twoRows ? r + 1 : r, nameCol, people: header.people, nameLabel: labels[nameCol], columns };
}

function sameMark(a: string): string {
  return a.replace(/＊/g, '*').replace(/＃/g, '#');
}

/** What the list's notes say its marks mean, mark → meaning (预备党员). */
function markLegend(submission: Submission): Map<string, { meaning: string; said: string }> {
  const legend = new Map<string, { meaning: string; said: string }>();
  for (const sheet of submission.sheets)
    for (const row of sheet.rows)
      for (const v of row ?? []) {
        if (typeof v !== 'string') continue;
        const m = MARK_LEGEND.exec(v);
        if (m && !legend.has(sameMark(m[1]))) legend.set(sameMark(m[1]), { meaning: m[2], said: v.trim() });
      }
  return legend;
}

export function readRoster(submission: Submission): { roster: RosterEntry[]; findings: Finding[]; source: RosterSource } {
  const file = submission.file;
  const roster: RosterEntry[] = [];
  const findings: Finding[] = [];
  // Where each flag column is headed and each entry's flag cells are, for the engine's findings on them.
  const flagColumns: RosterColumn[] = [];
  const sourceEntries: RosterSource['entries'] = [];
  /** normalized name → where each entry came from. */
  const seen = new Map<string, { name: string; at: { sheet: string; cell: string }[]; units: string[] }>();
  let headers = 0;
  let legend: ReturnType<typeof markLegend> | null = null;
  // Last year's 结果.xlsx given as the roster: its 排名表 lists everyone rated once, with 单位 and 职务类别; the
  // other sheets (公示表, 整改清单, 得票情况 …) list them again, and would put each person on a ballot 3–4 times.
  const own = new Map(submission.sheets.map((sheet) => [sheet, (sheet.meta ?? submission.meta)?.output ?? ownOutputByTitle(sheet.rows)?.output]));
  const results = [...own.values()].some((o) => o !== undefined && o !== '往年结果');
  const passedOver: string[] = [];

  for (const sheet of submission.sheets) {
    const ranking = results && own.get(sheet) === '排名表';
    if (results && own.get(sheet) !== undefined && !ranking) {
      passedOver.push(sheet.name);
      continue;
    }
    const layout = findLayout(sheet);
    if (!layout) continue;
    // Of the 排名表, the person's own columns only: 名次, 等次, 理由 and 标记 are last year's results, no flags.
    if (ranking) layout.columns = layout.columns.filter((c) => c.field !== 'flag');
    headers++;
    const where = (r: number, c: number) => ({ file, sheet: sheet.name, cell: cellAddress(r, c) });
    // Rows a file hides (a 花名册 filtered to one 社区): read, and said as the Excel host says it of the open workbook.
    const hidden = (sheet.hiddenRows ?? []).filter((r) => r > layout.headerRow && (sheet.rows[r] ?? []).some((v) => !isBlank(v)));
    if (hidden.length > 0)
      findings.push(
        finding(
          'HIDDEN_ROWS',
          `名册工作表「${sheet.name}」的第 ${runsText(hidden, (r) => String(r + 1))} 行被隐藏或筛选掉，已照常读入名册。请核实这些人应否列入；如只应读取显示的行，请把筛选后的表格复制到新的工作表（Excel 只复制显示的行）后另存再用`,
          where(hidden[0], layout.nameCol),
        ),
      );
    for (const c of layout.columns)
      if (c.field === 'flag' && !flagColumns.some((k) => k.key === c.key)) flagColumns.push({ key: c.key, label: c.label, sheet: sheet.name, cell: c.cell });
    for (const { r, row, name: written } of listedRows(sheet, layout.headerRow, layout.nameCol, layout.nameLabel)) {
      // A note beside a person's name (李娜（女）, 丁宁 组织委员) is no part of it: the name would be printed on
      // every template and result with it, and every ballot's 李娜 reported. Set aside, kept, said once.
      const organisation = layout.columns.some((c) => c.field === 'kind' && ORGANISATION.test(normalizeLabel(text(row[c.col]))));
      const noted = layout.people && !organisation ? rosterNameNote(written) : null;
      const unmarked = noted ? displayName(noted.name) : written;
      // A footnote mark is no part of the name either: set aside, and what the list says it means kept as a flag.
      const mark = NAME_MARK.exec(unmarked);
      const name = mark ? unmarked.replace(NAME_MARK, '').trim() : unmarked;
      if (name === '') {
        // Only marks (a * alone, a ★ left in the name column): nobody to read in.
        findings.push(finding('ROSTER_NAME_SUSPECT', `名册中「${written}」只有标记，没有姓名，此行未读入`, where(r, layout.nameCol)));
        continue;
      }
      let marked: { key: string; meaning: string } | null = null;
      if (mark) {
        const sign = sameMark((mark[1] ?? mark[2])[0]);
        const said = (legend ??= markLegend(submission)).get(sign);
        if (said) marked = { key: '名册标注', meaning: said.meaning };
        findings.push(
          finding(
            'ROSTER_NAME_SUSPECT',
            said
              ? `名册中「${written}」按「${name}」读入，其标记「${sign}」按名册中的说明「${said.said}」读作「${said.meaning}」`
              : `名册中「${written}」带有标记「${sign}」，已按「${name}」读入；名册中没有找到这个标记的说明，其含义未读取，如有需要请填在类别栏`,
            { ...where(r, layout.nameCol), subject: name },
          ),
        );
      }
      if (noted)
        findings.push(
          finding(
            'ROSTER_NAME_NOTE',
            `名册中「${written}」按「${name}」读入，「${noted.note}」作为备注保留（不印在测评表和结果中）`,
            { ...where(r, layout.nameCol), subject: name },
          ),
        );
      // Digits are in no person's name: kept as written (the list is the clerk's), and said.
      if (layout.people && /[0-9０-９]/.test(name))
        findings.push(
          finding('ROSTER_NAME_SUSPECT', `名册中「${name}」含有数字，不像姓名（是否为合计、编号或备注行？），已按名册读入，请核实`, { ...where(r, layout.nameCol), subject: name }),
        );
      const entry: RosterEntry = { name };
      // The cell as the clerk wrote it, when only its spacing was tidied (王　芳): a ballot pasted from this
      // very list then matches it exactly. A note or mark set aside is said once above, not carried.
      const asWritten = text(row[layout.nameCol]);
      if (name === written && asWritten !== name) entry.writtenAs = asWritten;
      // A Map, then an object of own fields: a column headed __proto__ or constructor is kept like any other.
      const flags = new Map<string, string>();
      const cells: Record<string, string> = {};
      for (const c of layout.columns) {
        const v = row[c.col];
        if (isSpecial(v as CellValue) && (v as { error?: string }).error) {
          findings.push(finding('ERROR_VALUE', `名册「${c.label}」栏是错误值 ${(v as { error: string }).error}，按空白处理`, { ...where(r, c.col), subject: name }));
          continue;
        }
        const t = text(v);
        if (t === '') continue;
        switch (c.field) {
          case 'skip':
            break;
          case 'unit':
            entry.unit = t;
            break;
          case 'category':
            entry.category = t;
            break;
          case 'window': {
            const n = normalizeLabel(t);
            if (YES_TEXT.test(n) || WINDOW_YES.test(n)) entry.window = true;
            else if (NO_TEXT.test(n) || /^非窗口(服务)?(岗位?)?$/.test(n)) entry.window = false;
            // 岗位性质 names every post's nature: one not a 窗口 (管理岗) is simply not a window post.
            else if (WINDOW_NATURE.test(normalizeLabel(withoutAnnotations(c.key)))) entry.window = false;
            else {
              entry.window = false;
              findings.push(
                finding('ROSTER_VALUE_UNRECOGNISED', `名册「${c.label}」栏的「${t}」无法识别为“是”或“否”，按“否”处理`, { ...where(r, c.col), subject: name }),
              );
            }
            break;
          }
          case 'kind': {
            const n = normalizeLabel(t);
            if (PERSON.test(n)) entry.kind = 'person';
            else if (ORGANISATION.test(n)) entry.kind = 'organisation';
            else {
              findings.push(
                finding('ROSTER_VALUE_UNRECOGNISED', `名册「${c.label}」栏的「${t}」无法识别为“个人”或“组织”，按个人处理`, { ...where(r, c.col), subject: name }),
              );
            }
            break;
          }
          case 'flag':
            if (!flags.has(c.key)) {
              flags.set(c.key, t);
              Object.defineProperty(cells, c.key, { value: cellAddress(r, c.col), enumerable: true, writable: true, configurable: true });
            }
            break;
        }
      }
      if (marked && !flags.has(marked.key)) flags.set(marked.key, marked.meaning);
      if (noted && !flags.has(ROSTER_NOTE_FLAG)) flags.set(ROSTER_NOTE_FLAG, noted.note);
      if (flags.size > 0) entry.flags = Object.fromEntries(flags);
      roster.push(entry);
      sourceEntries.push({ sheet: sheet.name, cells });
      const key = normalizeName(name);
      const at = { sheet: sheet.name, cell: cellAddress(r, layout.nameCol) };
      const known = seen.get(key);
      if (known) {
        known.at.push(at);
        known.units.push(entry.unit ?? noted?.note ?? '');
      } else seen.set(key, { name, at: [at], units: [entry.unit ?? noted?.note ?? ''] });
    }
  }

  if (passedOver.length > 0) {
    const read = submission.sheets.filter((sheet) => own.get(sheet) === '排名表').map((sheet) => `「${sheet.name}」`);
    const others = passedOver.map((n) => `「${n}」`).join('');
    if (read.length > 0)
      findings.push(finding('ROSTER_OWN_OUTPUT', `名册「${file}」是本工具生成的结果文件：只读取其中的${read.join('')}作名册（姓名、单位、职务类别），${others}未读取；今年的人员如有变动，请另存名册`, { file }));
    else if (headers === 0) {
      findings.push(
        finding('ROSTER_EMPTY', `名册「${file}」是本工具生成的结果文件，其中没有排名表，${others}不是名册，未读取：请另存名册（姓名、单位、职务类别各一列）后重新导入`, { file }),
      );
      return { roster, findings, source: { file, columns: flagColumns, entries: sourceEntries } };
    } else findings.push(finding('ROSTER_OWN_OUTPUT', `名册「${file}」中的${others}是本工具生成的结果表，不是名册，未读取`, { file }));
  }
  if (headers === 0) {
    findings.push(finding('ROSTER_EMPTY', `名册「${file}」中找不到含「姓名」（或「名称」）的表头行，未读到任何被评议对象`, { file }));
  } else if (roster.length === 0) {
    findings.push(finding('ROSTER_EMPTY', `名册「${file}」的表头下没有任何姓名`, { file }));
  }
  for (const { name, at, units } of seen.values()) {
    if (at.length < 2) continue;
    const places = at.map((a) => `${a.sheet}!${a.cell}`).join('、');
    // People of one name are told apart on ballots by their units (core/roster tellApart), when they differ.
    const byUnit = units.every((u) => u !== '') && new Set(units.map(normalizeLabel)).size === units.length;
    const advice = byUnit
      ? `将按单位区分：生成的测评表写作「${name}（${units[0]}）」等，回收的表上也须这样写明单位，或有单位栏`
      : '评议表上的这个姓名将无法确定是谁，请在名册中填写各人的单位（或在姓名后用括号注明）加以区分';
    findings.push(finding('ROSTER_DUPLICATE_NAME', `名册中「${name}」出现 ${at.length} 次（${places}），均已保留；${advice}`, { file, sheet: at[1].sheet, cell: at[1].cell, subject: name }));
  }
  return { roster, findings, source: { file, columns: flagColumns, entries: sourceEntries } };
}
