/**
 * Results are deterministic: the same inputs give the same output workbook, entry for entry of the
 * zip (every sheet, shared string, style and the metadata sheet), and the same --json output —
 * run twice; run on a copy of the campaign in another folder under other folder names; with the
 * returned files named one by one on the command line in two different orders; and the templates
 * written twice. The campaign (campaign-fixture.ts) has a byte copy and two files with identical
 * marks, whose findings name "the other" file: that naming must not depend on the order either.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { pingyi, tempDir } from '../cli/cli-harness';
import { CampaignFiles, TODAY, walk, writeCampaign } from './campaign-fixture';

jest.setTimeout(60_000);

/** The zip's entries by name, as text (xml) — compared as a whole so a difference shows where it is. */
function entries(file: string): Record<string, string> {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.fromEntries(Object.keys(parts).sort().map((k) => [k, strFromU8(parts[k])]));
}

let c: CampaignFiles;
let out: string;
beforeAll(() => {
  c = writeCampaign();
  out = tempDir('determinism');
});
afterAll(() => [c.dir, out].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function score(argv: string[], name: string): Promise<{ file: string; json: string }> {
  const file = path.join(out, name);
  const plain = await pingyi(['score', ...argv, '--out', file, '--today', TODAY]);
  expect(plain.code).toBe(1);
  const json = await pingyi(['validate', ...argv, '--json', '--today', TODAY]);
  return { file, json: json.stdout };
}

describe('the result workbook and the JSON output', () => {
  it('twice on the same folder: identical entries and identical JSON', async () => {
    const args = ['--scheme', c.scheme, '--roster', c.roster, c.inbox];
    const a = await score(args, 'a.xlsx');
    const b = await score(args, 'b.xlsx');
    const ea = entries(a.file);
    expect(Object.keys(ea)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet5.xml']));
    expect(entries(b.file)).toEqual(ea);
    expect(b.json).toBe(a.json);
    // The run did see the campaign: subjects, the byte copy and the identical ballots.
    const j = JSON.parse(a.json);
    expect(j.subjects).toHaveLength(4);
    expect(j.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['DUPLICATE_FILE', 'DUPLICATE_BALLOT', 'FILE_DAMAGED']));
  });

  it('on a copy in another folder, with the inputs under other names of folders: identical', async () => {
    const args = ['--scheme', c.scheme, '--roster', c.roster, c.inbox];
    const a = await score(args, 'c.xlsx');
    const elsewhere = path.join(out, '另一台电脑', '2026年评议');
    fs.mkdirSync(elsewhere, { recursive: true });
    fs.cpSync(c.dir, elsewhere, { recursive: true });
    const inbox = path.join(elsewhere, '收回的测评表');
    fs.renameSync(path.join(elsewhere, path.basename(c.inbox)), inbox);
    const b = await score(['--scheme', path.join(elsewhere, '方案.json'), '--roster', path.join(elsewhere, '名册.xlsx'), inbox], 'd.xlsx');
    expect(entries(b.file)).toEqual(entries(a.file));
    expect(b.json).toBe(a.json);
  });

  it('files named one by one, in two different orders: identical (who is "the other file" included)', async () => {
    const files = walk(c.inbox);
    const base = ['--scheme', c.scheme, '--roster', c.roster];
    const a = await score([...base, ...files], 'e.xlsx');
    const b = await score([...base, ...[...files].reverse()], 'f.xlsx');
    const shuffled = [files[3], files[0], files[6], files[1], ...files.filter((_, i) => ![0, 1, 3, 6].includes(i))];
    const d = await score([...base, ...shuffled], 'g.xlsx');
    expect(entries(b.file)).toEqual(entries(a.file));
    expect(entries(d.file)).toEqual(entries(a.file));
    expect(b.json).toBe(a.json);
    expect(d.json).toBe(a.json);
  });
});

describe('files of the same name from two folders named on the command line', () => {
  it('are told apart in findings (by the path as given), whichever folder is named first', async () => {
    const root = path.join(out, '两个党小组');
    for (const g of ['一组', '二组']) {
      fs.mkdirSync(path.join(root, g), { recursive: true });
      fs.copyFileSync(path.join(c.inbox, g === '一组' ? '01.xlsx' : '07-损坏.xlsx'), path.join(root, g, '评议票.xlsx'));
    }
    const [one, two] = [path.join(root, '一组'), path.join(root, '二组')];
    const run = async (...dirs: string[]) => JSON.parse((await pingyi(['validate', '--scheme', c.scheme, '--roster', c.roster, ...dirs, '--json'])).stdout);
    const a = await run(one, two);
    const damaged = a.findings.filter((f: { code: string }) => f.code === 'FILE_DAMAGED').map((f: { file: string }) => f.file);
    expect(damaged).toEqual([path.join(two, '评议票.xlsx').split(path.sep).join('/')]);
    expect(a.participation[0].valid).toBe(1);
    expect(await run(two, one)).toEqual(a);
  });
});

describe('templates', () => {
  it('written twice: the same file names, each with identical entries', async () => {
    const [x, y] = [path.join(out, 't1'), path.join(out, 't2')];
    for (const dir of [x, y]) expect((await pingyi(['template', '--scheme', c.scheme, '--roster', c.roster, '--out', dir])).code).toBe(0);
    const names = fs.readdirSync(x).sort();
    expect(names.length).toBeGreaterThan(0);
    expect(fs.readdirSync(y).sort()).toEqual(names);
    for (const n of names) expect({ n, e: entries(path.join(y, n)) }).toEqual({ n, e: entries(path.join(x, n)) });
  });
});
