/**
 * Task pane entry: the Fluent UI provider around the app, rendered when Office is ready with the
 * Excel host (src/hosts/excel), or at once when the page is opened without Office (the standalone
 * page, issue 6) with a files-only stand-in until the browser-files host exists.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createOfficeExcelHost } from '../hosts/excel/office-runtime';
import { WorkbookHost } from '../hosts/workbook-host';
import { App } from './app';
import { createPlaceholderHost } from './placeholder-host';

function mount(host: WorkbookHost) {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} />
      </FluentProvider>,
    );
}

/** The Excel host inside Excel; elsewhere (office.js loaded in a plain browser tab) files only. */
function hostFor(info: { host: Office.HostType | null }): WorkbookHost {
  if (info.host === Office.HostType.Excel) return createOfficeExcelHost();
  // TODO(issue 6): the browser-files host of the standalone page replaces this stand-in.
  return createPlaceholderHost('files');
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady().then(hostFor).then(mount);
else mount(createPlaceholderHost('files'));
