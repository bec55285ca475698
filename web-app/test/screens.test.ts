// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { adherence, context, fakePlatform, fixture, problem } from './fakePlatform';
import { shell, show } from '../src/app';
import { checkScreen } from '../src/screens/check';
import { REPORT } from '../src/words';

async function flush(times = 10) {
  for (let i = 0; i < times; i += 1) await new Promise((r) => setTimeout(r, 0));
}

/** Serious and critical axe violations of what is on the page (colour contrast needs a real browser's layout). */
async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function render(hash: string, options: { signedIn?: boolean; handler?: Parameters<typeof fakePlatform>[0] } = {}) {
  const platform = fakePlatform(options.handler);
  const ctx = context(platform.fetchImpl, options.signedIn ?? true);
  const { root, main } = shell(ctx);
  document.body.replaceChildren(root);
  window.location.hash = hash;
  await show(ctx, main, hash);
  return { ctx, main, calls: platform.calls };
}

function click(el: Element | null | undefined) {
  if (!el) throw new Error('nothing to click');
  (el as HTMLElement).click();
}

function tick(container: ParentNode, name: string, value: string) {
  click(container.querySelector(`input[name="${name}"][value="${value}"]`));
}

function type(container: ParentNode, label: string, value: string) {
  const input = [...container.querySelectorAll('label')].find((l) => l.textContent === label)?.control as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const next = (main: ParentNode) => click(main.querySelector('button[type="submit"]'));

/** Answers the two screening steps with no finding, as most people will, and moves past each. */
function answerScreening(main: ParentNode) {
  type(main, REPORT.age.label, '40');
  tick(main, 'screening.pregnancy', 'not-pregnant'); tick(main, 'screening.gaveBirthInLast3Months', 'no');
  next(main);
  tick(main, 'screening.groinLump', 'none'); tick(main, 'screening.painIntoTesticle', 'none');
  for (const q of ['bellyPain', 'painOnStraighteningTheHip', 'urinarySymptoms', 'painOnlyWhenLyingOnIt', 'constantPainDayAndNight',
    'fallSinceThePainBegan', 'achingHipsWithMorningStiffness']) tick(main, `screening.${q}`, 'no');
  next(main);
}

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.replaceChildren();
});

describe('every screen', () => {
  const screens = ['#/', '#/check', '#/recommendation/7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', '#/recommendation/urgent', '#/exercises',
    '#/exercises?q=psoas&acuteSafe=true', '#/exercises/couch-stretch', '#/plan', '#/session', '#/check-in', '#/progress', '#/nowhere'];
  for (const hash of screens) {
    it(`${hash} has a heading that takes the focus, a title, and no serious accessibility violation`, async () => {
      const { main } = await render(hash);
      const title = main.querySelector('h1');
      expect(title?.textContent).toBeTruthy();
      expect(document.activeElement).toBe(title);
      expect(document.title).toContain(title?.textContent ?? '');
      expect(await seriousViolations()).toEqual([]);
    });
  }

  it('signed out, a person\'s own screen asks to sign in and reads nothing', async () => {
    const { main, calls } = await render('#/progress', { signedIn: false });
    expect(main.querySelector('h1')?.textContent).toBe('Sign in');
    expect(calls).toEqual([]);
    expect(await seriousViolations()).toEqual([]);
  });

  it('another person\'s report id in the address shows not found, never data', async () => {
    const { main } = await render('#/recommendation/someone-elses-report');
    expect(main.querySelector('h1')?.textContent).toBe('Not found');
    expect(main.querySelector('.recommendation')).toBeNull();
    expect(main.querySelector('button')).toBeNull();
  });
});

