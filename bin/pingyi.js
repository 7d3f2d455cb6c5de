#!/usr/bin/env node
// The `pingyi` command: the compiled command line (npm's prepare script builds it with tsc).
require('../build/cli/pingyi.js').runCli();
