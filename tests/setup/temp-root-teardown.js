/** Removes the run's temporary folder made by temp-root.js, whether the tests passed or not. */
const fs = require('fs');

module.exports = async function teardown() {
  const root = process.env.PINGYI_TEST_TEMP_ROOT;
  if (root) fs.rmSync(root, { recursive: true, force: true });
};
