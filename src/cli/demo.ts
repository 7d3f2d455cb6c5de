/**
 * `npm run demo`: a whole campaign on the bundled sample data (samples/). It writes the sample
 * submissions as real workbooks (with the mistakes clerks meet: a score out of range, a score typed in
 * words, a name in traditional characters, the same file sent twice, a ballot without 测评人类别, a
 * file that is not a workbook), then runs `pingyi score` on the folder exactly as a clerk would and
 * prints the Chinese summary; the result workbook lands in demo-output/结果.xlsx.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import * as XLSX from '@e965/xlsx';
import { Submission } from '../core/forms/grid';
import { RosterEntry } from '../core/roster/roster';
import { Io, main } from './pingyi';

interface SampleCampaign {
  scheme: string;
  today: string;
  roster: RosterEntry[];
  submissions: Submission[];
}

/** Writes the sample's submissions and roster as workbook files under `dir`; returns their folder and roster path. */
export function writeSampleFiles(samplePath: string, dir: string): { submissions: string; roster: string; sample: SampleCampaign } {
  const sample = JSON.parse(readFileSync(samplePath, 'utf8')) as SampleCampaign;
  rmSync(dir, { recursive: true, force: true });
  const folder = join(dir, '回收的测评表');
  mkdirSync(folder, { recursive: true });
  const toBook = (sheets: { name: string; rows: unknown[][]; merges?: Submission['sheets'][number]['merges'] }[]) => {
    const wb = XLSX.utils.book_new();
    for (const s of sheets) {
      const ws = XLSX.utils.aoa_to_sheet(s.rows);
      ws['!merges'] = (s.merges ?? []).map((m) => ({ s: { r: m.r1, c: m.c1 }, e: { r: m.r2, c: m.c2 } }));
      XLSX.utils.book_append_sheet(wb, ws, s.name);
    }
    return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  };
  const written = new Map<string, Buffer>();
  for (const s of sample.submissions) {
    // A resent file is the very same bytes under another name, as when a rater e-mails it twice.
    const twin = [...written.keys()].find((k) => JSON.stringify(sample.submissions.find((x) => x.file === k)!.sheets) === JSON.stringify(s.sheets));
    const bytes = twin ? written.get(twin)! : toBook(s.sheets);
    writeFileSync(join(folder, s.file), bytes);
    written.set(s.file, bytes);
  }
  writeFileSync(join(folder, '会议签到表.xlsx'), Buffer.from('这不是工作簿，是误放进文件夹的文本。'));
  const roster = join(dir, '名册.xlsx');
  const header = ['姓名', '单位', '职务类别', '事故'];
  writeFileSync(roster, toBook([{ name: '名册', rows: [header, ...sample.roster.map((p) => [p.name, p.unit ?? '', p.category ?? '', p.flags?.事故 ?? ''])] }]));
  return { submissions: folder, roster, sample };
}

export async function runDemo(samplePath: string, dir: string, io: Io): Promise<number> {
  const { submissions, roster, sample } = writeSampleFiles(samplePath, dir);
  const out = join(dir, '结果.xlsx');
  return main(['score', '--scheme', sample.scheme, '--roster', roster, submissions, '--out', out, '--today', sample.today], io);
}

if (require.main === module) {
  const root = resolve(__dirname, '../..');
  runDemo(process.argv[2] ?? join(root, 'samples/p4-middle-managers.json'), join(root, 'demo-output'), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: () => '',
    isTTY: false,
  }).then((code) => {
    // Error-level findings are the point of the demo; only a crash or a usage error fails it.
    process.exitCode = code === 1 ? 0 : code;
  });
}
