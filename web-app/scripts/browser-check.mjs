// Opens the built app in the machine's Chromium (never a downloaded one) through `vite preview`, checks that the screens
// render, runs axe-core in the real browser, and saves phone and desktop screenshots under target/screenshots/.
// The services are stood in for by the recorded answers of test/fixtures (page.route), so this needs no platform;
// the browser tests against the whole platform come later.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 8090);
const base = `http://127.0.0.1:${port}`;
const shots = join(root, 'target', 'screenshots');
mkdirSync(shots, { recursive: true });
const fixture = (name) => readFileSync(join(root, 'test', 'fixtures', `${name}.json`), 'utf8');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const preview = spawn(join(root, 'node_modules', '.bin', 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const failures = [];
try {
  await waitFor(`${base}/`, 20_000);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const [width, height, device] of [[360, 780, 'phone'], [1280, 900, 'desktop']]) {
      const context = await browser.newContext({ viewport: { width, height } });
      await context.route(/127\.0\.0\.1:808[123]\//, (route) => route.fulfill(answer(new URL(route.request().url()))));
      const page = await context.newPage();
      page.on('pageerror', (e) => failures.push(`${device}: page error ${e.message}`));

      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'hipflex' }).waitFor();
      await page.getByRole('button', { name: 'Sign in' }).first().waitFor();
      await check(page, `${device}-sign-in`);

      // Signed in as the OIDC library would have it after a sign-in, so the person's screens render with the fixtures.
      await page.evaluate(() => {
        const user = { access_token: 'screenshot-token', token_type: 'Bearer', scope: 'openid profile', profile: { sub: 'person-1', preferred_username: 'ana' }, expires_at: Math.floor(Date.now() / 1000) + 3600 };
        sessionStorage.setItem('oidc.user:http://127.0.0.1:8180/realms/hipflex:hipflex-web', JSON.stringify(user));
      });
      for (const [hash, name] of [['#/', 'home'], ['#/check', 'symptom-check'], ['#/recommendation/7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', 'recommendation'],
        ['#/recommendation/urgent', 'urgent-care'], ['#/exercises', 'library'], ['#/exercises/couch-stretch', 'exercise'], ['#/plan', 'plan'],
        ['#/session', 'session'], ['#/check-in', 'check-in'], ['#/progress', 'progress']]) {
        await page.goto(`${base}/${hash}`);
        await page.reload();
        await page.locator('main h1').first().waitFor();
        await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
        await check(page, `${device}-${name}`);
        if (name === 'session') {
          // Into the guided part: the first exercise on its first side, with its countdown.
          await page.getByLabel('3', { exact: true }).check();
          await page.getByRole('button', { name: 'Begin' }).click();
          await page.locator('.task h2').waitFor();
          await page.getByRole('button', { name: 'Start' }).click();
          await check(page, `${device}-session-guided`);
        }
      }
      await offlineShell(context, page, device);
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  preview.kill('SIGTERM');
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`browser-check: every screen rendered in Chromium; screenshots in ${shots}`);

/** Installable and offline: the manifest is served, the service worker takes over, and the shell loads with no network. */
async function offlineShell(context, page, device) {
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel=manifest]').href)).json());
  if (!manifest.icons?.some((i) => i.sizes === '512x512') || manifest.display !== 'standalone') failures.push(`${device}: manifest incomplete`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.goto(`${base}/#/check-in`);
  await page.getByRole('heading', { level: 1, name: 'Pain check-in' }).waitFor({ timeout: 10_000 })
    .catch(() => failures.push(`${device}: the app shell did not load offline`));
  await page.screenshot({ path: join(shots, `${device}-offline-check-in.png`), fullPage: true });
  await context.setOffline(false);
  console.log(`browser-check: ${device} offline shell checked`);
}

async function check(page, name) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  if (wide) failures.push(`${name}: wider than the viewport (horizontal scrolling)`);
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`));
  if (violations.length) failures.push(`${name}: ${violations.join(', ')}`);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  console.log(`browser-check: ${name} ok${violations.length ? ' with violations' : ''}`);
}

function answer(url) {
  const json = (body, status = 200) => ({ status, contentType: 'application/json', body, headers: { 'Access-Control-Allow-Origin': '*' } });
  const path = url.pathname.replace(/^\/api\/v1/, '');
  if (url.port === '8081') {
    if (path === '/exercises') return json(fixture('exercises'));
    const one = /^\/exercises\/(.+)$/.exec(path);
    if (one) return json(JSON.stringify(JSON.parse(fixture('exercises')).items.find((e) => e.slug === one[1])));
    return json(fixture(path.slice(1)));
  }
  const selfCare = JSON.parse(fixture('recommendation-self-care'));
  if (path.endsWith('/urgent/recommendation')) {
    return json(JSON.stringify({ ...selfCare, level: 'urgent-care', excluded: [], extras: { runner: null, movementBreaks: null, coreAndGlute: null },
      reasons: [{ rule: 'UC-INFECTION', level: 'urgent-care', text: 'A hot, swollen hip while you have a fever or feel unwell can be a joint infection. Get urgent care now.', source: 'general-clinical-guidance', redFlag: null, possibleConditions: [], whatToDo: null }],
      plan: { ...selfCare.plan, status: 'seek-care-now', phases: [], schedule: null, notes: [] } }));
  }
  if (path.endsWith('/recommendation')) return json(JSON.stringify(selfCare));
  if (path === '/me/recommendations') return json(JSON.stringify({ items: [selfCare], total: 1, limit: 5, offset: 0, nextOffset: null }));
  if (path === '/me/plan') return json(JSON.stringify({ status: 'active', startDate: '2026-11-26', timeZone: 'Europe/Berlin', protocol: 'complete-release-protocol', level: 'self-care', recommendation: selfCare.reportId, exercises: ['couch-stretch', 'dead-bug', 'bird-dog'] }));
  if (path === '/me/adherence') {
    return json(JSON.stringify({ asOf: '2026-12-05', planDay: 10, overallPercent: 90, currentStreak: 3, longestStreak: 5, alert: null,
      weeks: [{ week: 1, from: '2026-11-26', to: '2026-12-02', unit: 'days', target: 7, expected: 7, done: 6, met: false, complete: true },
        { week: 2, from: '2026-12-03', to: '2026-12-09', unit: 'days', target: 7, expected: 3, done: 3, met: true, complete: false }],
      currentStage: { ...JSON.parse(fixture('recovery-timeline')).stages[1], beyondTimeline: false },
      painTrend: { weeks: [{ week: 1, average: 5, samples: 6 }, { week: 2, average: 3.5, samples: 3 }], first: null, latest: null, change: -1.5, meaningful: true, direction: 'improving' } }));
  }
  return json(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404 }), 404);
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}
