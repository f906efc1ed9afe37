#!/usr/bin/env node
// The `edjwt` command for shells and Node scripts: decode, verify and check the
// expiry of JWTs. "edjwt --help" lists the commands.
import { main } from '../js/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
