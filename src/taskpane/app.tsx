import { Body1, Title3 } from '@fluentui/react-components';
import { PRESETS } from '../core/presets';

/** For now the pane lists the presets; the five steps (方案, 模板, 校验, 计算, 写回) come with issue 4. */
export function App() {
  return (
    <main style={{ padding: 12 }}>
      <Title3 as="h1">评议通</Title3>
      <Body1 as="p">可用的预设方案：</Body1>
      <ul>
        {PRESETS.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
    </main>
  );
}
