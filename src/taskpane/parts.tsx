/**
 * Small pieces every step uses: an action runner that turns a thrown error into a MessageBar (Excel
 * busy, a protected sheet, an API too old: the host's message is already Chinese), the message bars,
 * a file picker that is a real button (keyboard) over a hidden file input, the progress bar and the
 * outcome of a write.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ReactNode, useCallback, useRef, useState } from 'react';
import { Progress, WriteOutcome } from '../hosts/workbook-host';
import { errorText } from './browser-files';

export const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', rowGap: '12px', paddingTop: '8px' },
  section: { display: 'flex', flexDirection: 'column', rowGap: '8px' },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: '8px', rowGap: '8px', alignItems: 'flex-end' },
  list: { margin: 0, paddingLeft: '20px' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
    padding: 0,
    margin: '-1px',
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px',
    display: 'flex',
    flexDirection: 'column',
    rowGap: '6px',
  },
  small: { maxWidth: '120px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface ActionState {
  busy: boolean;
  error: { title: string; text: string } | null;
  /** Runs `task`; anything it throws is shown under `title`, never rethrown. */
  run<T>(title: string, task: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ActionState['error']>(null);
  const run = useCallback(async <T,>(title: string, task: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await task();
    } catch (e) {
      setError({ title, text: errorText(e) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: useCallback(() => setError(null), []) };
}

export function ErrorBar({ error }: { error: ActionState['error'] }) {
  if (!error) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.text}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Notice({ intent, title, children }: { intent: 'info' | 'success' | 'warning' | 'error'; title?: string; children?: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Problems (a scheme's, a roster's) as a list under a title. */
export function ProblemsBar({ title, problems, intent = 'error' }: { title: string; problems: string[]; intent?: 'info' | 'error' | 'warning' }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <Notice intent={intent} title={title}>
      <ul className={styles.list}>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </Notice>
  );
}

/** A button that opens the file picker; the input itself is hidden but labelled (tests and screen readers find it). */
export function FilePicker(props: {
  label: string;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  appearance?: 'primary' | 'secondary';
  /** Pick a whole folder (the browser lists every file under it, with its path: File.webkitRelativePath). */
  directory?: boolean;
  onFiles(files: File[]): void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      {/* disabledFocusable, not disabled: while the files it opened are read the button stays focused
          (a disabled button drops keyboard focus to the page), announced as unavailable (aria-disabled). */}
      <Button appearance={props.appearance ?? 'secondary'} disabledFocusable={props.disabled} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        type="file"
        className={styles.hidden}
        tabIndex={-1}
        // The Button above is what users and screen readers meet; the input would be a second button of the same name.
        aria-hidden="true"
        aria-label={props.label}
        accept={props.accept}
        multiple={props.multiple}
        // Not in React's typings, passed through to the element as it is.
        {...(props.directory ? { webkitdirectory: '' } : {})}
        disabled={props.disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
    </>
  );
}

export function ProgressView({ progress }: { progress: Progress | null }) {
  if (!progress) return null;
  const value = progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <Field label={progress.label} validationMessage={`${progress.done}/${progress.total}`} validationState="none">
      <ProgressBar value={value} max={1} aria-label={progress.label} />
    </Field>
  );
}

/** What a write did: the sheets written, those renamed to spare a user's sheet, sheets kept or cleared away, features left out. */
export function WriteOutcomeView({ outcome, what }: { outcome: WriteOutcome | null; what: string }) {
  const styles = useStyles();
  if (!outcome) return null;
  return (
    <>
      <Notice intent="success" title={`${what}已写入工作簿`}>
        写入的工作表：{outcome.written.join('、') || '（无）'}
      </Notice>
      {outcome.renamed.length > 0 ? (
        <Notice intent="warning" title="部分工作表改名写入">
          <ul className={styles.list}>
            {outcome.renamed.map((r) => (
              <li key={r.wanted}>
                已有名为「{r.wanted}」的工作表（不是本加载项创建的，未改动），结果写入了「{r.used}」
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {outcome.notes && outcome.notes.length > 0 ? (
        <Notice intent="warning" title="请注意">
          <ul className={styles.list}>
            {outcome.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {outcome.degraded.length > 0 ? (
        <Notice intent="warning" title="当前 Excel 版本不支持的功能（已略过）">
          <ul className={styles.list}>
            {outcome.degraded.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </>
  );
}
