/**
 * A labelled number box for a scheme setting. It keeps what the user types, applies it when it is a
 * number the setting accepts, and says why not otherwise (not a number, out of range, or the
 * problem loadScheme found with the edited scheme).
 */
import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isShareFraction } from '../core/common/fraction';
import { parseDecimal } from './scheme-words';

export type NumberValue = number | string | null;

export interface NumberFieldProps {
  label: string;
  value: number | string | null | undefined;
  /** Applies the value; returns the problems when it was refused. */
  onCommit(value: NumberValue): string[] | null;
  hint?: string;
  integer?: boolean;
  min?: number;
  max?: number;
  /** An empty box means null (e.g. no rectification deadline). */
  allowEmpty?: boolean;
  unit?: string;
  /** A share: also takes an exact fraction as text ("1/3" for 不超过三分之一, which 33.33 is not). */
  fractions?: boolean;
}

function shown(v: number | string | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

export function NumberField(props: NumberFieldProps) {
  const [text, setText] = useState(shown(props.value));
  const [problem, setProblem] = useState<string | null>(null);

  // A change from elsewhere (another preset, an imported scheme) replaces what is in the box.
  useEffect(() => {
    setText((current) => {
      const parsed = current.trim() === '' ? null : parseDecimal(current);
      const same = parsed !== null && props.value !== null && props.value !== undefined && Number(parsed) === Number(props.value);
      return same || (parsed === null && current.trim() === '' && (props.value === null || props.value === undefined)) ? current : shown(props.value);
    });
    setProblem(null);
  }, [props.value]);

  const apply = (raw: string) => {
    setText(raw);
    if (raw.trim() === '') {
      if (props.allowEmpty) setProblem(firstOf(props.onCommit(null)));
      else setProblem('请填写数值');
      return;
    }
    const fraction = raw.trim().replace(/[０-９／]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
    if (props.fractions && isShareFraction(fraction)) return setProblem(firstOf(props.onCommit(fraction)));
    const v = parseDecimal(raw);
    if (v === null) return setProblem(props.fractions ? '请输入数字（百分数，如 20），或分数（如 1/3）' : '请输入数字');
    const n = Number(v);
    if (props.integer && !Number.isInteger(n)) return setProblem('请输入整数');
    if (props.min !== undefined && n < props.min) return setProblem(`不能小于 ${props.min}`);
    if (props.max !== undefined && n > props.max) return setProblem(`不能大于 ${props.max}`);
    setProblem(firstOf(props.onCommit(v)));
  };

  return (
    <Field
      label={props.label}
      hint={props.hint}
      validationState={problem ? 'error' : 'none'}
      validationMessage={problem ?? undefined}
    >
      <Input
        value={text}
        inputMode="decimal"
        contentAfter={props.unit}
        onChange={(_e, data) => apply(data.value)}
      />
    </Field>
  );
}

function firstOf(problems: string[] | null): string | null {
  if (!problems || problems.length === 0) return null;
  return `未生效：${problems.join('；')}`;
}
