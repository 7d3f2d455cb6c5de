/**
 * Task pane entry: the Fluent UI provider around the app, rendered when Office is ready with the
 * Excel host (src/hosts/excel). Opened without Excel (office.js not reachable, or loaded in a plain
 * browser tab) the pane switches to files, with the standalone page's host (src/standalone/files-host.ts).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createOfficeExcelHost } from '../hosts/excel/office-runtime';
import { WorkbookHost } from '../hosts/workbook-host';
import { createFilesHost } from '../standalone/files-host';
import { App } from './app';

function mount(host: WorkbookHost) {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} />
      </FluentProvider>,
    );
}

/** The Excel host inside Excel; elsewhere (office.js loaded in a plain browser tab) files. */
function hostFor(info: { host: Office.HostType | null }): WorkbookHost {
  if (info.host === Office.HostType.Excel) return createOfficeExcelHost();
  return createFilesHost();
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady().then(hostFor).then(mount);
else mount(createFilesHost());
