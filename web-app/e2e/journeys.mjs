// The browser journeys against the whole platform: the machine's Chromium (never a downloaded one) drives the web app
// the stack serves, with the stack's real Keycloak, services, Kafka and PostgreSQL behind it. e2e-tests'
// BrowserJourneysTest starts the platform, runs this script once and checks the stored facts (REST, Kafka) from what it
// writes; run by hand against a running stack it checks what a person sees and leaves the facts unchecked.
//
// Usage: node e2e/journeys.mjs <web app URL> <results.json> <screenshot folder> [journey names: only these run]
// Exit code 0 when every journey saw what it should; results.json names each journey's person, ids and what was seen.
// Every wait is for a condition (a heading, a response, a status text); none is a fixed sleep.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';

const [base, resultsFile, shots, ...only] = process.argv.slice(2);
if (!base || !resultsFile || !shots) {
  console.error('usage: node e2e/journeys.mjs <web app URL> <results.json> <screenshot folder>');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
const TIMEOUT = 30_000;
const results = { screenshots: [], failures: [] };

/** A plain desk worker's front-of-hip ache, answered as a person would; journeys change what they need. */
const DESK_WORKER = {
  painLocations: ['front-of-hip'], side: 'right', qualities: ['dull-ache', 'tightness'], intensity: 4, onset: 'gradual',
  daysSinceOnset: '30', aggravatingActivities: ['sitting', 'standing-up'], signs: [], history: [], warningSigns: [],
  runner: false, deskWorker: true, hoursSittingPerDay: '9', wearsRaisedHeels: false, weeksOfConsistentWork: '',
  age: '38', pregnancy: 'not-pregnant', medicalHistory: [], caudaEquinaSigns: [], groinLump: 'none', painIntoTesticle: 'none',
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const started = Date.now();
try {
  results.selfCare = await journey('selfCare', selfCare);
  results.urgentCare = await journey('urgentCare', urgentCare);
  results.invalidInput = await journey('invalidInput', (page, person) => invalidInput(page, person, results.selfCare?.reportId));
  results.offlineSession = await journey('offlineSession', offlineSession);
  results.stepBack = await journey('stepBack', stepBack);
  results.stepForward = await journey('stepForward', stepForward);
  results.experiment = await journey('experiment', experiment);
  results.painEscalation = await journey('painEscalation', painEscalation);
  results.seeProfessional = await journey('seeProfessional', seeProfessional);
  results.pauseRestart = await journey('pauseRestart', pauseRestart);
  results.installable = await journey('installable', installable);
} finally {
  await browser.close();
}
results.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
console.log(results.failures.length ? `failures:\n${results.failures.map((f) => `${f.journey}: ${f.message}`).join('\n')}`
  : `every journey passed in ${results.seconds} s; screenshots in ${shots}`);
process.exitCode = results.failures.length ? 1 : 0;

/**
 * One journey in a browser context of its own (its own session storage, so its own person), at phone width. What it
 * returns goes to the results; what it throws is a failure, with a screenshot of where it stopped.
 */
async function journey(name, run) {
  if (only.length && !only.includes(name)) return undefined;
  const context = await browser.newContext({ viewport: PHONE });
  // The page's clock is Playwright's, running at the real pace until a journey moves it on (the session's countdowns).
  await context.clock.install();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  const person = { username: `web-${name.toLowerCase()}-${randomUUID().slice(0, 8)}`, password: `Pw-${randomUUID()}` };
  try {
    const seen = await run(page, person, context);
    if (errors.length) throw new Error(errors.join('; '));
    return { username: person.username, ...seen };
  } catch (error) {
    // What the screen said when the journey stopped, so a failure on CI reads without its screenshot.
    const shown = (await page.locator('main').innerText({ timeout: 2_000 }).catch(() => '')).replace(/\s+/g, ' ').slice(0, 600);
    results.failures.push({ journey: name, message: `${error.message} (at ${page.url()}; the screen read: "${shown}")` });
    await page.screenshot({ path: join(shots, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
    return { username: person.username, failed: true };
  } finally {
    await context.close();
  }
}

/** A new person signs up through the provider's registration page and comes back to the app signed in. */
async function signUp(page, person, { screenshots = false } = {}) {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.locator('#username').waitFor();
  if (screenshots) await shoot(page, 'sign-up', { axe: false });
  await page.locator('#username').fill(person.username);
  await page.locator('#password').fill(person.password);
  await page.locator('#password-confirm').fill(person.password);
  await page.locator('#kc-form-buttons [type=submit], #kc-register-form [type=submit]').first().click();
  await page.waitForURL((url) => url.origin === new URL(base).origin);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await screen(page);
}

/** Waits until the screen of the address has rendered: its heading is there and nothing is loading. */
async function screen(page) {
  await page.locator('main h1').first().waitFor();
  await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
}

async function open(page, hash) {
  await page.goto(`${base}/${hash}`);
  await screen(page);
}

/**
 * The symptom check, step by step, as a person fills it in. The one place that knows its questions: a question
 * added to the check is answered here, and every journey answers it. Yes/no warning questions not named in
 * `a.warningSigns` are answered no, so a new warning question needs nothing here.
 */
async function fillSymptomCheck(page, a, { screenshots = false, byKeyboard = false } = {}) {
  // Inputs are named as the report names its fields and valued with its words: the catalog may reword every question.
  const input = (name, value) => page.locator(`input[name="${name}"][value="${value}"]`);
  const number = (name) => page.locator(`input[name="${name}"]`);
  const step = async (n) => {
    await page.locator('.step-count').filter({ hasText: new RegExp(`^${n} /`) }).waitFor();
    if (screenshots) await shoot(page, `symptom-check-${n}`);
  };
  const next = (n) => page.getByRole('button', { name: 'Next' }).click().then(() => step(n));

  await open(page, '#/check');
  await step(1);
  let keyboard = null;
  if (byKeyboard) {
    keyboard = await firstStepByKeyboard(page, a.painLocations);
    await step(2);
  } else {
    for (const area of a.painLocations) {
      // The body picture is the pointer's way in; its tap ticks the area's box.
      await page.locator(`svg.body-picture [data-area="${area}"]`).first().click();
      if (!(await input('painLocations', area).isChecked())) throw new Error(`tapping ${area} on the body picture did not tick it`);
    }
    await input('side', a.side).check();
    await next(2);
  }
  for (const q of a.qualities) await input('qualities', q).check();
  await input('intensity', String(a.intensity)).check();
  await input('onset', a.onset).check();
  await number('daysSinceOnset').fill(a.daysSinceOnset);
  await next(3);
  for (const activity of a.aggravatingActivities) await input('aggravatingActivities', activity).check();
  await next(4);
  for (const sign of a.signs) await input('signs', sign).check();
  for (const item of a.history) await input('history', item).check();
  await next(5);
  for (const no of await page.locator('input[type=radio][name^="warning-"][value="no"]').all()) await no.check();
  for (const sign of a.warningSigns) await input(`warning-${sign}`, 'yes').check();
  await next(6);
  await number('age').fill(a.age);
  for (const item of a.medicalHistory) await input('screening.medicalHistory', item).check();
  await input('screening.pregnancy', a.pregnancy).check();
  await input('screening.gaveBirthInLast3Months', 'no').check();
  await next(7);
  for (const sign of a.caudaEquinaSigns) await input('screening.caudaEquinaSigns', sign).check();
  await input('screening.groinLump', a.groinLump).check();
  await input('screening.painIntoTesticle', a.painIntoTesticle).check();
  // The other screening questions are yes or no; this journey's person answers no to each.
  for (const no of await page.locator('input[type=radio][name^="screening."][value="no"]').all()) await no.check();
  await next(8);
  await input('profile.runner', a.runner ? 'yes' : 'no').check();
  await input('profile.deskWorker', a.deskWorker ? 'yes' : 'no').check();
  await number('profile.hoursSittingPerDay').fill(a.hoursSittingPerDay);
  await input('profile.wearsRaisedHeels', a.wearsRaisedHeels ? 'yes' : 'no').check();
  await input('profile.wantsDeepPsoasRelease', 'no').check();
  await number('weeksOfConsistentWork').fill(a.weeksOfConsistentWork);
  await next(9);
  // The report the app sends, and the service's answer to it.
  const [request, response] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/symptom-reports') && r.method() === 'POST'),
    page.waitForResponse((r) => r.url().endsWith('/symptom-reports') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Send my report' }).click(),
  ]);
  return { reportId: request.postDataJSON().reportId, status: response.status(), keyboard };
}

/**
 * The symptom check's first step with the keyboard only: Tab to each body area's box and Space to tick it (the body
 * picture marks it), Tab to the side and Space, Shift+Tab back and Tab forward again, Tab to Next and Enter. Every
 * stop of the focus must be a visible, labelled control showing a focus outline; after Enter the focus is on the next
 * step's heading. Answers where the focus went, in order.
 */
async function firstStepByKeyboard(page, areas) {
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && box.bottom > 0 && box.top < window.innerHeight;
    const byIds = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    const label = (el.getAttribute('aria-label') ?? (el.getAttribute('aria-labelledby') ? byIds(el.getAttribute('aria-labelledby')) : null)
      ?? ([...(el.labels ?? [])].map((l) => l.textContent).join(' ') || (['BUTTON', 'A', 'SUMMARY', 'H1'].includes(el.tagName) ? el.textContent : ''))).trim();
    return { tag: el.tagName.toLowerCase(), name: el.getAttribute('name'), value: el.getAttribute('value'), checked: el.checked === true,
      visible, label, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
  });
  const visited = [];
  const tabTo = async (wanted, what, key = 'Tab') => {
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press(key);
      const f = await focused();
      if (!f) throw new Error(`${key} towards ${what}: nothing has the focus`);
      const where = `${f.tag}${f.name ? `[${f.name}=${f.value}]` : ''} "${f.label}"`;
      if (!f.visible) throw new Error(`${key} towards ${what}: the focus is on ${where}, which is not visible`);
      if (!f.label) throw new Error(`${key} towards ${what}: the focus is on ${where}, which has no label`);
      if (!f.outline) throw new Error(`${key} towards ${what}: ${where} shows no focus outline`);
      visited.push(`${key} ${where}`);
      if (wanted(f)) return f;
    }
    throw new Error(`${what} is not reached with ${key}`);
  };
  const press = async (key, wanted, what) => {
    await page.keyboard.press(key);
    const f = await focused();
    if (!f || !wanted(f)) throw new Error(`${key} on ${what} left the focus on ${f ? `${f.tag}[${f.name}=${f.value}]` : 'nothing'}`);
    visited.push(`${key} ${what}`);
    return f;
  };
  for (const area of areas) {
    const box = (f) => f.name === 'painLocations' && f.value === area;
    await tabTo(box, `the box for ${area}`);
    await press('Space', (f) => box(f) && f.checked, `the box for ${area}`);
    const marked = await page.locator(`svg.body-picture [data-area="${area}"]`).first().getAttribute('class');
    if (!marked?.includes('marked')) throw new Error(`ticking ${area} by keyboard did not mark it on the body picture`);
  }
  const side = await tabTo((f) => f.name === 'side', 'the side');
  await press('Space', (f) => f.name === 'side' && f.value === side.value && f.checked, `the side ${side.value}`);
  await tabTo((f) => f.name === 'painLocations', 'back to the places', 'Shift+Tab');
  await tabTo((f) => f.name === 'side' && f.checked, 'the chosen side again');
  await tabTo((f) => f.tag === 'button' && f.label === 'Next', 'Next');
  await page.keyboard.press('Enter');
  await page.locator('.step-count').filter({ hasText: /^2 \// }).waitFor();
  const landed = await focused();
  if (landed?.tag !== 'h1' || !landed.visible || !landed.label) throw new Error(`after Enter the focus is on ${landed ? landed.tag : 'nothing'}, not the next step's heading`);
  visited.push(`Enter: h1 "${landed.label}"`);
  return { visited, areas, side: side.value, landedOn: landed.label };
}

/**
 * The library searched and filtered as a person does it: words in the search box, "only safe while acute" ticked, the
 * form sent. The address carries the filters, the list shrinks to what the catalog finds, and the form shows them.
 */
async function searchTheLibrary(page) {
  const count = async () => Number((await page.locator('main p[role="status"]').innerText()).match(/\d+/)?.[0] ?? NaN);
  const all = await count();
  const form = page.locator('form.filters');
  await form.locator('input[name="q"]').fill('stretch');
  await form.locator('input[name="acuteSafe"]').check();
  await Promise.all([
    page.waitForResponse((r) => /\/exercises\?/.test(r.url()) && new URL(r.url()).searchParams.get('q') === 'stretch'),
    form.getByRole('button', { name: 'Search' }).click(),
  ]);
  await page.locator('main[aria-busy]').waitFor({ state: 'detached' });
  const address = new URL(page.url()).hash;
  const found = await count();
  const titles = (await page.locator('ul.cards h2').allInnerTexts()).map((t) => t.trim());
  const kept = { q: await form.locator('input[name="q"]').inputValue(), acuteSafe: await form.locator('input[name="acuteSafe"]').isChecked() };
  if (!address.includes('q=stretch') || !address.includes('acuteSafe=true')) throw new Error(`the filtered library's address is ${address}`);
  if (!(found > 0 && found < all) || titles.length !== found) throw new Error(`the filtered library shows ${found} (${titles.length} cards) of ${all}`);
  if (kept.q !== 'stretch' || !kept.acuteSafe) throw new Error(`the filters shown are ${JSON.stringify(kept)}`);
  await shoot(page, 'exercises-filtered');
  return { all, found, titles, address };
}

/** The week 1 row of the progress screen's figures: what the chart draws, as its table reads. */
async function weekOneDone(page, { again = false } = {}) {
  // The same address again is no navigation at all: read the screen anew by reloading the page.
  if (again) {
    await page.reload();
    await screen(page);
  } else {
    await open(page, '#/progress');
  }
  return Number(await page.locator('table.figures').first().locator('tbody tr').first().locator('td').last().innerText());
}

async function selfCare(page, person) {
  await page.goto(`${base}/`);
  await screen(page);
  await shoot(page, 'home-signed-out');
  await open(page, '#/exercises');
  await shoot(page, 'exercises');
  const library = await searchTheLibrary(page);
  await page.locator('main a[href^="#/exercises/"]').first().click();
  await screen(page);
  await shoot(page, 'exercise');

  await signUp(page, person, { screenshots: true });
  await shoot(page, 'home');
  await open(page, '#/progress');
  await shoot(page, 'progress-no-plan');

  const sent = await fillSymptomCheck(page, DESK_WORKER, { screenshots: true });
  if (sent.status !== 202) throw new Error(`the report was answered ${sent.status}, not 202`);
  await page.waitForURL(`**/#/recommendation/${sent.reportId}`);
  await screen(page);
  const level = (await page.locator('main h1').first().innerText()).trim();
  if (level !== 'Self-care') throw new Error(`a desk worker's front-of-hip ache led to "${level}", not Self-care`);
  const phases = await page.locator('ol.phases > li.phase').count();
  const exercises = await page.locator('ol.phases a[href^="#/exercises/"]').count();
  if (phases === 0 || exercises === 0) throw new Error(`the self-care plan shows ${phases} phases and ${exercises} exercises`);
  await shoot(page, 'recommendation-self-care');
  await page.locator('details.why summary').click();
  await page.getByRole('heading', { name: 'Rules that applied' }).waitFor();
  const rules = await page.locator('details.why h3:has-text("Rules that applied") + ul > li').count();
  if (rules === 0) throw new Error('"why this?" names no rule');
  await shoot(page, 'recommendation-why-this');

  await page.getByRole('button', { name: 'Start my plan' }).click();
  await page.waitForURL('**/#/plan');
  await screen(page);
  await page.getByText('Active', { exact: true }).waitFor();
  await shoot(page, 'plan');
  const before = await weekOneDone(page);
  await shoot(page, 'progress-before-session');

  const session = await guidedSession(page, { screenshots: true });
  if (session.status !== 201) throw new Error(`the finished session was answered ${session.status}, not 201`);
  await page.getByText('Session saved.').waitFor();
  await shoot(page, 'session-saved');

  // Adherence is recomputed from the stored sessions; the chart's week 1 moves once the session counts.
  let after = await weekOneDone(page);
  for (const deadline = Date.now() + TIMEOUT; after === before && Date.now() < deadline;) after = await weekOneDone(page, { again: true });
  if (after !== before + 1) throw new Error(`week 1 shows ${after} done after the session, ${before} before`);
  const doneBar = Number(await page.locator('svg.chart rect.bar-done').first().getAttribute('height'));
  if (!(doneBar > 0)) throw new Error(`the chart draws week 1's done bar ${doneBar} high`);
  await shoot(page, 'progress');
  const summary = await downloadSummary(page);

  await open(page, '#/check-in');
  await page.locator('input[name="kind"][value="now"]').check();
  await page.locator('input[name="pain"][value="2"]').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved. Thank you.').waitFor();
  await shoot(page, 'check-in');
  return { reportId: sent.reportId, level, phases, exercises, rules, weekOneBefore: before, weekOneAfter: after, sessionId: session.sessionId, summary, library };
}

/**
 * Today's session from the plan, task by task: pain before, each exercise (a countdown is started and the page's clock
 * moved on to its end, a rep counted), pain after, the worst pain during it and how hard it felt, finish. With
 * `hurtsInFirst`, the person says during the first exercise that it hurts that much, is told to stop it when that is
 * above 5, and stops it; from 7 on the app asks whether it was pain or a strong stretch feeling and `painKind` answers.
 * Answers the session id sent, the body sent and the service's status (null when nothing answered: offline).
 */
async function guidedSession(page, { screenshots = false, offline = null, hurtsInFirst = null, painDuring = 2, effort = 'about-right', painKind = null } = {}) {
  await open(page, '#/session');
  if (screenshots) await shoot(page, 'session-pain-before');
  await page.locator('input[name="painBefore"][value="3"]').check();
  await page.getByRole('button', { name: 'Begin' }).click();
  let timed = false;
  let tasks = 0;
  let stopShown = null;
  while (await page.locator('.task').count()) {
    tasks += 1;
    const position = await page.locator('.task .step-count').innerText();
    const timer = page.locator('.task .countdown');
    const [m, s] = (await timer.count()) ? (await timer.innerText()).split(' ')[0].split(':').map(Number) : [0, 0];
    // One hold's countdown run to its end on the page's clock, sped up: the hold passes in an instant. Only a hold of
    // up to two minutes, so that the page's clock stays well within the access token's five minutes.
    if (!timed && m * 60 + s > 0 && m * 60 + s <= 120) {
      await page.locator('.task .timer button').click();
      await page.clock.runFor((m * 60 + s) * 1000 + 500);
      await timer.filter({ hasText: /^0:00/ }).waitFor();
      if (screenshots) await shoot(page, 'session-countdown-done');
      timed = true;
    }
    const rep = page.getByRole('button', { name: 'Count a rep' });
    if (await rep.count()) {
      await rep.click();
      await page.locator('.task .counter output').filter({ hasText: /^1 of / }).waitFor();
    }
    if (screenshots && tasks === 1) await shoot(page, 'session-task');
    if (hurtsInFirst !== null && tasks === 1) {
      await page.getByRole('button', { name: 'It hurts: rate my pain' }).click();
      await page.locator(`input[name="painNow"][value="${hurtsInFirst}"]`).check();
      stopShown = (await page.locator('.pain-advice').filter({ hasText: /\S/ }).innerText()).trim();
      if (painKind !== null) {
        await page.locator(`input[name="painKindNow"][value="${painKind}"]`).check();
        await shoot(page, 'session-pain-or-stretch');
      }
      if (hurtsInFirst > 5) {
        if (!/stop this exercise/i.test(stopShown)) throw new Error(`pain ${hurtsInFirst} during an exercise was answered "${stopShown}"`);
        await shoot(page, 'session-stop-exercise');
        await page.getByRole('button', { name: 'Stop this exercise' }).click();
        await page.waitForFunction((before) => document.querySelector('.task .step-count')?.textContent !== before, position);
        continue;
      }
    }
    await page.locator('.task').getByRole('button', { name: 'Done' }).click();
    // The next task (its place "n / total" differs) or the end of the session.
    await page.waitForFunction((before) => document.querySelector('.task .step-count')?.textContent !== before, position);
    if (tasks > 100) throw new Error('the session never ends');
  }
  await page.locator('input[name="painAfter"][value="2"]').check();
  // The worst pain said during the session is already the answer; a person who said nothing gives it now.
  const during = page.locator(`input[name="painDuring"][value="${painDuring}"]`);
  if (hurtsInFirst !== null && !(await during.isChecked())) throw new Error(`the worst pain during the session is not the ${painDuring} said during it`);
  await during.check();
  if (painKind !== null) {
    // The answer given during the exercise is the session's: the question is asked again, already answered.
    const kind = page.locator(`input[name="painKind"][value="${painKind}"]`);
    if (hurtsInFirst !== null && !(await kind.isChecked())) throw new Error(`"${painKind}" said during the exercise is not the session's answer`);
    await kind.check();
  }
  await page.locator(`input[name="effort"][value="${effort}"]`).check();
  if (screenshots) await shoot(page, 'session-pain-after');
  if (offline) await offline();
  const request = page.waitForRequest((r) => r.url().endsWith('/me/sessions') && r.method() === 'POST');
  const response = offline ? null : page.waitForResponse((r) => r.url().endsWith('/me/sessions') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Finish and save' }).click();
  const body = (await request).postDataJSON();
  return { sessionId: body.sessionId, body, tasks, stopShown, status: response ? (await response).status() : null };
}

/**
 * Both forms of the summary for a professional, downloaded from the progress screen as a person would: the PDF's
 * first bytes and the FHIR Bundle's resource types go to the results, for the Java side to check.
 */
async function downloadSummary(page) {
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  };
  const pdf = await download(/Download my summary/);
  const fhir = await download(/FHIR R4/);
  const bundle = JSON.parse(fhir.bytes.toString('utf8'));
  return {
    pdfFile: pdf.name, pdfStart: pdf.bytes.subarray(0, 5).toString('latin1'), pdfBytes: pdf.bytes.length,
    fhirFile: fhir.name, fhirType: bundle.resourceType, fhirResources: [...new Set((bundle.entry ?? []).map((e) => e.resource.resourceType))].sort(),
  };
}

async function urgentCare(page, person) {
  await signUp(page, person);
  const sent = await fillSymptomCheck(page, { ...DESK_WORKER, intensity: 7, warningSigns: ['fever-or-unwell', 'hot-swollen-hip'] });
  await page.waitForURL(`**/#/recommendation/${sent.reportId}`);
  await screen(page);
  const level = (await page.locator('main h1').first().innerText()).trim();
  if (level !== 'Get urgent care today') throw new Error(`fever with a hot, swollen hip led to "${level}", not urgent care`);
  const exerciseLinks = await page.locator('main a[href^="#/exercises/"]').count();
  const startButtons = await page.getByRole('button', { name: 'Start my plan' }).count();
  const held = await page.getByText('No exercises until a professional has seen you.').count();
  const leftOut = await page.getByRole('heading', { name: 'Left out for you' }).count();
  if (exerciseLinks !== 0 || startButtons !== 0 || held !== 1 || leftOut !== 0) {
    throw new Error(`urgent care shows ${exerciseLinks} exercises, ${startButtons} start buttons, ${held} "no exercises" notes, ${leftOut} exclusions`);
  }
  await shoot(page, 'recommendation-urgent-care');
  return { reportId: sent.reportId, level, exerciseLinks };
}

/**
 * Answers the service refuses (a start 3 days in the future, 30 hours of sitting a day): each field shows the service's
 * message, the person is taken to the first, and nothing is recorded. Then the address of another person's report.
 */
async function invalidInput(page, person, othersReportId) {
  await signUp(page, person);
  const sent = await fillSymptomCheck(page, { ...DESK_WORKER, daysSinceOnset: '-3', hoursSittingPerDay: '30' });
  if (sent.status !== 400) throw new Error(`invalid answers were answered ${sent.status}, not 400`);
  await page.locator('.step-count').filter({ hasText: /^2 \// }).waitFor();
  const daysMessage = (await page.locator('[id="field-daysSinceOnset"] .field-error').innerText()).trim();
  const summary = (await page.locator('.error-summary').innerText()).trim();
  if (!summary.includes('Hours you sit on a usual day')) throw new Error(`the summary does not name the hours of sitting: ${summary}`);
  await shoot(page, 'symptom-check-invalid');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('.step-count').filter({ hasText: /^3 \// }).waitFor();
  for (let n = 3; n < 8; n += 1) {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('.step-count').filter({ hasText: new RegExp(`^${n + 1} /`) }).waitFor();
  }
  const hoursMessage = (await page.locator('[id="field-profile.hoursSittingPerDay"] .field-error').innerText()).trim();
  if (page.url().includes('#/recommendation/')) throw new Error('the app moved on to a recommendation');

  let othersReport = null;
  if (othersReportId) {
    await open(page, `#/recommendation/${encodeURIComponent(othersReportId)}`);
    const text = await page.locator('main').innerText();
    const notFound = (await page.locator('main h1').innerText()).trim();
    const leaked = ['Self-care', 'Your plan', 'Why this?', 'Start my plan'].filter((word) => text.includes(word));
    if (notFound !== 'Not found' || leaked.length) throw new Error(`another person's report shows "${notFound}" and ${leaked.join(', ') || 'nothing of theirs'}`);
    await shoot(page, 'recommendation-not-found');
    othersReport = { reportId: othersReportId, shown: notFound };
  }
  await signOutAndIn(page, person);
  return { reportId: sent.reportId, daysMessage, hoursMessage, othersReport, signedOutAndIn: true };
}

/** Signs out through the provider, comes back signed out, and signs in again with the same account. */
async function signOutAndIn(page, person) {
  const ours = (url) => url.origin === new URL(base).origin;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(ours);
  await page.getByRole('button', { name: 'Sign in' }).first().click();
  await page.locator('#username').waitFor();
  await page.locator('#username').fill(person.username);
  await page.locator('#password').fill(person.password);
  await page.locator('#kc-login').click();
  await page.waitForURL(ours);
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await screen(page);
}

/** A new person signs up, sends a desk worker's report and starts the plan it gives; answers the report sent. */
async function withADeskWorkersPlan(page, person) {
  await signUp(page, person);
  const sent = await fillSymptomCheck(page, DESK_WORKER);
  await page.waitForURL(`**/#/recommendation/${sent.reportId}`);
  await screen(page);
  await page.getByRole('button', { name: 'Start my plan' }).click();
  await page.waitForURL('**/#/plan');
  // The plan screen itself, not the recommendation screen still shown while the address has moved on.
  await page.getByText('Active', { exact: true }).waitFor();
  return sent;
}

/** A session finished with no connection is kept on the device and sent once the connection returns. */
async function offlineSession(page, person, context) {
  const sent = await withADeskWorkersPlan(page, person);
  const posts = [];
  page.on('response', (r) => { if (r.url().endsWith('/me/sessions') && r.request().method() === 'POST') posts.push(r.status()); });
  const session = await guidedSession(page, { offline: () => context.setOffline(true) });
  await page.getByText('Session kept on this device; it is sent when you are back online.').waitFor();
  await page.locator('.status-line').filter({ hasText: '1 session(s) waiting to be sent' }).waitFor();
  await shoot(page, 'session-kept-offline');
  const [sentOnline] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/me/sessions') && r.request().method() === 'POST'),
    context.setOffline(false),
  ]);
  const resent = sentOnline.request().postDataJSON().sessionId;
  await page.waitForFunction(() => !document.querySelector('.status-line')?.textContent?.includes('waiting'));
  if (resent !== session.sessionId) throw new Error(`the session was sent as ${resent}, begun as ${session.sessionId}`);
  if (sentOnline.status() !== 201) throw new Error(`the resent session was answered ${sentOnline.status()}`);
  return { reportId: sent.reportId, sessionId: session.sessionId, answers: posts };
}

/**
 * A morning check-in (pain on waking), then a session in which the first exercise hurts 6: the app says to stop it, the
 * person does, and gives 6 as the worst pain during the session and "too hard". The plan steps back at once (pain
 * during above 5 decides on the session's own day), and the plan's "why it changed" card shows it with its rule.
 */
async function stepBack(page, person) {
  const sent = await withADeskWorkersPlan(page, person);
  await page.locator('.why-changed').filter({ hasText: 'No change since your last session.' }).waitFor();

  await open(page, '#/check-in');
  await page.locator('input[name="kind"][value="waking"]').check();
  await page.locator('input[name="pain"][value="3"]').check();
  const [checkIn, checkInAnswer] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/me/check-ins') && r.method() === 'POST'),
    page.waitForResponse((r) => r.url().endsWith('/me/check-ins') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Save' }).click(),
  ]);
  await page.getByText('Morning rating saved. Thank you.').waitFor();
  await shoot(page, 'check-in-morning');

  const session = await guidedSession(page, { screenshots: false, hurtsInFirst: 6, painDuring: 6, effort: 'too-hard' });
  if (session.status !== 201) throw new Error(`the painful session was answered ${session.status}, not 201`);
  await page.getByText('Session saved.').waitFor();

  await open(page, '#/plan');
  const change = page.locator('.why-changed li.change[data-rule="TRK-ADAPT-STEP-BACK"]').first();
  await change.waitFor();
  const card = (await change.innerText()).trim();
  const rule = (await change.locator('code').innerText()).trim();
  const painDuringFigure = (await change.locator('[data-figure="painDuring"]').innerText()).trim();
  await shoot(page, 'plan-why-it-changed');
  return {
    reportId: sent.reportId, checkInId: checkIn.postDataJSON().checkInId, waking: checkIn.postDataJSON().waking === true,
    checkInStatus: checkInAnswer.status(), sessionId: session.sessionId, painDuringSent: session.body.painDuring,
    effortSent: session.body.effort, stopShown: session.stopShown, rule, painDuringFigure, card,
  };
}

/**
 * A person with a plan opens the root-cause experiments from the plan screen and starts one from the suggested
 * checklist item: the running card names the phase (the baseline) and what to do each morning. A second start while it
 * runs is refused (409) and the screen shows the service's message.
 */
async function experiment(page, person) {
  const sent = await withADeskWorkersPlan(page, person);
  await page.getByRole('link', { name: 'Find what sets the pain off: try one change' }).click();
  await page.waitForURL('**/#/experiments');
  await page.getByRole('heading', { level: 1, name: 'My root-cause experiments' }).waitFor();
  await screen(page);
  await page.getByText('No experiments yet.').waitFor();
  const suggested = page.locator('input[name="checklistItem"]:checked');
  const suggestedItem = await suggested.inputValue();
  const suggestedLabel = (await page.locator('label.choice', { has: suggested }).innerText()).trim();
  await shoot(page, 'experiments-start');

  const startOnce = async (words) => {
    await page.getByLabel('The change, in your words').fill(words);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/me/experiments') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Start the experiment' }).click(),
    ]);
    return answer;
  };
  const first = await startOnce('squats in front of a mirror, knees over my ankles');
  if (first.status() !== 201) throw new Error(`the first experiment was answered ${first.status()}, not 201`);
  const { experimentId, startDate } = await first.json();
  const card = page.locator('.experiment-running');
  await card.waitFor();
  const phase = (await card.locator('.experiment-phase').innerText()).trim();
  const morning = (await card.locator('.experiment-morning').innerText()).trim();
  const advice = (await card.locator('.experiment-advice').innerText()).trim();
  await shoot(page, 'experiments-running');

  // While one runs, starting another is folded away with the reason; a person who opens it anyway is told why not.
  const foldedAway = (await page.locator('details.experiment-another').getAttribute('open')) === null;
  await page.getByText('Start another experiment').click();
  const second = await startOnce('flat shoes instead of heeled boots');
  const problem = page.locator('form.experiment-start .problem');
  await problem.waitFor();
  const conflictMessage = (await problem.innerText()).replace(/\s+/g, ' ').trim();
  await shoot(page, 'experiments-second-refused');
  return {
    reportId: sent.reportId, suggestedItem, suggestedLabel, experimentId, startDate, phase, morning, advice,
    foldedAway, secondStatus: second.status(), conflictMessage, conflictDetail: (await second.json()).detail,
  };
}

/**
 * The activities a person finds hard (the PSFS) named and rated at the start of the plan; a session whose first exercise
 * hurts 7, which the person says is pain, not a strong stretch feeling; then the plan leads with the escalation
 * (TRK-ESCALATE-SESSION-PAIN): see a professional within a week, tracking's sentence, the summary to take along.
 */
async function painEscalation(page, person) {
  const sent = await withADeskWorkersPlan(page, person);
  await page.locator('.psfs-due a').click();
  await screen(page);
  const activities = [['Sitting through a film', 4], ['Getting out of the car', 6]];
  const form = page.locator('form.psfs');
  for (const [i, [activity, rating]] of activities.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Add another activity' }).click();
    await form.locator(`#psfs-activity-${i}`).fill(activity);
    await form.locator(`input[name="psfs-${i}"][value="${rating}"]`).check();
  }
  await shoot(page, 'progress-psfs-start');
  const [psfs] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/me/outcomes') && r.request().method() === 'POST'),
    form.getByRole('button', { name: 'Save my ratings' }).click(),
  ]);
  await page.locator('table.psfs-table').waitFor();
  const shownActivities = (await page.locator('table.psfs-table tbody th').allInnerTexts()).map((t) => t.trim());
  await shoot(page, 'progress-psfs');

  const session = await guidedSession(page, { hurtsInFirst: 7, painDuring: 7, effort: 'too-hard', painKind: 'pain' });
  if (session.status !== 201) throw new Error(`the session that hurt 7 was answered ${session.status}, not 201`);
  await page.getByText('Session saved.').waitFor();

  await open(page, '#/plan');
  const card = page.locator('section.escalation');
  await card.locator('[data-rule="TRK-ESCALATE-SESSION-PAIN"]').waitFor();
  const escalation = {
    title: (await card.locator('h2').first().innerText()).trim(), urgency: await card.getAttribute('data-urgency'),
    reason: (await card.locator('[data-rule="TRK-ESCALATE-SESSION-PAIN"] p').first().innerText()).trim(),
    summaryOffered: await card.getByRole('button', { name: /Download my summary/ }).count(),
    beforeThePlan: await page.evaluate(() => document.querySelector('main h1')?.nextElementSibling?.classList.contains('escalation') ?? false),
  };
  await shoot(page, 'plan-escalation');
  return {
    reportId: sent.reportId, psfsStatus: psfs.status(), activitiesSent: psfs.request().postDataJSON().activities, shownActivities,
    sessionId: session.sessionId, painDuringSent: session.body.painDuring, painKindSent: session.body.painKind ?? null,
    stopShown: session.stopShown, escalation,
  };
}

