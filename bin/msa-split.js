#!/usr/bin/env node
// Tiny launcher: the CLI lives in dist/cli (built by `npm run build`).
import { runCli } from '../dist/cli/run-cli.js';

process.exitCode = await runCli(process.argv);
