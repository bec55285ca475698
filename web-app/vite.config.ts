/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes sw.js with the list of files the build made, so the service worker caches exactly this build's shell and
 * a new build replaces the old cache (its name carries the hash of the file list).
 */
function serviceWorker(): Plugin {
  return {
    name: 'hipflex-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = ['./', 'index.html', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png', 'config.json',
        ...Object.keys(bundle).filter((f) => !f.endsWith('.map'))];
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./src/sw-template.js', import.meta.url), 'utf8')
        .replace('__VERSION__', version)
        .replace('__FILES__', JSON.stringify(files));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [serviceWorker()],
  build: { target: 'es2022', sourcemap: false },
  preview: { host: '127.0.0.1', port: 8090, strictPort: true },
  server: { host: '127.0.0.1', port: 8090, strictPort: true },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
    // axe-core over a whole screen in jsdom takes seconds when the machine is shared and busy; the 5 s default failed
    // 11 of the 70 tests at a load average of 30 (all passed on the next, quieter run).
    testTimeout: 30_000,
  },
});
