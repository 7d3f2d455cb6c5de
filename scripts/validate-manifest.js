#!/usr/bin/env node
/*
 * Offline validation of the add-in manifest against Microsoft's published XML schemas
 * (OfficeAppManifestV1_1.xsd and the schemas it imports), with libxml2 compiled to WebAssembly
 * (npm package xmllint-wasm): no network, no system xmllint.
 *
 *   node scripts/validate-manifest.js [manifest.xml ...] [--schemas DIR]
 *
 * Schema folder: --schemas DIR, else $OFFICE_MANIFEST_SCHEMAS, else ../shared/schemas/office-addin-manifest
 * beside this repository. Exit code 0 valid, 1 invalid, 2 usage or missing schemas.
 *
 * These schemas are the 2020 copy; a valid newer manifest element may be rejected by them. If that
 * happens, note it rather than editing the manifest to please the schema.
 * With network access, `npx office-addin-manifest validate manifest.xml` asks Microsoft's online
 * validation service as well (`npm run validate:online`).
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ENTRY_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const DEFAULT_SCHEMA_DIR = path.join(__dirname, '..', '..', 'shared', 'schemas', 'office-addin-manifest');

function resolveSchemaDir(explicit) {
  return path.resolve(explicit || process.env.OFFICE_MANIFEST_SCHEMAS || DEFAULT_SCHEMA_DIR);
}

/** Reads the schema folder: the entry schema plus every other .xsd as a preload for its imports. */
function loadSchemas(schemaDir) {
  const entryPath = path.join(schemaDir, ENTRY_SCHEMA);
  if (!fs.existsSync(entryPath)) {
    const err = new Error(`schema ${ENTRY_SCHEMA} not found in ${schemaDir}`);
    err.code = 'NO_SCHEMAS';
    throw err;
  }
  const preload = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.xsd') && f !== ENTRY_SCHEMA)
    .sort()
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), 'utf8') }));
  return { schema: { fileName: ENTRY_SCHEMA, contents: fs.readFileSync(entryPath, 'utf8') }, preload };
}

/**
 * Validates manifest text. Returns { valid, errors: string[], schemaFiles: string[] }.
 * `fileName` only labels the messages.
 */
async function validateManifestXml(xml, { schemaDir, fileName = 'manifest.xml' } = {}) {
  const { validateXML } = require('xmllint-wasm');
  const { schema, preload } = loadSchemas(resolveSchemaDir(schemaDir));
  const result = await validateXML({
    xml: [{ fileName: path.basename(fileName), contents: xml }],
    schema: [schema],
    preload,
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => e.rawMessage.trim()),
    schemaFiles: [schema.fileName, ...preload.map((p) => p.fileName)],
  };
}

async function validateManifestFile(manifestPath, options = {}) {
  return validateManifestXml(fs.readFileSync(manifestPath, 'utf8'), { ...options, fileName: manifestPath });
}

async function main(argv) {
  const files = [];
  let schemaDir;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schemas') schemaDir = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node scripts/validate-manifest.js [manifest.xml ...] [--schemas DIR]');
      return 0;
    } else files.push(argv[i]);
  }
  if (files.length === 0) files.push(path.join(__dirname, '..', 'manifest.xml'));
  const dir = resolveSchemaDir(schemaDir);
  let failed = false;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`${file}: no such file`);
      return 2;
    }
    let result;
    try {
      result = await validateManifestFile(file, { schemaDir: dir });
    } catch (err) {
      if (err.code === 'NO_SCHEMAS') {
        console.error(`${err.message}\nGive the folder with --schemas DIR or OFFICE_MANIFEST_SCHEMAS.`);
        return 2;
      }
      throw err;
    }
    const rel = file;
    if (result.valid) {
      console.log(`${rel}: valid against ${ENTRY_SCHEMA} (${result.schemaFiles.length} schema files from ${path.relative(process.cwd(), dir) || dir}), offline`);
    } else {
      failed = true;
      console.error(`${rel}: NOT valid against ${ENTRY_SCHEMA}`);
      for (const e of result.errors) console.error(`  ${e}`);
    }
  }
  console.log(
    'Offline XSD check only. With network access, `npx office-addin-manifest validate manifest.xml` ' +
      '(npm run validate:online) also runs Microsoft\'s online manifest validation.',
  );
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exit(2);
    },
  );
}

module.exports = { ENTRY_SCHEMA, DEFAULT_SCHEMA_DIR, resolveSchemaDir, validateManifestXml, validateManifestFile };
