/**
 * One temporary folder per `npm test` run, removed at the end: tests make many temporary folders
 * (returned workbooks, result files) and most do not remove their own. Jest runs this before it starts
 * its workers, which inherit TMPDIR, so every os.tmpdir() in the tests points inside it.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pingyi-tests-'));
  process.env.PINGYI_TEST_TEMP_ROOT = root;
  process.env.TMPDIR = root;
};
