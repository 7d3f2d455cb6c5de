/**
 * Input files are never written (README, "The command line"): after `pingyi template`, `validate`
 * (plain and --json) and `score` (plain and --json), every input — the scheme JSON, the roster and each
 * returned file, damaged and duplicate ones included — has the same SHA-256 and the same modification
 * time as before, and no file appeared or disappeared beside them. Modification times are first set
 * to 2020-01-01, so that any write (even of the same bytes) shows as a later time.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pingyi, tempDir } from '../cli/cli-harness';
import { writeRoster } from '../helpers/fill-workbook';
import { CampaignFiles, PRESET, TODAY, walk, writeCampaign } from './campaign-fixture';

jest.setTimeout(60_000);

interface Stamp {
  sha256: string;
  mtimeMs: number;
  size: number;
}

function stamp(file: string): Stamp {
  const st = fs.statSync(file);
  return { sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex'), mtimeMs: st.mtimeMs, size: st.size };
}

let c: CampaignFiles;
let before: Map<string, Stamp>;
let listing: string[];
/** Outputs go to a folder of their own, so that the input folder's listing must not change at all. */
let outDir: string;
const OLD = new Date(Date.UTC(2020, 0, 1));

beforeAll(() => {
  c = writeCampaign();
  outDir = tempDir('outputs');
  for (const f of c.inputs) fs.utimesSync(f, OLD, OLD);
  before = new Map(c.inputs.map((f) => [f, stamp(f)]));
  listing = walk(c.dir);
});
afterAll(() => [c.dir, outDir].forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The inputs that changed (bytes or time), and files added to or removed from the inputs' folder. */
function changes(): { changed: string[]; added: string[]; removed: string[] } {
  const now = walk(c.dir);
  return {
    changed: c.inputs.filter((f) => !fs.existsSync(f) || JSON.stringify(stamp(f)) !== JSON.stringify(before.get(f))),
    added: now.filter((f) => !listing.includes(f)),
    removed: listing.filter((f) => !now.includes(f)),
  };
}

const NONE = { changed: [], added: [], removed: [] };

describe('every input is byte-identical, with the same modification time, after', () => {
  it('the fixture really holds every kind of input (so the checks below cover them)', () => {
    const names = c.inputs.map((f) => path.basename(f));
    expect(names).toEqual(expect.arrayContaining(['方案.json', '名册.xlsx', '01.xlsx', '02.xls', '03.ods', '04.csv', '05.xlsx', '01（重发）.xlsx', '07-损坏.xlsx', '08-其实是文本.xlsx']));
    expect(before.get(c.roster)!.mtimeMs).toBe(OLD.getTime());
  });

  it('pingyi template (scheme file and roster; templates into a new folder)', async () => {
    const out = path.join(outDir, '模板');
    const r = await pingyi(['template', '--scheme', c.scheme, '--roster', c.roster, '--out', out]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).length).toBeGreaterThan(0);
    expect(changes()).toEqual(NONE);
  });

  it('pingyi validate, plain and --json', async () => {
    for (const extra of [[], ['--json']]) {
      const r = await pingyi(['validate', '--scheme', c.scheme, '--roster', c.roster, c.inbox, ...extra]);
      expect(r.code).toBe(1); // the damaged and the text file are errors
      expect(changes()).toEqual(NONE);
    }
  });

  it('pingyi validate --history: the 往年结果 file as well', async () => {
    const history = writeRoster(path.join(tempDir('history'), '往年结果.xlsx'), ['姓名', '2025年'], [['王毅', '合格']]);
    fs.utimesSync(history, OLD, OLD);
    const was = stamp(history);
    await pingyi(['validate', '--scheme', c.scheme, '--roster', c.roster, '--history', history, c.inbox]);
    expect(stamp(history)).toEqual(was);
    expect(changes()).toEqual(NONE);
    fs.rmSync(path.dirname(history), { recursive: true, force: true });
  });

  it('pingyi score, plain and --json, with the preset and with the scheme file', async () => {
    const outs = ['结果1.xlsx', '结果2.xlsx', '结果3.xlsx'].map((n) => path.join(outDir, n));
    const runs = [
      ['score', '--scheme', c.scheme, '--roster', c.roster, c.inbox, '--out', outs[0], '--today', TODAY],
      ['score', '--scheme', c.scheme, '--roster', c.roster, c.inbox, '--out', outs[1], '--json', '--today', TODAY],
      ['score', '--scheme', PRESET, '--roster', c.roster, ...c.inputs.slice(2), '--out', outs[2], '--today', TODAY],
    ];
    for (const argv of runs) expect((await pingyi(argv)).code).toBe(1);
    for (const o of outs) expect(fs.statSync(o).size).toBeGreaterThan(0);
    expect(changes()).toEqual(NONE);
  });

  it('pingyi template again into a folder holding a returned copy under a template’s name: the copy is kept', async () => {
    const out = path.join(outDir, '模板');
    const first = walk(out);
    const copy = first[0];
    fs.writeFileSync(copy, fs.readFileSync(path.join(c.inbox, '01.xlsx')));
    fs.utimesSync(copy, OLD, OLD);
    const kept = stamp(copy);
    expect((await pingyi(['template', '--scheme', c.scheme, '--roster', c.roster, '--out', out])).code).toBe(0);
    expect(stamp(copy)).toEqual(kept);
    expect(walk(out).length).toBe(2 * first.length);
    expect(changes()).toEqual(NONE);
  });

  it('(the check itself) sees a file rewritten with the same bytes, and a file added', () => {
    const f = path.join(c.inbox, '01.xlsx');
    fs.writeFileSync(f, fs.readFileSync(f));
    fs.writeFileSync(path.join(c.inbox, '新.txt'), 'x');
    const seen = changes();
    fs.utimesSync(f, OLD, OLD);
    fs.rmSync(path.join(c.inbox, '新.txt'));
    expect(seen).toEqual({ changed: [f], added: [path.join(c.inbox, '新.txt')], removed: [] });
    expect(changes()).toEqual(NONE);
  });
});
