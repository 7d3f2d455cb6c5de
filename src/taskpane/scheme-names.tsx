/**
 * The 方案 step's words, for a clerk who adapts a preset without JSON (scheme-rename.ts): the campaign's names
 * (方案名称, 评议名称), each rater group's and round's name, each consequence's 结果运用 text beside its deadline,
 * and 党员（成员）人数 one per roster unit where a quota counts them per unit. Every edit goes through the campaign's
 * editScheme, so it is saved with the workbook, carried by the exported 方案 JSON, and marks a preset's 方案说明 as
 * its original text where the text states it (scheme-description.ts).
 */
import { Body1, Field, Input, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Scheme } from '../core/scheme/scheme-schema';
import { NumberField } from './number-field';
import { Notice, useStyles } from './parts';
import { memberCountWords } from './scheme-words';
import {
  nameProblem,
  quotaOfMembersPerUnit,
  renameProblem,
  renameRaterGroup,
  renameRound,
  setUnitMemberCount,
  unitsOfRatedSubjects,
} from './scheme-rename';
import { Campaign } from './use-campaign';

/**
 * A text setting, applied when the clerk leaves the box or presses Enter (not at every keystroke: a name typed
 * character by character would leave each half-typed name behind as an alias). `check` says what is wrong before
 * the edit is tried; `commit` applies it and returns loadScheme's problems when refused. Both shown beside the box.
 */
export function TextSetting(props: {
  label: string;
  hint?: string;
  value: string;
  check(typed: string): string | null;
  commit(value: string): string[] | null;
}) {
  const { value } = props;
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  // A change from elsewhere (another preset, an imported scheme) replaces what is in the box.
  useEffect(() => {
    setText(value);
    setProblem(null);
  }, [value]);
  const apply = () => {
    if (text.trim() === value) {
      setProblem(null);
      return;
    }
    const wrong = props.check(text);
    if (wrong) return setProblem(wrong);
    const problems = props.commit(text.trim());
    setProblem(problems ? `未生效：${problems.join('；')}` : null);
  };
  return (
    <Field label={props.label} hint={props.hint} validationState={problem ? 'error' : 'none'} validationMessage={problem ?? undefined}>
      <Input value={text} onChange={(_e, d) => setText(d.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
    </Field>
  );
}

/** 表上写作「中层干部」「干部打分」的也按此读取: the names besides its own that a returned form may give. */
function alsoReadAs(names: readonly string[] | undefined, what: string): string | undefined {
  return names && names.length > 0 ? `表上写作${names.map((n) => `「${n}」`).join('')}的，也按此${what}读取` : undefined;
}

/** 名称: the campaign's names, the rater groups' and the rounds'. */
export function NamesSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const { scheme } = campaign;
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3">名称</Subtitle2>
      <Text size={200} className={styles.muted}>
        按本单位的叫法修改。改名后，改名前印发的表上写的旧名称仍能认出。
      </Text>
      <TextSetting
        label="方案名称"
        hint="导出方案时的文件名，如：2026年度XX支行中层干部述职考核"
        value={scheme.name}
        check={(t) => nameProblem(t, '方案名称')}
        commit={(v) => campaign.editScheme((d) => void (d.name = v))}
      />
      <TextSetting
        label="评议名称（结果表标题用）"
        hint={`结果表标题如「${scheme.process}排名表」「关于…年度${scheme.process}结果的公示」；不以“2026年”开头时，标题自动加上年度`}
        value={scheme.process}
        check={(t) => nameProblem(t, '评议名称')}
        commit={(v) => campaign.editScheme((d) => void (d.process = v))}
      />
      {scheme.raterGroups.map((g, i) => (
        <TextSetting
          key={g.id}
          label={`评议人类别 ${i + 1} 的名称`}
          hint={alsoReadAs(g.aliases, '类别')}
          value={g.name}
          check={(t) => renameProblem(scheme.raterGroups, i, t, '评议人类别')}
          commit={(v) => campaign.editScheme((d) => renameRaterGroup(d, i, v))}
        />
      ))}
      {scheme.rounds.length > 1
        ? scheme.rounds.map((r, i) => (
            <TextSetting
              key={r.id}
              label={`轮次 ${i + 1} 的名称`}
              hint={alsoReadAs(r.aliases, '轮次')}
              value={r.name}
              check={(t) => renameProblem(scheme.rounds, i, t, '轮次')}
              commit={(v) => campaign.editScheme((d) => renameRound(d, i, v))}
            />
          ))
        : null}
    </div>
  );
}

/** Whom a consequence is for, in words: 被评为「不称职」, 连续 2 次被评为「不合格」, 「群众满意度低」. */
export function consequenceWho(scheme: Scheme, index: number): string {
  const c = scheme.consequences[index];
  if (c.tiers) {
    const tiers = c.tiers.map((t) => `「${t}」`).join('');
    return c.consecutive !== undefined && c.consecutive >= 2 ? `连续 ${c.consecutive} 次被评为${tiers}` : `被评为${tiers}`;
  }
  return `「${scheme.vetoes.find((v) => v.id === c.veto)?.name ?? c.veto ?? ''}」`;
}

