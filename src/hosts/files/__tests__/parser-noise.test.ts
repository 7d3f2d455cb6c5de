/**
 * SheetJS's console.error lines about ODS number formats (「ODS number format may be incorrect」, a dozen per
 * LibreOffice ballot) are held back while parsing; anything else it or others print still goes through.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readWorkbook, withoutParserNoise } from '../read-workbook';

describe('parser noise on stderr', () => {
  afterEach(() => jest.restoreAllMocks());

  it('a ballot LibreOffice saved as .ods is read without a line on the console', async () => {
    // tests/fixtures/libreoffice: a p3 ballot filled with exceljs and converted by LibreOffice 7.4 (soffice --convert-to ods).
    const bytes = fs.readFileSync(path.join(__dirname, '../../../../tests/fixtures/libreoffice/评议票-libreoffice.ods'));
    const error = jest.spyOn(console, 'error');
    const outcome = await readWorkbook('评议票.ods', new Uint8Array(bytes));
    expect(outcome.submission?.sheets.length).toBeGreaterThan(0);
    expect(error).not.toHaveBeenCalled();
  });

  it('only that message, only while parsing: other errors pass, console.error is restored even after a throw', () => {
    const seen: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void seen.push(args);
    try {
      withoutParserNoise(() => {
        console.error('ODS number format may be incorrect: value()&gt;0');
        console.error('something else', 1);
      });
      expect(() =>
        withoutParserNoise(() => {
          throw new Error('damaged');
        }),
      ).toThrow('damaged');
      console.error('ODS number format may be incorrect: after');
    } finally {
      console.error = original;
    }
    expect(seen).toEqual([['something else', 1], ['ODS number format may be incorrect: after']]);
  });
});