/**
 * A step forward needs 7 days since the plan began and three tolerated sessions with each next morning rated: a journey
 * cannot live through a week, so the week is sent as an app on the person's behalf could send it (the plan begun 8 days
 * ago, the mornings and the sessions dated on their days, with the person's own token), and then the browser shows
 * today's plan: the "why it changed" card with the step forward, its rule, its figures and its sentence.
 */
async function stepForward(page, person) {
  const sent = await withADeskWorkersPlan(page, person);
  const config = await (await fetch(`${base}/config.json`)).json();
  const token = await tokenOf(config.oidcIssuer, person);
  const call = async (method, path, body) => {
    const answer = await fetch(`${config.trackingUrl}${path}`, {
      method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${await answer.text()}`);
    return answer.json();
  };
  const day = (daysAgo) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const { exercises } = await call('GET', '/me/plan');
  await call('POST', '/me/plan/start', { timeZone: 'UTC', startDate: day(8) });
  for (let daysAgo = 5; daysAgo >= 0; daysAgo -= 1) {
    await call('POST', '/me/check-ins', { checkInId: randomUUID(), timeZone: 'UTC', pain: 3, waking: true,
      ...(daysAgo > 0 ? { at: `${day(daysAgo)}T07:00:00Z` } : {}) });
  }
  for (let daysAgo = 3; daysAgo >= 1; daysAgo -= 1) {
    await call('POST', '/me/sessions', { sessionId: randomUUID(), startedAt: `${day(daysAgo)}T18:00:00Z`, timeZone: 'UTC',
      minutes: 20, phases: ['release', 'stretch', 'strengthen'], exercises, sides: 'both', painBefore: 3, painAfter: 2,
      painDuring: 2, effort: 'about-right' });
  }

  // The page shows My plan already: loaded again, it asks tracking for today's plan afresh.
  await page.reload();
  await screen(page);
  const change = page.locator('.why-changed li.change[data-rule="TRK-ADAPT-STEP-FORWARD"]').first();
  await change.waitFor();
  const card = (await change.innerText()).trim();
  const rule = (await change.locator('code').innerText()).trim();
  const toleratedFigure = (await change.locator('[data-figure="toleratedInARow"]').innerText()).trim();
  await shoot(page, 'plan-step-forward');
  return { reportId: sent.reportId, rule, toleratedFigure, card };
}

/**
 * A limp is the red flag RF-GAIT: see a professional, with no exercises until then. The first step of the check is
 * answered with the keyboard only. The recommendation says what to do and how soon, holds back every exercise and the
 * plan start, and offers the summary to take along.
 */
async function seeProfessional(page, person) {
  await signUp(page, person);
  const sent = await fillSymptomCheck(page, { ...DESK_WORKER, signs: ['limping'] }, { byKeyboard: true });
  if (sent.status !== 202) throw new Error(`the report was answered ${sent.status}, not 202`);
  await page.waitForURL(`**/#/recommendation/${sent.reportId}`);
  await screen(page);
  const level = (await page.locator('main h1').first().innerText()).trim();
  if (level !== 'See a professional') throw new Error(`a limp led to "${level}", not See a professional`);
  const urgency = (await page.locator('.level-banner .urgency').innerText()).trim();
  const whatToDo = (await page.locator('.level-banner li').allInnerTexts()).map((t) => t.trim());
  const exerciseLinks = await page.locator('main a[href^="#/exercises/"]').count();
  const startButtons = await page.getByRole('button', { name: 'Start my plan' }).count();
  const held = await page.getByText('No exercises until a professional has seen you.').count();
  const summaryOffered = await page.getByRole('button', { name: /Download my summary/ }).count();
  if (exerciseLinks !== 0 || startButtons !== 0 || held !== 1 || summaryOffered !== 1 || whatToDo.length === 0) {
    throw new Error(`see a professional shows ${exerciseLinks} exercises, ${startButtons} start buttons, ${held} "no exercises" notes, `
      + `${summaryOffered} summary offers and ${whatToDo.length} things to do`);
  }
  await shoot(page, 'recommendation-see-professional');
  return { reportId: sent.reportId, level, urgency, whatToDo, exerciseLinks, startButtons, keyboard: sent.keyboard };
}

/**
 * A person pauses their plan (no session offered while it is paused), then restarts it: the app sends tracking's start
 * with the device's time zone and no recommendation, the plan is active again from day 1, and today's session opens.
 */
async function pauseRestart(page, person) {
  const sent = await withADeskWorkersPlan(page, person);
  const [paused] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/me/plan/pause') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Pause my plan' }).click(),
  ]);
  await page.getByText('Paused', { exact: true }).waitFor();
  const whilePaused = {
    pauseButtons: await page.getByRole('button', { name: 'Pause my plan' }).count(),
    sessionLinks: await page.getByRole('link', { name: "Do today's session" }).count(),
    restartButtons: await page.getByRole('button', { name: 'Restart from day 1' }).count(),
  };
  if (whilePaused.pauseButtons !== 0 || whilePaused.sessionLinks !== 0 || whilePaused.restartButtons !== 1) {
    throw new Error(`the paused plan offers ${JSON.stringify(whilePaused)}`);
  }
  await shoot(page, 'plan-paused');
  const [request, response] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/me/plan/start') && r.method() === 'POST'),
    page.waitForResponse((r) => r.url().endsWith('/me/plan/start') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Restart from day 1' }).click(),
  ]);
  const restarted = await response.json();
  await page.getByText('Active', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Pause my plan' }).waitFor();
  if (response.status() !== 200 || restarted.status !== 'active') throw new Error(`the restart was answered ${response.status()}: ${JSON.stringify(restarted)}`);
  await shoot(page, 'plan-restarted');
  // It runs again: today's session is there to begin.
  await page.getByRole('link', { name: "Do today's session" }).click();
  await page.waitForURL('**/#/session');
  await screen(page);
  await page.getByRole('button', { name: 'Begin' }).waitFor();
  return {
    reportId: sent.reportId, pauseStatus: paused.status(), whilePaused, restartBody: request.postDataJSON(), restartStatus: response.status(),
    statusAfter: restarted.status, startDateAfter: restarted.startDate, sessionOffered: true,
  };
}

