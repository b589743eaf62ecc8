#!/usr/bin/env node
// The standalone host backend (see `consent-elements-server --help`).
import { main } from '../dist/esm/cli.js';

main(process.argv.slice(2), process.env).catch((e) => {
  console.error(`consent-elements-server: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