describe('the symptom check', () => {
  it('will not move on before a step is answered, and says so next to the field', async () => {
    const { main } = await render('#/check');
    next(main);
    expect(main.querySelector('#field-painLocations .field-error')?.textContent).toBe(REPORT.required);
    expect(main.querySelector('#field-side .field-error')?.textContent).toBe(REPORT.required);
    expect(main.querySelector('#field-painLocations input')?.getAttribute('aria-invalid')).toBe('true');
    expect(main.querySelector('.step-count')?.textContent).toMatch(/^1 \//);
  });

  it('a tap on the body picture ticks the place it hurts', async () => {
    const { main } = await render('#/check');
    main.querySelector('[data-area="groin"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((main.querySelector('input[name="painLocations"][value="groin"]') as HTMLInputElement).checked).toBe(true);
    expect(main.querySelector('[data-area="groin"]')?.getAttribute('class')).toContain('marked');
  });

  it('shows each field the service refuses next to that field, on the step that asks it, and records nothing', async () => {
    const sent: unknown[] = [];
    const { main, ctx } = await render('#/check', { handler: (call) => {
      if (call.method !== 'POST') return undefined;
      sent.push(call.body);
      return problem(400, 'Invalid request', [{ field: 'profile.hoursSittingPerDay', message: 'must be from 0 to 24' }, { field: 'daysSinceOnset', message: 'must be from 0 to 3650' }]);
    } });
    tick(main, 'painLocations', 'front-of-hip'); tick(main, 'side', 'right'); next(main);
    tick(main, 'qualities', 'dull-ache'); tick(main, 'intensity', '4'); tick(main, 'onset', 'gradual'); type(main, REPORT.daysSinceOnset.label, '99999'); next(main);
    next(main); next(main);
    for (const word of Object.keys(REPORT.warningSigns.questions)) tick(main, `warning-${word}`, 'no');
    next(main);
    answerScreening(main);
    tick(main, 'profile.runner', 'no'); tick(main, 'profile.deskWorker', 'yes'); tick(main, 'profile.wearsRaisedHeels', 'no');
    tick(main, 'profile.wantsDeepPsoasRelease', 'no');
    type(main, REPORT.profile.hoursSittingPerDay, '30'); next(main);
    expect(main.querySelector('.step-count')?.textContent).toContain(REPORT.steps[8]);
    next(main);
    await flush();

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ daysSinceOnset: 99999, profile: { hoursSittingPerDay: 30 }, warningSigns: [] });
    expect(ctx.navigated).toEqual([]);
    expect(main.querySelector('.step-count')?.textContent).toContain(REPORT.steps[1]);
    expect(main.querySelector('#field-daysSinceOnset .field-error')?.textContent).toBe('must be from 0 to 3650');
    expect(main.querySelector('.error-summary')?.textContent).toContain(`${REPORT.profile.hoursSittingPerDay}: must be from 0 to 24`);
    expect(main.querySelector('.error-summary')?.textContent).toContain(`${REPORT.daysSinceOnset.label}: must be from 0 to 3650`);
    expect(document.activeElement).toBe(main.querySelector('.error-summary'));
    for (let i = 0; i < 6; i += 1) next(main);
    expect(main.querySelector('#field-profile\\.hoursSittingPerDay .field-error')?.textContent).toBe('must be from 0 to 24');
    expect(await seriousViolations()).toEqual([]);
  });

  it('asks the screening questions step by step and shows a problem the service names on its question', async () => {
    const { main } = await render('#/check', { handler: (call) => (call.method === 'POST'
      ? problem(400, 'Invalid request', [{ field: 'screening.pregnancyWeeks', message: 'must be from 1 to 42' }]) : undefined) });
    tick(main, 'painLocations', 'groin'); tick(main, 'side', 'left'); next(main);
    tick(main, 'qualities', 'dull-ache'); tick(main, 'intensity', '4'); tick(main, 'onset', 'gradual'); type(main, REPORT.daysSinceOnset.label, '10'); next(main);
    next(main); next(main);
    for (const word of Object.keys(REPORT.warningSigns.questions)) tick(main, `warning-${word}`, 'no');
    next(main);
    expect(main.querySelector('.step-count')?.textContent).toContain(REPORT.steps[5]);
    type(main, REPORT.age.label, '31'); tick(main, 'screening.pregnancy', 'pregnant'); tick(main, 'screening.gaveBirthInLast3Months', 'no');
    next(main);
    expect(main.querySelector('#field-screening\\.pregnancyWeeks .field-error')?.textContent).toBe(REPORT.required);
    type(main, REPORT.screening.pregnancyWeeks.label, '50');
    next(main);
    expect(main.querySelector('.step-count')?.textContent).toContain(REPORT.steps[6]);
    tick(main, 'screening.groinLump', 'stays-out');
    expect(main.querySelector('input[name="screening.groinLumpSigns"][value="painful"]')).not.toBeNull();
    tick(main, 'screening.groinLump', 'none'); tick(main, 'screening.painIntoTesticle', 'none');
    for (const q of ['bellyPain', 'painOnStraighteningTheHip', 'urinarySymptoms', 'painOnlyWhenLyingOnIt', 'constantPainDayAndNight',
      'fallSinceThePainBegan', 'achingHipsWithMorningStiffness']) tick(main, `screening.${q}`, 'no');
    next(main);
    tick(main, 'profile.runner', 'no'); tick(main, 'profile.deskWorker', 'no'); tick(main, 'profile.wearsRaisedHeels', 'no');
    tick(main, 'profile.wantsDeepPsoasRelease', 'no'); type(main, REPORT.profile.hoursSittingPerDay, '4'); next(main);
    next(main);
    await flush();
    expect(main.querySelector('.step-count')?.textContent).toContain(REPORT.steps[5]);
    expect(main.querySelector('#field-screening\\.pregnancyWeeks .field-error')?.textContent).toBe('must be from 1 to 42');
    expect(main.querySelector('.error-summary')?.textContent).toContain(`${REPORT.screening.pregnancyWeeks.label}: must be from 1 to 42`);
    expect(await seriousViolations()).toEqual([]);
  });

  it('sends a complete report once and goes to its recommendation', async () => {
    const platform = fakePlatform();
    const ctx = context(platform.fetchImpl);
    const screen = checkScreen(ctx);
    document.body.append(screen);
    tick(screen, 'painLocations', 'front-of-hip'); tick(screen, 'side', 'both'); next(screen);
    tick(screen, 'qualities', 'tightness'); tick(screen, 'intensity', '3'); tick(screen, 'onset', 'gradual'); type(screen, REPORT.daysSinceOnset.label, '20'); next(screen);
    tick(screen, 'aggravatingActivities', 'sitting'); next(screen); next(screen);
    for (const word of Object.keys(REPORT.warningSigns.questions)) tick(screen, `warning-${word}`, word === 'night-or-rest-pain' ? 'yes' : 'no');
    next(screen);
    answerScreening(screen);
    tick(screen, 'profile.runner', 'no'); tick(screen, 'profile.deskWorker', 'yes'); tick(screen, 'profile.wearsRaisedHeels', 'no');
    tick(screen, 'profile.wantsDeepPsoasRelease', 'no');
    type(screen, REPORT.profile.hoursSittingPerDay, '9'); next(screen); next(screen);
    await flush();
    const posts = platform.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ url: '/api/v1/symptom-reports', authorization: 'Bearer test-token', body: {
      warningSigns: ['night-or-rest-pain'], aggravatingActivities: ['sitting'], age: 40,
      screening: { caudaEquinaSigns: [], groinLump: 'none', painIntoTesticle: 'none', constantPainDayAndNight: false, pregnancy: 'not-pregnant' },
      profile: { wantsDeepPsoasRelease: false } } });
    expect(ctx.navigated).toEqual([`#/recommendation/${(posts[0].body as { reportId: string }).reportId}`]);
  });
});

