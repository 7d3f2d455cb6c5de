/**
 * @jest-environment node
 *
 * The Excel add-in manifest: offline XSD validation against Microsoft's schemas (shared/ beside the
 * repository, as in CI), locales, permissions, requirements, the Home-tab button, the icons (real
 * PNGs of the declared sizes) and the build-time rewrite of the https://localhost:3000/ URLs.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { child, childrenNamed, descendants, localPart, parseXml, XmlElement } from './mini-xml';

interface ValidationResult { valid: boolean; errors: string[]; schemaFiles: string[] }
/* eslint-disable @typescript-eslint/no-var-requires */
const validator = require('../../scripts/validate-manifest') as {
  ENTRY_SCHEMA: string;
  validateManifestXml(xml: string, options?: { schemaDir?: string; fileName?: string }): Promise<ValidationResult>;
};
const urls = require('../../scripts/manifest-urls') as {
  DEV_BASE_URL: string;
  normaliseBaseUrl(input: string): string;
  rewriteManifestUrls(xml: string, baseUrl: string): string;
};
/* eslint-enable @typescript-eslint/no-var-requires */

const REPO = path.join(__dirname, '..', '..');
const SCHEMA_DIR = path.join(__dirname, '../../../shared/schemas/office-addin-manifest');
const MANIFEST_PATH = path.join(REPO, 'manifest.xml');
const manifestXml = fs.readFileSync(MANIFEST_PATH, 'utf8');
const root = parseXml(manifestXml);

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
};
const XSI_TYPE = 'xsi:type';
const DEV = 'https://localhost:3000/';
const TASKPANE_URL = `${DEV}taskpane.html`;
const ICON_SIZES = [16, 32, 64, 80];