/**
 * Installable and working offline: the manifest is served for standalone display with an icon of 512 px or more (the
 * icon itself served as such a PNG), the service worker gets ready, and with the connection gone a reload still shows
 * the app's shell and its heading.
 */
async function installable(page, person, context) {
  await open(page, '#/');
  const answer = await page.request.get(`${base}/manifest.webmanifest`);
  if (!answer.ok()) throw new Error(`/manifest.webmanifest answered ${answer.status()}`);
  const manifest = await answer.json();
  const linked = await page.locator('link[rel="manifest"]').getAttribute('href');
  const side = (sizes) => Math.max(0, ...String(sizes ?? '').split(/\s+/).map((s) => Math.min(...s.split('x').map(Number))).filter(Number.isFinite));
  const icon = [...(manifest.icons ?? [])].sort((x, y) => side(y.sizes) - side(x.sizes))[0];
  if (manifest.display !== 'standalone') throw new Error(`the manifest's display is ${manifest.display}`);
  if (!icon || side(icon.sizes) < 512) throw new Error(`the manifest's largest icon is ${icon?.sizes ?? 'missing'}`);
  const png = await page.request.get(new URL(icon.src, `${base}/manifest.webmanifest`).href);
  const bytes = await png.body();
  const iconWidth = bytes.subarray(1, 4).toString('latin1') === 'PNG' ? bytes.readUInt32BE(16) : 0;
  const iconHeight = iconWidth ? bytes.readUInt32BE(20) : 0;
  if (!png.ok() || Math.min(iconWidth, iconHeight) < 512) throw new Error(`the icon ${icon.src} is served ${png.status()} as ${iconWidth}x${iconHeight}`);

  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await context.setOffline(true);
  await page.reload();
  await screen(page);
  const heading = (await page.locator('main h1').first().innerText()).trim();
  const brand = (await page.locator('header .brand').innerText()).trim();
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!heading || !controlled) throw new Error(`offline, the reloaded page shows "${heading}" and is ${controlled ? '' : 'not '}controlled by the service worker`);
  await shoot(page, 'offline-shell');
  await context.setOffline(false);
  return {
    manifest: { linked, contentType: answer.headers()['content-type'], display: manifest.display, icon: icon.src, sizes: icon.sizes, iconWidth, iconHeight },
    serviceWorkerScope: scope, offline: { heading, brand, controlled },
  };
}

/** The person's access token from the provider, by their password (the local realm's client for scripts and tests). */
async function tokenOf(issuer, person) {
  const answer = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'hipflex-dev-tokens', username: person.username, password: person.password }),
  });
  if (!answer.ok) throw new Error(`the provider refused a token for ${person.username}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()).access_token;
}

/**
 * A screenshot of the screen at phone and at desktop width (`<name>-phone.png`, `<name>-desktop.png`). At each width the
 * page must not scroll sideways and axe-core must find no serious or critical violation; either fails the journey.
 */
async function shoot(page, name, { axe = true } = {}) {
  const problems = [];
  for (const [width, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    await page.setViewportSize(viewport);
    const file = `${name}-${width}.png`;
    await page.screenshot({ path: join(shots, file), fullPage: true });
    results.screenshots.push(file);
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    if (overflow.scroll > overflow.inner + 1) problems.push(`${width}: ${overflow.scroll} px wide in a ${overflow.inner} px window (horizontal scrolling)`);
    if (axe) {
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
      if (violations.length) problems.push(`${width}: axe-core: ${violations.join('; ')}`);
    }
  }
  await page.setViewportSize(PHONE);
  if (problems.length) throw new Error(`${name}: ${problems.join(' | ')}`);
}
