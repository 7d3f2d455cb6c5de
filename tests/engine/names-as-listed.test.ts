/**
 * A name on a ballot written exactly as the clerk's roster writes it is the roster's name, not a
 * correction: a 花名册 that pads two-character names with a full-width space (王　芳, to align them)
 * and ballots pasted from that list must give no NAME_NORMALISED at all. A real difference (a half-width
 * space, the name run together where the list pads it) is still said, quoting the roster as it is written.
 */
import { runCampaign } from '../../src/core/engine';
import { CellValue } from '../../src/core/forms/grid';
import { getPreset } from '../../src/core/presets';
import { buildRoster, matchName, tellApart } from '../../src/core/roster/roster';
import { readRoster } from '../../src/hosts/files/read-roster';

const scheme = getPreset('p3-community-consecutive');

/** The clerk's 花名册 as typed: two-character names padded with U+3000, two 王　伟 told apart by 所在社区. */
const list = readRoster({
  file: '本工作簿',
  sheets: [
    {
      name: '名册',
      rows: [
        ['序号', '姓名', '所在社区'],
        [1, '王\u3000芳', '霍尔奇社区'],
        [2, '欧阳明月', '霍尔奇社区'],
        [3, '王\u3000伟', '霍尔奇社区'],
        [4, '王\u3000伟', '河西社区'],
      ],
      merges: [],
    },
  ],
});

const ballot = (rows: CellValue[][]) =>
  runCampaign({
    scheme,
    roster: list.roster,
    submissions: [{ file: 'f.xlsx', sheets: [{ name: '票', rows: [['测评人类别：与会人员'], ['姓名', '所在社区', '合格', '不合格'], ...rows], merges: [] }] }],
    today: '2026-12-01',
  });

describe('names as the roster writes them', () => {
  it('the roster keeps the name tidied for printing and the cell as written', () => {
    expect(list.roster.map((e) => [e.name, e.writtenAs])).toEqual([
      ['王芳', '王\u3000芳'],
      ['欧阳明月', undefined],
      ['王伟', '王\u3000伟'],
      ['王伟', '王\u3000伟'],
    ]);
    const roster = buildRoster(list.roster);
    expect(matchName(roster, '王\u3000芳')).toEqual({ kind: 'exact', index: 0 });
    expect(matchName(roster, '王芳')).toEqual({ kind: 'exact', index: 0 });
    expect(matchName(roster, '王 芳')).toEqual({ kind: 'normalised', index: 0 });
    // Both 王　伟 are written alike: the text alone does not single one out.
    expect(tellApart(roster, [2, 3], '王\u3000伟')).toBeNull();
    expect(tellApart(roster, [2, 3], '王\u3000伟', '河西社区')).toEqual({ index: 3, by: 'unit' });
  });

  it('a ballot pasted from the roster (王　芳, 王　伟 with its 社区) gives no NAME_NORMALISED; the names printed by the templates (王芳) neither', () => {
    const r = ballot([
      ['王\u3000芳', '霍尔奇社区', '√'],
      ['欧阳明月', '霍尔奇社区', '√'],
      ['王\u3000伟', '霍尔奇社区', null, '√'],
      ['王\u3000伟', '河西社区', '√'],
    ]);
    expect(r.read.findings).toEqual([]);
    expect(r.subjects.map((s) => `${s.name}/${s.unit} ${s.overall.map((l) => l.votes).join('')}`)).toEqual([
      '王芳/霍尔奇社区 10',
      '欧阳明月/霍尔奇社区 10',
      '王伟/霍尔奇社区 01',
      '王伟/河西社区 10',
    ]);
    expect(ballot([['王芳', '霍尔奇社区', '√']]).read.findings.filter((f) => f.code === 'NAME_NORMALISED')).toEqual([]);
  });

  it('a name written otherwise than the roster is still said, quoting the roster as written', () => {
    const r = ballot([
      ['王 芳', '霍尔奇社区', '√'],
      ['欧阳 明月', '霍尔奇社区', '√'],
      ['王 伟', '河西社区', '√'],
    ]);
    expect(r.read.findings.filter((f) => f.code === 'NAME_NORMALISED').map((f) => [f.code, f.cell, f.message])).toEqual([
      ['NAME_NORMALISED', 'A3', '姓名「王 芳」按名册中的「王\u3000芳」计'],
      ['NAME_NORMALISED', 'A4', '姓名「欧阳 明月」按名册中的「欧阳明月」计'],
      ['NAME_NORMALISED', 'A5', '姓名「王 伟」按名册中河西社区的「王\u3000伟」计'],
    ]);
  });
});
