// Signs in to the running local stack's web app as the demo person, through the real Keycloak, and checks the
// person's screens load from the real services; screenshots in target/screenshots-real/. A manual check of a running
// stack, the seed of the browser tests against the whole platform.
// Usage: node scripts/smoke-real.mjs http://127.0.0.1:8090 demo-person <password printed by deploy/hipflex up>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, username, password] = process.argv.slice(2);
const shots = join(new URL('..', import.meta.url).pathname, 'target', 'screenshots-real');
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
  page.on('pageerror', (e) => errors.push(`page error ${e.message}`));
  // A 404 for the plan or adherence of someone without a plan is an answer the screens expect, not an error.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console ${m.text()}`); });
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Sign in' }).first().click();
  await page.locator('#username').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'keycloak-sign-in.png') });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForURL((url) => url.origin === new URL(base).origin, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Sign out' }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'home-signed-in.png') });
  for (const [hash, name] of [['#/exercises', 'library'], ['#/plan', 'plan'], ['#/progress', 'progress'], ['#/check', 'symptom-check']]) {
    await page.goto(`${base}/${hash}`);
    await page.locator('main h1').first().waitFor();
    await page.locator('main[aria-busy]').waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    console.log(name, '->', (await page.locator('main h1').first().innerText()).trim());
  }
} finally {
  await browser.close();
}
console.log(errors.length ? `errors:\n${errors.join('\n')}` : 'no page errors');
process.exitCode = errors.length ? 1 : 0;
