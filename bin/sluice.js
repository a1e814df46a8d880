#!/usr/bin/env node
// The `sluice` executable: runs the TypeScript CLI through tsx, so pipelines and Sluice
// itself need no build step. Source maps keep call sites in the .ts sources.
import { register } from 'tsx/esm/api';

process.setSourceMapsEnabled(true);
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