/** One consequence: its 结果运用 text and its 整改期限 (days; empty: not a rectification item). */
export function ConsequenceEditor({ campaign, index }: { campaign: Campaign; index: number }) {
  const styles = useStyles();
  const { scheme } = campaign;
  const c = scheme.consequences[index];
  const who = consequenceWho(scheme, index);
  return (
    <div className={styles.card}>
      <TextSetting
        label={`结果运用（${who}）`}
        hint="如：约谈提醒、限期整改；整改期限不变，另在下面修改或清空"
        value={c.action}
        check={(t) => nameProblem(t, '结果运用')}
        commit={(v) => campaign.editScheme((d) => void (d.consequences[index].action = v))}
      />
      <NumberField
        label={`整改期限（天）：${c.tiers ? c.tiers.map((t) => `「${t}」`).join('') : who}${c.action}`}
        value={c.rectifyWithinDays}
        integer
        min={1}
        max={3650}
        allowEmpty
        hint={c.rectifyWithinDays === null ? '不列入整改清单（填写天数后列入）' : `结果公布后 ${c.rectifyWithinDays} 天内完成整改`}
        onCommit={(v) => campaign.editScheme((d) => void (d.consequences[index].rectifyWithinDays = v === null ? null : Number(v)))}
      />
    </div>
  );
}

/**
 * 党员（成员）人数: one number, or, where a quota counts it within each roster unit (p5: 本支部党员人数的20%) and the
 * roster has several units, one number per unit (scheme memberCount as a map; evaluate.ts quotaApplications). A unit
 * left empty counts its roster, as the results then say (QUOTA_BASE_ASSUMED).
 */
export function MemberCountFields({ campaign }: { campaign: Campaign }) {
  const { scheme, roster } = campaign;
  const units = unitsOfRatedSubjects(scheme, roster);
  if (quotaOfMembersPerUnit(scheme) && units.length >= 2) return <MemberCountsPerUnit campaign={campaign} units={units} />;
  return (
    <NumberField
      label="党员（成员）人数"
      value={typeof scheme.memberCount === 'number' ? scheme.memberCount : null}
      integer
      min={1}
      allowEmpty
      hint={
        typeof scheme.memberCount === 'object'
          ? `方案按单位给出了党员人数（${memberCountWords(scheme.memberCount)}）；在此填一个数则改为各单位共用这一个数`
          : quotaOfMembersPerUnit(scheme)
            ? '名额按本支部党员人数计算；不填则按名册人数。名册有几个单位（支部）时，读取名册后在此按单位填写'
            : '名额按本支部党员人数计算；不填则按名册人数'
      }
      onCommit={(v) =>
        campaign.editScheme((d) => {
          if (v === null) delete d.memberCount;
          else d.memberCount = Number(v);
        })
      }
    />
  );
}

function MemberCountsPerUnit({ campaign, units }: { campaign: Campaign; units: { unit: string; listed: number }[] }) {
  const styles = useStyles();
  const { scheme, roster } = campaign;
  const counts = typeof scheme.memberCount === 'object' ? scheme.memberCount : {};
  // Units the scheme names that no roster entry has (a scheme kept from another roster): the run is refused for them
  // (load-scheme memberCountUnitProblems), so each is shown to be cleared.
  const rosterUnits = new Set(roster.map((e) => e.unit ?? '').filter((u) => u.trim() !== ''));
  const stale = Object.keys(counts).filter((u) => !rosterUnits.has(u));
  const edit = (unit: string, v: number | string | null) => campaign.editScheme((d) => setUnitMemberCount(d, unit, v === null ? null : Number(v)));
  return (
    <div className={styles.section} role="group" aria-label="各单位党员（成员）人数">
      <Body1>党员（成员）人数（名额按各单位分别计算，每个单位填本单位的党员人数；不填的单位按名册中该单位的人数计算）</Body1>
      {typeof scheme.memberCount === 'number' ? (
        <Notice intent="warning">
          方案中的党员人数 {scheme.memberCount} 只有一个，不能作为各单位的人数，计算时不用；请按单位填写（填写后替换这一个数）。
        </Notice>
      ) : null}
      {units.map(({ unit, listed }) => (
        <NumberField
          key={unit}
          label={`党员（成员）人数：${unit}`}
          value={counts[unit] ?? null}
          integer
          min={1}
          allowEmpty
          hint={counts[unit] === undefined ? `不填则按名册中该单位的 ${listed} 人计算` : `名册中该单位列了 ${listed} 人`}
          onCommit={(v) => edit(unit, v)}
        />
      ))}
      {stale.map((unit) => (
        <NumberField
          key={`stale:${unit}`}
          label={`党员（成员）人数：${unit}（名册中没有这个单位）`}
          value={counts[unit]}
          integer
          min={1}
          allowEmpty
          hint={`名册中没有「${unit}」，计算时会因此停止：请清空此栏，或改正名册的单位栏（名册中的单位：${[...rosterUnits].join('、')}）`}
          onCommit={(v) => edit(unit, v)}
        />
      ))}
    </div>
  );
}
