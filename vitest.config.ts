import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The reliability suite runs on its own (npm run test:reliability) to print its summary.
    exclude: ['test/reliability/**', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
