/*
 * The committed manifest.xml points every URL at the dev server, https://localhost:3000/.
 * For a deployment the build writes dist/manifest.xml with that prefix replaced by the base URL
 * given at build time (ADDIN_BASE_URL, or `--env baseUrl=...`). Used by webpack.config.js and the tests.
 */
'use strict';

const DEV_BASE_URL = 'https://localhost:3000/';

/**
 * Checks and normalises a deployment base URL: absolute https, no query or fragment, ends with "/".
 * Office loads add-in pages only over HTTPS, so http:// is refused.
 */
function normaliseBaseUrl(input) {
  const text = String(input ?? '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not an absolute URL: "${text}" (example: https://intranet.example/pingyi/)`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_BASE_URL must use https:// (Office loads add-ins only over HTTPS): "${text}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_BASE_URL must be a plain folder URL without query, fragment or credentials: "${text}"`);
  }
  let href = url.href;
  if (!href.endsWith('/')) href += '/';
  return href;
}

function escapeXmlAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Returns the manifest text with every https://localhost:3000/ replaced by baseUrl.
 * Throws if the manifest has no such URL, or if any localhost:3000 reference would remain.
 */
function rewriteManifestUrls(xml, baseUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const count = xml.split(DEV_BASE_URL).length - 1;
  if (count === 0) throw new Error(`manifest.xml has no ${DEV_BASE_URL} URL to rewrite`);
  const out = xml.split(DEV_BASE_URL).join(escapeXmlAttribute(base));
  if (base !== DEV_BASE_URL && /localhost:3000/.test(out)) {
    throw new Error('manifest.xml still mentions localhost:3000 in a form the rewrite does not handle');
  }
  return out;
}

module.exports = { DEV_BASE_URL, normaliseBaseUrl, rewriteManifestUrls };
