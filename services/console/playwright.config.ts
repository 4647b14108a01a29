import { defineConfig } from '@playwright/test';
import { within } from './e2e/time';

// Drives the distribution's Chromium against a real `aftercare up` started in a temporary
// directory by e2e/global-setup.ts (the debug binary from $CARGO_TARGET_DIR, or
// $AFTERCARE_BIN). Screenshots of each page in both languages go to artifacts/. The test
// command runs the specs in two shards at once, each against a server of its own, and names
// each shard's results file and output folder (AFTERCARE_E2E_RESULTS, AFTERCARE_E2E_OUTPUT).
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: within(60_000),
  expect: { timeout: within(10_000) },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.AFTERCARE_E2E_RESULTS ?? 'test-results/results.json' }]],
  outputDir: process.env.AFTERCARE_E2E_OUTPUT ?? 'test-results/output',
  use: {
    baseURL: process.env.AFTERCARE_CONSOLE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
