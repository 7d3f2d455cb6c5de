/**
 * A small campaign on disk for the hardening tests of whole runs (inputs untouched, determinism): a
 * scheme JSON file (a copy of the P3 社区 preset), a roster workbook, and a folder of returned
 * ballots in every format a clerk meets — xlsx, xls (BIFF8), ods, csv (GB18030 is not needed here:
 * UTF-8 with BOM, as Excel's "CSV UTF-8" writes), one in a subfolder, a byte copy of another under a
 * second name, two different files with identical marks, a damaged file and a text file named .xlsx.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getPreset } from '../../src/core/presets';
import { tempDir, writeGrids } from '../cli/cli-harness';
import { writeRoster } from '../helpers/fill-workbook';
import { matrixSheet } from '../helpers/grids';

export const PRESET = 'p3-community-consecutive';
export const LEVELS = ['合格', '不合格'];
export const PEOPLE = ['周敏', '吴杰', '郑丽', '王芳'];
export const TODAY = '2026-12-01';

export interface CampaignFiles {
  dir: string;
  scheme: string;
  roster: string;
  inbox: string;
  /** Every input file (scheme, roster, ballots), for hashing. */
  inputs: string[];
}

function ballot(marks: number[], comment?: string) {
  return matrixSheet('评议票', {
    title: '社区“两委”干部勤廉双述双评评议票',
    fields: ['测评人类别：与会人员'],
    levels: LEVELS,
    rows: PEOPLE.map((name, i) => ({ name, marks: [marks[i]] })),
    notes: comment ? [`意见或建议：${comment}`] : [],
  });
}

/** Writes the campaign under a fresh temp folder (or under `into`, which must not exist yet). */
export function writeCampaign(into?: string): CampaignFiles {
  const dir = into ?? tempDir('campaign');
  fs.mkdirSync(dir, { recursive: true });
  const scheme = path.join(dir, '方案.json');
  fs.writeFileSync(scheme, JSON.stringify({ ...getPreset(PRESET), id: 'hardening-community', name: '某社区两委干部勤廉双述双评' }, null, 2));
  const roster = writeRoster(path.join(dir, '名册.xlsx'), ['姓名', '单位'], PEOPLE.map((p, i) => [p, `第${i + 1}网格`]), '2026年度评议对象名册');
  const inbox = path.join(dir, '回收');
  fs.mkdirSync(path.join(inbox, '第二组'), { recursive: true });
  writeGrids(path.join(inbox, '01.xlsx'), 'xlsx', ballot([0, 1, 0, 0], '希望多走访群众'));
  writeGrids(path.join(inbox, '02.xls'), 'biff8', ballot([0, 1, 1, 0]));
  writeGrids(path.join(inbox, '03.ods'), 'ods', ballot([1, 1, 0, -1]));
  fs.writeFileSync(path.join(inbox, '04.csv'), `\uFEFF测评人类别：与会人员\n姓名,合格,不合格\n周敏,√,\n吴杰,,√\n郑丽,√,\n王芳,√,√\n`);
  writeGrids(path.join(inbox, '第二组', '05.xlsx'), 'xlsx', ballot([0, 0, 0, 0]));
  fs.copyFileSync(path.join(inbox, '01.xlsx'), path.join(inbox, '01（重发）.xlsx'));
  writeGrids(path.join(inbox, '06.xlsx'), 'xlsx', ballot([0, 1, 1, 0])); // the same marks as 02.xls
  const good = fs.readFileSync(path.join(inbox, '06.xlsx'));
  fs.writeFileSync(path.join(inbox, '07-损坏.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  fs.writeFileSync(path.join(inbox, '08-其实是文本.xlsx'), '这不是工作簿\n');
  const inputs = [scheme, roster, ...walk(inbox)];
  return { dir, scheme, roster, inbox, inputs };
}

/** Every file under a folder, sorted. */
export function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}
