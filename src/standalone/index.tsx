/**
 * The standalone page (dist/standalone.html): the same task pane as in Excel, with the files host.
 * No office.js and nothing else from outside: the page, its scripts and its chunks all come from the
 * page's own origin, and no data leaves the browser (the template's Content-Security-Policy enforces it).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/app';
import { createFilesHost } from './files-host';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App host={createFilesHost()} />
    </FluentProvider>,
  );