const top = (local: string) => child(root, local, NS.app);
const versionOverrides = () => child(root, 'VersionOverrides', NS.ov);
function resources(kind: 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'): XmlElement[] {
  return child(child(versionOverrides(), 'Resources', NS.ov), kind, NS.bt).children;
}
function resourceById(id: string): XmlElement {
  const all = (['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const).flatMap(resources);
  const hits = all.filter((r) => r.attrs.id === id);
  if (hits.length !== 1) throw new Error(`resource ${id}: ${hits.length} definitions`);
  return hits[0];
}

describe('manifest.xml: offline XSD validation', () => {
  const haveSchemas = fs.existsSync(path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd'));

  it('finds the schemas beside the repository (shared/schemas/office-addin-manifest)', () => {
    expect(haveSchemas).toBe(true);
  });

  it('is valid against OfficeAppManifestV1_1.xsd and the schemas it imports', async () => {
    const result = await validator.validateManifestXml(manifestXml, { schemaDir: SCHEMA_DIR });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.schemaFiles).toEqual(expect.arrayContaining([validator.ENTRY_SCHEMA, 'TaskPaneAppVersionOverridesV1_0.xsd', 'OfficeAppBasicTypesV1_0.xsd']));
  });

  it('the validator really rejects a broken manifest', async () => {
    const broken = manifestXml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const result = await validator.validateManifestXml(broken, { schemaDir: SCHEMA_DIR });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/Permissions/);
  });

  it('stays valid after the build-time URL rewrite', async () => {
    const rewritten = urls.rewriteManifestUrls(manifestXml, 'https://intranet.example/pingyi/?');
    const result = await validator.validateManifestXml(rewritten, { schemaDir: SCHEMA_DIR });
    expect(result.errors).toEqual([]);
  });
});

describe('manifest.xml: identity, locales, permissions, requirements', () => {
  it('is a task-pane add-in for Excel with a stable GUID', () => {
    expect(root.local).toBe('OfficeApp');
    expect(root.ns).toBe(NS.app);
    expect(localPart(root.attrs[XSI_TYPE])).toBe('TaskPaneApp');
    // Changing the Id makes Office treat it as another add-in: keep it.
    expect(top('Id').text.trim()).toBe('6f0b8f0e-3c1e-4c55-9a51-6d3c9b0f2a11');
    expect(childrenNamed(top('Hosts'), 'Host', NS.app).map((h) => h.attrs.Name)).toEqual(['Workbook']);
  });

  it('has zh-CN as the default locale with en-US overrides for the name and description', () => {
    expect(top('DefaultLocale').text.trim()).toBe('zh-CN');
    for (const name of ['DisplayName', 'Description']) {
      const el = top(name);
      expect(el.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const overrides = childrenNamed(el, 'Override', NS.app);
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(['en-US']);
      expect(overrides[0].attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('gives every button, group and get-started string an en-US override', () => {
    const strings = [...resources('ShortStrings'), ...resources('LongStrings')];
    expect(strings.length).toBeGreaterThanOrEqual(5);
    for (const s of strings) {
      expect(s.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const locales = childrenNamed(s, 'Override', NS.bt).map((o) => o.attrs.Locale);
      expect({ id: s.attrs.id, locales }).toEqual({ id: s.attrs.id, locales: ['en-US'] });
    }
  });

  it('asks for ReadWriteDocument', () => {
    expect(top('Permissions').text.trim()).toBe('ReadWriteDocument');
  });

  it('requires ExcelApi 1.7 (DefaultMinVersion 1.1)', () => {
    const sets = child(top('Requirements'), 'Sets', NS.app);
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(childrenNamed(sets, 'Set', NS.app).map((s) => s.attrs)).toEqual([{ Name: 'ExcelApi', MinVersion: '1.7' }]);
  });

  it('has a SupportUrl and points the default task pane at taskpane.html', () => {
    expect(top('SupportUrl').attrs.DefaultValue).toMatch(/^https:\/\/localhost:3000\/.+/);
    expect(child(top('DefaultSettings'), 'SourceLocation', NS.app).attrs.DefaultValue).toBe(TASKPANE_URL);
  });

  it('uses only https://localhost:3000/ URLs, so the build can rewrite all of them', () => {
    const withoutComments = manifestXml.replace(/<!--[\s\S]*?-->/g, '');
    const found = withoutComments.match(/https?:\/\/[^"'<\s]+/g) ?? [];
    const addinUrls = found.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(addinUrls.length).toBeGreaterThan(5);
    for (const u of addinUrls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });

  it('every resid refers to a defined resource', () => {
    const withResid: XmlElement[] = [];
    const walk = (e: XmlElement) => {
      if (e.attrs.resid) withResid.push(e);
      e.children.forEach(walk);
    };
    walk(versionOverrides());
    expect(withResid.length).toBeGreaterThan(5);
    for (const e of withResid) expect(() => resourceById(e.attrs.resid)).not.toThrow();
  });
});

describe('manifest.xml: the Home-tab button opens the task pane', () => {
  it('has a Button in a group on TabHome whose action is ShowTaskpane on taskpane.html', () => {
    const vo = versionOverrides();
    expect(localPart(vo.attrs[XSI_TYPE])).toBe('VersionOverridesV1_0');
    const host = child(child(vo, 'Hosts', NS.ov), 'Host', NS.ov);
    expect(localPart(host.attrs[XSI_TYPE])).toBe('Workbook');
    const points = childrenNamed(child(host, 'DesktopFormFactor', NS.ov), 'ExtensionPoint', NS.ov);
    const surface = points.find((p) => localPart(p.attrs[XSI_TYPE]) === 'PrimaryCommandSurface');
    expect(surface).toBeDefined();
    const tab = child(surface!, 'OfficeTab', NS.ov);
    expect(tab.attrs.id).toBe('TabHome');
    const buttons = childrenNamed(tab, 'Group', NS.ov).flatMap((g) => childrenNamed(g, 'Control', NS.ov)).filter((c) => localPart(c.attrs[XSI_TYPE]) === 'Button');
    expect(buttons).toHaveLength(1);
    const action = child(buttons[0], 'Action', NS.ov);
    expect(localPart(action.attrs[XSI_TYPE])).toBe('ShowTaskpane');
    const url = resourceById(child(action, 'SourceLocation', NS.ov).attrs.resid);
    expect(url.local).toBe('Url');
    expect(url.attrs.DefaultValue).toBe(TASKPANE_URL);
    // The label, tooltip and title come from the localised string resources.
    expect(resourceById(child(buttons[0], 'Label', NS.ov).attrs.resid).attrs.DefaultValue).toBeTruthy();
  });

  it('gives the group and the button icons of 16, 32 and 80 px', () => {
    for (const icon of descendants(versionOverrides(), 'Icon', NS.ov)) {
      const images = childrenNamed(icon, 'Image', NS.bt);
      expect(images.map((i) => Number(i.attrs.size)).sort((a, b) => a - b)).toEqual([16, 32, 80]);
      for (const i of images) expect(resourceById(i.attrs.resid).attrs.DefaultValue).toBe(`${DEV}assets/icon-${i.attrs.size}.png`);
    }
  });
});

// ---- PNG icons ----------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface PngInfo { width: number; height: number; bitDepth: number; colourType: number; pixelBytes: number }

/** Reads a PNG: signature, chunk CRCs, IHDR, and inflates the IDAT stream to check its size. */
function readPng(file: string): PngInfo {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  let offset = 8;
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    expect(buf.readUInt32BE(offset + 8 + length)).toBe(crc32(buf.subarray(offset + 4, offset + 8 + length)));
    if (offset === 8) expect(type).toBe('IHDR');
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') sawEnd = true;
    offset += 12 + length;
  }
  expect(sawEnd).toBe(true);
  if (!ihdr) throw new Error(`${file}: no IHDR`);
  const info = { width: ihdr.readUInt32BE(0), height: ihdr.readUInt32BE(4), bitDepth: ihdr[8], colourType: ihdr[9], pixelBytes: 0 };
  info.pixelBytes = zlib.inflateSync(Buffer.concat(idat)).length;
  return info;
}

describe('assets: icons', () => {
  it.each(ICON_SIZES)('assets/icon-%i.png is a real PNG of that size', (size) => {
    const file = path.join(REPO, 'assets', `icon-${size}.png`);
    expect(fs.existsSync(file)).toBe(true);
    const png = readPng(file);
    expect({ width: png.width, height: png.height }).toEqual({ width: size, height: size });
    expect(png.bitDepth).toBe(8);
    expect(png.colourType).toBe(6); // RGBA
    expect(png.pixelBytes).toBe((size * 4 + 1) * size);
    expect(fs.statSync(file).size).toBeLessThan(100 * 1024); // Office's limit for manifest images
  });

  it('the manifest uses icon-32 as IconUrl and icon-64 as HighResolutionIconUrl', () => {
    expect(top('IconUrl').attrs.DefaultValue).toBe(`${DEV}assets/icon-32.png`);
    expect(top('HighResolutionIconUrl').attrs.DefaultValue).toBe(`${DEV}assets/icon-64.png`);
  });

  it('every assets/ file the manifest names exists', () => {
    for (const u of manifestXml.match(/https:\/\/localhost:3000\/assets\/[^"<\s]+/g) ?? []) {
      expect(fs.existsSync(path.join(REPO, u.slice(DEV.length)))).toBe(true);
    }
  });
});

// ---- Build-time base URL ------------------------------------------------------------------------

describe('build: manifest URLs for a deployment', () => {
  it('replaces every https://localhost:3000/ with the base URL', () => {
    const base = 'https://pingyi.example.gov.cn/addin/';
    const out = urls.rewriteManifestUrls(manifestXml, base);
    expect(out).not.toMatch(/localhost/);
    expect(out).toContain(`<SourceLocation DefaultValue="${base}taskpane.html" />`);
    expect(out.split(base).length).toBe(manifestXml.split(DEV).length);
    // Everything else is untouched.
    expect(out.split(base).join(DEV)).toBe(manifestXml);
  });

  it('normalises the base URL and refuses what Office cannot load', () => {
    expect(urls.normaliseBaseUrl('https://intranet.example/pingyi')).toBe('https://intranet.example/pingyi/');
    expect(urls.normaliseBaseUrl(' https://10.1.2.3:8443/ ')).toBe('https://10.1.2.3:8443/');
    expect(() => urls.normaliseBaseUrl('http://intranet.example/pingyi/')).toThrow(/https/);
    expect(() => urls.normaliseBaseUrl('intranet.example/pingyi/')).toThrow(/absolute/);
    expect(() => urls.normaliseBaseUrl('https://intranet.example/pingyi/?a=1')).toThrow(/query/);
  });

  it('webpack.config.js copies the assets and writes the rewritten dist/manifest.xml', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const makeConfig = require('../../webpack.config.js') as (env: object, argv: object) => Promise<{ plugins: unknown[]; devServer?: unknown }>;
    const config = await makeConfig({ baseUrl: 'https://intranet.example/pingyi' }, { mode: 'production' });
    expect(config.devServer).toBeUndefined();
    type Pattern = { from: string; to: string; transform?: { transformer(content: Buffer, from: string): Buffer | string } };
    const copy = config.plugins.find((p): p is { patterns: Pattern[] } => Array.isArray((p as { patterns?: unknown }).patterns));
    expect(copy).toBeDefined();
    const byFrom = new Map(copy!.patterns.map((p) => [p.from, p]));
    expect(byFrom.get('assets')?.to).toBe('assets');
    const manifestPattern = byFrom.get('manifest.xml');
    expect(manifestPattern?.to).toBe('manifest.xml');
    const out = manifestPattern!.transform!.transformer(Buffer.from(manifestXml, 'utf8'), MANIFEST_PATH).toString();
    expect(out).toContain('https://intranet.example/pingyi/taskpane.html');
    expect(out).not.toMatch(/localhost/);
  });
});
