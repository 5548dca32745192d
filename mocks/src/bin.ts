#!/usr/bin/env node
/** The `credit-apis-mock` command: everything is in cli.ts's `main`. */
import { main } from './cli.js';

const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