describe('the recommendation', () => {
  it('shows the level first, the plan by phase with the catalog\'s names and the recommendation\'s doses, and why', async () => {
    const { main } = await render('#/recommendation/7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87');
    const first = main.querySelector('.recommendation')?.firstElementChild;
    expect(first?.querySelector('h1')?.textContent).toBe('Self-care');
    const couch = fixture<{ items: { slug: string; title: string }[] }>('exercises').items.find((e) => e.slug === 'couch-stretch');
    const phases = [...main.querySelectorAll('.phases > .phase')];
    expect(phases.map((p) => p.querySelector('h3')?.textContent)).toEqual(['Release (5 min)', 'Stretch (5 min)', 'Strengthen (10 min)']);
    expect(phases[1].textContent).toContain(`${couch?.title} — hold 60 s, each side`);
    expect(phases[2].textContent).toContain('3 sets, 12 reps, hold 5 s');
    expect(main.querySelector('details.why')?.textContent).toContain('SC-NO-RED-FLAGS v1');
    expect(main.querySelector('details.why')?.textContent).toContain('warningSigns: none');
    expect([...main.querySelectorAll('button')].map((b) => b.textContent)).toContain('Start my plan');
  });

  it('urgent care is unmistakable and holds back every exercise, extra and the plan start', async () => {
    const { main } = await render('#/recommendation/urgent');
    const banner = main.querySelector('.level-banner');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.querySelector('h1')?.textContent).toBe('Get urgent care today');
    expect(main.querySelectorAll('.phase')).toHaveLength(0);
    expect(main.querySelectorAll('a[href^="#/exercises/"]')).toHaveLength(0);
    expect(main.textContent).toContain('Seek urgent care now.');
    // Nor an exercise named as left out "instead of" another: with no plan there is nothing to swap.
    expect(main.textContent).not.toContain('Couch stretch');
    expect(main.textContent).not.toContain('instead');
    expect(banner?.querySelector('.urgency')?.textContent).toContain('How soon: today');
    expect([...main.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Start my plan');
  });
});

describe('see a professional', () => {
  it('says what to do, holds back exercises as the recommendation does, and offers no plan start', async () => {
    const { main } = await render('#/recommendation/on-hold');
    expect(main.querySelector('.level-banner h1')?.textContent).toBe('See a professional');
    expect(main.querySelector('.level-banner')?.textContent).toContain('See a doctor or physiotherapist within a week.');
    expect(main.querySelector('.level-banner .urgency')?.textContent).toContain('How soon: within a week');
    expect(main.querySelectorAll('a[href^="#/exercises/"]')).toHaveLength(0);
    expect([...main.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Start my plan');
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('my plan, check-in and progress', () => {
  it('pauses the plan and shows it again', async () => {
    const { main, calls } = await render('#/plan');
    click([...main.querySelectorAll('button')].find((b) => b.textContent === 'Pause my plan'));
    await flush();
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/v1/me/plan/pause')).toBe(true);
  });

  it('records a check-in with its own id', async () => {
    const { main, calls } = await render('#/check-in');
    tick(main, 'kind', 'now');
    tick(main, 'pain', '3');
    click(main.querySelector('button[type="submit"]'));
    await flush();
    const post = calls.find((c) => c.method === 'POST');
    expect(post).toMatchObject({ url: '/api/v1/me/check-ins', body: { pain: 3, checkInId: '00000000-0000-4000-8000-000000000001' } });
    expect(main.querySelector('[role="status"]')?.textContent).toBe('Saved. Thank you.');
  });

  it('charts weeks done against expected and the pain trend, with the figures as tables', async () => {
    const { main } = await render('#/progress');
    const rows = [...main.querySelectorAll('table')[0].querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual(['17 / 7 Days6', '23 / 7 Days3']);
    expect(main.querySelectorAll('.bar-done')).toHaveLength(2);
    expect(main.querySelector('.pain-line')?.getAttribute('points')?.split(' ')).toHaveLength(2);
    expect(main.textContent).toContain('Weeks 2 to 4');
  });
});

describe('budgets', () => {
  it('a screen change that needs no network answer renders within 100 ms', async () => {
    const platform = fakePlatform();
    const ctx = context(platform.fetchImpl);
    const { root, main } = shell(ctx);
    document.body.replaceChildren(root);
    for (const hash of ['#/check', '#/check-in', '#/nowhere']) {
      const started = performance.now();
      await show(ctx, main, hash);
      expect(performance.now() - started).toBeLessThan(100);
      expect(main.querySelector('h1')).not.toBeNull();
    }
  });
});

describe('the exercise library', () => {
  it('passes the filters in the address to the catalog and names muscles and linked exercises by their catalog titles', async () => {
    const { main, calls } = await render('#/exercises?q=psoas&targetMuscle=psoas-major&excludeContraindication=pregnancy');
    expect(calls.map((c) => c.url)).toContain('/api/v1/exercises?q=psoas&targetMuscle=psoas-major&excludeContraindication=pregnancy&limit=50&sort=relevance');
    const muscle = main.querySelector('select[name="targetMuscle"] option[value="psoas-major"]') as HTMLOptionElement;
    expect(muscle.selected).toBe(true);
    expect(muscle.textContent).toBe('Psoas major');
    expect((main.querySelector('input[name="excludeContraindication"][value="pregnancy"]') as HTMLInputElement).checked).toBe(true);
  });

  it('shows an exercise\'s steps, dose, cautions, mistakes and easier options by their titles', async () => {
    const { main } = await render('#/exercises/couch-stretch');
    expect(main.querySelector('h1')?.textContent).toBe('Couch stretch');
    expect(main.querySelectorAll('ol li').length).toBeGreaterThan(3);
    expect(main.textContent).toContain('hold 60–90 s, each side');
    const easier = [...main.querySelectorAll('a[href^="#/exercises/"]')].map((a) => a.textContent);
    expect(easier).toContain('Half-kneeling hip flexor stretch with posterior tilt');
  });
});

describe('the alert that applies', () => {
  it('is shown first on my progress, in the service\'s words', async () => {
    const { main } = await render('#/progress', { handler: (call) => (call.url === '/api/v1/me/adherence'
      ? new Response(JSON.stringify({ ...adherence(), alert: { level: 'see-professional', key: 'no-improvement', reason: 'Your pain has not eased after 4 weeks of steady work: see a professional.' } }), { status: 200 })
      : undefined) });
    const alert = main.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Your pain has not eased after 4 weeks of steady work: see a professional.');
    expect(main.querySelector('h1')?.nextElementSibling).toBe(alert);
  });
});

describe('my progress before any plan', () => {
  it('says there is no plan yet and leads to the symptom check, not to an error', async () => {
    const { main } = await render('#/progress', { handler: (call) => (call.url === '/api/v1/me/adherence' ? problem(404, 'Not Found') : undefined) });
    expect(main.querySelector('h1')?.textContent).toBe('My progress');
    expect(main.textContent).toContain('You have no plan yet.');
    expect(main.querySelector('a[href="#/check"]')).not.toBeNull();
  });
});

describe('an expired sign-in', () => {
  it('asks to sign in again instead of showing an error', async () => {
    const { main } = await render('#/progress', { handler: (call) => (call.url === '/api/v1/me/adherence' ? problem(401, 'Unauthorized') : undefined) });
    expect(main.querySelector('h1')?.textContent).toBe('Sign in');
  });
});

describe('the pain check-in', () => {
  it('shows what the service refuses next to the field it names', async () => {
    const { main } = await render('#/check-in', { handler: (call) => (call.method === 'POST' ? problem(400, 'Invalid request', [{ field: 'notes', message: 'must be at most 1000 characters' }]) : undefined) });
    tick(main, 'pain', '2');
    click(main.querySelector('button[type="submit"]'));
    await flush();
    expect(main.querySelector('#field-notes .field-error')?.textContent).toBe('must be at most 1000 characters');
    expect(main.querySelector('#checkin-notes')?.getAttribute('aria-describedby')).toBe('err-checkin-notes');
    expect(main.querySelector('[role="status"]')?.textContent).toBe('');
    expect(await seriousViolations()).toEqual([]);
  });

  it('asks for the pain before sending anything', async () => {
    const { main, calls } = await render('#/check-in');
    click(main.querySelector('button[type="submit"]'));
    await flush();
    expect(main.querySelector('#field-pain .field-error')?.textContent).toBe(REPORT.required);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
