import { getPreset } from '../../presets';
import { formsWithoutSubjects } from '../forms-without-subjects';

describe('formsWithoutSubjects: said before the forms go out', () => {
  const p5 = getPreset('p5-party-members');

  it('a roster of members only, for a scheme whose 附表1 rates 党支部: says which form and which row to add', () => {
    expect(formsWithoutSubjects(p5, [{ name: '李娜' }, { name: '王伟', window: true }])).toEqual([
      '「附表1」评议的是党组织，名册中没有任何党组织；请在名册中加一行，姓名栏写党组织的名称，类型栏写「组织」；否则收回的「附表1」都无法计入',
    ]);
  });

  it('nothing when the roster has an organisation, nor before any roster is read', () => {
    expect(formsWithoutSubjects(p5, [{ name: '李娜' }, { name: '第一党支部', kind: 'organisation' }])).toEqual([]);
    expect(formsWithoutSubjects(p5, [])).toEqual([]);
    expect(formsWithoutSubjects(getPreset('p4-middle-managers'), [{ name: '王毅' }])).toEqual([]);
  });
});
