/**
 * Task pane entry (issue 4 builds it out): Fluent UI provider around the app, rendered when Office is
 * ready, or at once when the page is opened without Office (the standalone page, issue 6).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './app';

function mount() {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<FluentProvider theme={webLightTheme}><App /></FluentProvider>);
}

declare const Office: { onReady?: (cb: () => void) => void } | undefined;
if (typeof Office !== 'undefined' && Office?.onReady) Office.onReady(mount);
else mount();
