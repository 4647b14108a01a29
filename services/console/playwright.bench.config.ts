import { defineConfig } from '@playwright/test';

// Benchmarks in the browser (not part of the test suite): `deploy/bench-console.sh` starts a
// release `aftercare up` on a synthetic customer base and runs bench/ against it.
export default defineConfig({
  testDir: 'bench',
  timeout: 600_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/bench',
  use: {
    baseURL: process.env.AFTERCARE_CONSOLE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
