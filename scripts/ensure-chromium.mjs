#!/usr/bin/env node
// Browser tests drive Debian's Chromium: Playwright's own browser download cannot reach
// its CDN from these machines, while Debian's package registry can be reached.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const CHROMIUM = '/usr/bin/chromium';

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

if (existsSync(CHROMIUM)) {
  console.log(`ensure-chromium: ${CHROMIUM} is installed`);
  process.exit(0);
}

if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  fail(`${CHROMIUM} is missing and this is not a Debian-like system with apt-get; install Chromium so that ${CHROMIUM} exists, then retry.`);
}
if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  fail(`${CHROMIUM} is missing and installing it needs root; run "sudo apt-get update && sudo apt-get install -y chromium", then retry.`);
}

run('apt-get', ['update']);
run('apt-get', ['install', '-y', 'chromium']);
if (!existsSync(CHROMIUM)) fail(`apt-get installed chromium but ${CHROMIUM} still does not exist.`);
console.log(`ensure-chromium: installed ${CHROMIUM}`);
