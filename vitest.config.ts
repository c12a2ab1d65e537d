import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@completions-kit/source'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts'],
        },
      },
    ],
  },
});
