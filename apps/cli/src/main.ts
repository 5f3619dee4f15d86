#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from './cli.js';

/**
 * `clas` (npm run clas -- <command>). The exit code is set, not forced with process.exit, so
 * stdout is flushed to a pipe and `clas serve` keeps running until its signals stop it.
 */
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`clas: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
