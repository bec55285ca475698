// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { adherence, context, fakePlatform, fixture, problem, selfCare } from './fakePlatform';
import { shell, show } from '../src/app';
import { checkScreen } from '../src/screens/check';
import { CHECK } from '../src/words';
import { CheckWords } from '../src/catalogTerms';
import { evidence, startFrom } from '../src/screens/recommendation';
import type { Exercise, Muscle, Recommendation, RootCauseChecklist, Source, SymptomCheck } from '../src/api/types';
import { BODY_AREAS } from '../src/body';
import { PLAN, PROGRESS, REC } from '../src/words';

/** The catalog's symptom check, as catalog-service serves it (the fixture the fake platform answers with). */
const W = new CheckWords(fixture<SymptomCheck>('symptom-check'));

/** The catalog's answers the fake platform gives, read here to compare the screens with. */
const catalog = {
  exercises: () => fixture<{ items: Exercise[] }>('exercises').items,
  muscles: () => fixture<{ items: Muscle[] }>('muscles').items,
  sources: () => fixture<{ items: Source[] }>('sources').items,
  protocols: () => fixture<{ items: { slug: string; title: string }[] }>('protocols').items,
  checklist: () => fixture<RootCauseChecklist>('root-cause-checklist'),
};
const titleOf = (list: { slug: string; title: string }[], slug: string) => {
  const found = list.find((x) => x.slug === slug);
  if (!found) throw new Error(`the fixture has no ${slug}`);
  return found.title;
};

/** The section whose heading is `title`. */
function sectionTitled(root: ParentNode, title: string): HTMLElement {
  const found = [...root.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === title);
  if (!found) throw new Error(`no section "${title}"`);
  return found;
}

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

/** Types into the number field of a report field (inputs are named as the report names the field). */
function type(container: ParentNode, field: string, value: string) {
  const input = container.querySelector(`input[name="${field}"]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

const next = (main: ParentNode) => click(main.querySelector('button[type="submit"]'));

/** Answers the two screening steps with no finding (but the yes-or-no questions named), and moves past each. */
function answerScreening(main: ParentNode, yes: string[] = []) {
  type(main, 'age', '40');
  tick(main, 'screening.pregnancy', 'not-pregnant'); tick(main, 'screening.gaveBirthInLast3Months', 'no');
  next(main);
  tick(main, 'screening.groinLump', 'none'); tick(main, 'screening.painIntoTesticle', 'none');
  for (const q of ['bellyPain', 'painOnStraighteningTheHip', 'urinarySymptoms', 'painOnlyWhenLyingOnIt', 'constantPainDayAndNight',
    'fallSinceThePainBegan', 'achingHipsWithMorningStiffness']) tick(main, `screening.${q}`, yes.includes(q) ? 'yes' : 'no');
  next(main);
}

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.replaceChildren();
});

/** Every screen the app has, as the accessibility check and the screen-change budget go through them. */
const SCREENS = ['#/', '#/check', '#/recommendation/7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', '#/recommendation/urgent', '#/exercises',
  '#/exercises?q=psoas&acuteSafe=true', '#/exercises/couch-stretch', '#/plan', '#/session', '#/check-in', '#/progress', '#/experiments', '#/nowhere'];

describe('every screen', () => {
  for (const hash of SCREENS) {
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
    expect(main.querySelector('#field-painLocations .field-error')?.textContent).toBe(CHECK.required);
    expect(main.querySelector('#field-side .field-error')?.textContent).toBe(CHECK.required);
    expect(main.querySelector('#field-painLocations input')?.getAttribute('aria-invalid')).toBe('true');
    expect(main.querySelector('.step-count')?.textContent).toMatch(/^1 \//);
  });

  it('a tap on the body picture ticks the place it hurts', async () => {
    const { main } = await render('#/check');
    main.querySelector('[data-area="groin"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect((main.querySelector('input[name="painLocations"][value="groin"]') as HTMLInputElement).checked).toBe(true);
    expect(main.querySelector('[data-area="groin"]')?.getAttribute('class')).toContain('marked');
  });

  it('keeps the focus on the box a keyboard user ticks, though the body picture is drawn anew', async () => {
    const { main } = await render('#/check');
    const box = () => main.querySelector<HTMLInputElement>('input[name="painLocations"][value="front-of-hip"]')!;
    box().focus();
    box().click(); // Space on a focused check box
    expect(box().checked).toBe(true);
    expect(main.querySelector('[data-area="front-of-hip"]')?.getAttribute('class')).toContain('marked');
    expect(document.activeElement).toBe(box());
  });

  it('shows each field the service refuses next to that field, on the step that asks it, and records nothing', async () => {
    const sent: unknown[] = [];
    const { main, ctx } = await render('#/check', { handler: (call) => {
      if (call.method !== 'POST') return undefined;
      sent.push(call.body);
      return problem(400, 'Invalid request', [{ field: 'profile.hoursSittingPerDay', message: 'must be from 0 to 24' }, { field: 'daysSinceOnset', message: 'must be from 0 to 3650' }]);
    } });
    tick(main, 'painLocations', 'front-of-hip'); tick(main, 'side', 'right'); next(main);
    tick(main, 'qualities', 'dull-ache'); tick(main, 'intensity', '4'); tick(main, 'onset', 'gradual'); type(main, 'daysSinceOnset', '99999'); next(main);
    next(main); next(main);
    for (const word of Object.keys(W.answers('warningSigns'))) tick(main, `warning-${word}`, 'no');
    next(main);
    answerScreening(main);
    tick(main, 'profile.runner', 'no'); tick(main, 'profile.deskWorker', 'yes'); tick(main, 'profile.wearsRaisedHeels', 'no');
    tick(main, 'profile.wantsDeepPsoasRelease', 'no');
    type(main, 'profile.hoursSittingPerDay', '30'); next(main);
    expect(main.querySelector('.step-count')?.textContent).toContain(CHECK.reviewStep);
    next(main);
    await flush();

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ daysSinceOnset: 99999, profile: { hoursSittingPerDay: 30 }, warningSigns: [] });
    expect(ctx.navigated).toEqual([]);
    expect(main.querySelector('.step-count')?.textContent).toContain(W.steps[1].title);
    expect(main.querySelector('#field-daysSinceOnset .field-error')?.textContent).toBe('must be from 0 to 3650');
    expect(main.querySelector('.error-summary')?.textContent).toContain(`${W.question('profile.hoursSittingPerDay')}: must be from 0 to 24`);
    expect(main.querySelector('.error-summary')?.textContent).toContain(`${W.question('daysSinceOnset')}: must be from 0 to 3650`);
    expect(document.activeElement).toBe(main.querySelector('.error-summary'));
    for (let i = 0; i < 6; i += 1) next(main);
    expect(main.querySelector('#field-profile\\.hoursSittingPerDay .field-error')?.textContent).toBe('must be from 0 to 24');
    expect(await seriousViolations()).toEqual([]);
  });

  it('asks the screening questions step by step and shows a problem the service names on its question', async () => {
    const { main } = await render('#/check', { handler: (call) => (call.method === 'POST'
      ? problem(400, 'Invalid request', [{ field: 'screening.pregnancyWeeks', message: 'must be from 1 to 42' }]) : undefined) });
    tick(main, 'painLocations', 'groin'); tick(main, 'side', 'left'); next(main);
    tick(main, 'qualities', 'dull-ache'); tick(main, 'intensity', '4'); tick(main, 'onset', 'gradual'); type(main, 'daysSinceOnset', '10'); next(main);
    next(main); next(main);
    for (const word of Object.keys(W.answers('warningSigns'))) tick(main, `warning-${word}`, 'no');
    next(main);
    expect(main.querySelector('.step-count')?.textContent).toContain(W.steps[5].title);
    type(main, 'age', '31'); tick(main, 'screening.pregnancy', 'pregnant'); tick(main, 'screening.gaveBirthInLast3Months', 'no');
    next(main);
    expect(main.querySelector('#field-screening\\.pregnancyWeeks .field-error')?.textContent).toBe(CHECK.required);
    type(main, 'screening.pregnancyWeeks', '50');
    next(main);
    expect(main.querySelector('.step-count')?.textContent).toContain(W.steps[6].title);
    tick(main, 'screening.groinLump', 'stays-out');
    expect(main.querySelector('input[name="screening.groinLumpSigns"][value="painful"]')).not.toBeNull();
    tick(main, 'screening.groinLump', 'none'); tick(main, 'screening.painIntoTesticle', 'none');
    for (const q of ['bellyPain', 'painOnStraighteningTheHip', 'urinarySymptoms', 'painOnlyWhenLyingOnIt', 'constantPainDayAndNight',
      'fallSinceThePainBegan', 'achingHipsWithMorningStiffness']) tick(main, `screening.${q}`, 'no');
    next(main);
    tick(main, 'profile.runner', 'no'); tick(main, 'profile.deskWorker', 'no'); tick(main, 'profile.wearsRaisedHeels', 'no');
    tick(main, 'profile.wantsDeepPsoasRelease', 'no'); type(main, 'profile.hoursSittingPerDay', '4'); next(main);
    next(main);
    await flush();
    expect(main.querySelector('.step-count')?.textContent).toContain(W.steps[5].title);
    expect(main.querySelector('#field-screening\\.pregnancyWeeks .field-error')?.textContent).toBe('must be from 1 to 42');
    expect(main.querySelector('.error-summary')?.textContent).toContain(`${W.question('screening.pregnancyWeeks')}: must be from 1 to 42`);
    expect(await seriousViolations()).toEqual([]);
  });

  it('asks night pain as the two screening questions, never the old warning sign, even if a catalog still words it', async () => {
    const older = fixture<SymptomCheck>('symptom-check');
    const warnings = older.questions.find((q) => q.field === 'warningSigns');
    if (!warnings?.answers) throw new Error('the fixture words no warning signs');
    expect(warnings.answers).not.toHaveProperty('night-or-rest-pain');
    warnings.answers = { 'night-or-rest-pain': 'Does it hurt at night or when you rest?', ...warnings.answers };
    const platform = fakePlatform((call) => (call.url.startsWith('/api/v1/symptom-check')
      ? new Response(JSON.stringify(older), { headers: { 'Content-Type': 'application/json' } }) : undefined));
    const screen = await checkScreen(context(platform.fetchImpl));
    document.body.append(screen);
    tick(screen, 'painLocations', 'front-of-hip'); tick(screen, 'side', 'both'); next(screen);
    tick(screen, 'qualities', 'tightness'); tick(screen, 'intensity', '3'); tick(screen, 'onset', 'gradual'); type(screen, 'daysSinceOnset', '20'); next(screen);
    tick(screen, 'aggravatingActivities', 'sitting'); next(screen); next(screen);
    expect(screen.querySelector('input[name="warning-pain-when-hopping"]')).not.toBeNull();
    expect(screen.querySelector('input[name^="warning-night-or-rest-pain"]')).toBeNull();
    expect(screen.textContent).not.toContain('Does it hurt at night or when you rest?');
    // Every offered warning question answered no is enough to move on: the old word is not waited for.
    for (const word of Object.keys(W.answers('warningSigns'))) tick(screen, `warning-${word}`, 'no');
    const warningStep = screen.querySelector('.step-count')?.textContent;
    next(screen);
    expect(screen.querySelector('.step-count')?.textContent).not.toBe(warningStep);
    expect(screen.querySelector('.error-summary')?.textContent ?? '').toBe('');
    // The night pain is asked as two questions further on.
    answerScreening(screen, ['painOnlyWhenLyingOnIt']);
    expect(platform.calls.some((c) => c.url.startsWith('/api/v1/symptom-check'))).toBe(true);
  });

  it('sends a complete report once and goes to its recommendation', async () => {
    const platform = fakePlatform();
    const ctx = context(platform.fetchImpl);
    const screen = await checkScreen(ctx);
    document.body.append(screen);
    tick(screen, 'painLocations', 'front-of-hip'); tick(screen, 'side', 'both'); next(screen);
    tick(screen, 'qualities', 'tightness'); tick(screen, 'intensity', '3'); tick(screen, 'onset', 'gradual'); type(screen, 'daysSinceOnset', '20'); next(screen);
    tick(screen, 'aggravatingActivities', 'sitting'); next(screen); next(screen);
    for (const word of Object.keys(W.answers('warningSigns'))) tick(screen, `warning-${word}`, word === 'pain-when-hopping' ? 'yes' : 'no');
    next(screen);
    answerScreening(screen, ['painOnlyWhenLyingOnIt']);
    tick(screen, 'profile.runner', 'no'); tick(screen, 'profile.deskWorker', 'yes'); tick(screen, 'profile.wearsRaisedHeels', 'no');
    tick(screen, 'profile.wantsDeepPsoasRelease', 'no');
    type(screen, 'profile.hoursSittingPerDay', '9'); next(screen); next(screen);
    await flush();
    const posts = platform.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ url: '/api/v1/symptom-reports', authorization: 'Bearer test-token', body: {
      warningSigns: ['pain-when-hopping'], aggravatingActivities: ['sitting'], age: 40,
      screening: { caudaEquinaSigns: [], groinLump: 'none', painIntoTesticle: 'none', painOnlyWhenLyingOnIt: true, constantPainDayAndNight: false, pregnancy: 'not-pregnant' },
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
    // The inputs a rule used, under the catalog's short wording of their questions, never the API's field names.
    const why = main.querySelector('details.why')?.textContent ?? '';
    expect(why).toContain(`${W.label('warningSigns')}: ${CHECK.none}`);
    expect(why).toContain(`${W.label('painLocations')}: Front of the hip, Lower back`);
    expect(why).toContain(`${W.label('weeksOfConsistentWork')}: ${CHECK.notGiven}`);
    expect(why).not.toMatch(/painLocations|warningSigns/);
    const muscles = [...main.querySelectorAll('ol > li')].map((li) => li.textContent ?? '').join(' | ');
    expect(muscles).toContain('Where it hurts: Front of the hip; What makes it worse: Sitting');
    expect(muscles).not.toContain('painLocations');
    expect([...main.querySelectorAll('button')].map((b) => b.textContent)).toContain('Start my plan');
  });

  it('marks the likely muscles on the body picture, and shows what is left out and why, the extras, the checklist in its order and the sources', async () => {
    // The contracts' example, with two exclusions and a checklist that arrives out of order, one item relevant.
    const base = selfCare();
    const checks = [...base.rootCauseChecks].reverse();
    checks[1] = { ...checks[1], relevant: true, because: [{ input: 'profile.deskWorker', value: 'true' }] };
    const rec: Recommendation = { ...base, rootCauseChecks: checks, excluded: [
      { exercise: 'couch-stretch', condition: 'acute-pain', reason: 'While your pain is acute, use the supine passive hip flexor stretch instead.' },
      { exercise: 'pigeon-hip-flexor-focus', condition: 'knee-pain', reason: 'The front knee is bent and turned out under your body weight, which can strain a knee that already hurts.' },
    ] };
    const { main } = await render('#/recommendation/variant', { handler: (call) => (call.url === '/api/v1/symptom-reports/variant/recommendation'
      ? new Response(JSON.stringify(rec), { headers: { 'Content-Type': 'application/json' } }) : undefined) });

    // Likely muscles: every area the catalog says each one refers pain to is filled, and no other.
    const muscles = catalog.muscles();
    const areas = new Set(rec.likelyMuscles.flatMap((m) => muscles.find((x) => x.slug === m.muscle)?.painReferral?.areas ?? []));
    const picture = sectionTitled(main, REC.muscles).querySelector('svg.body-picture');
    expect(picture?.getAttribute('role')).toBe('img');
    for (const m of rec.likelyMuscles) expect(picture?.getAttribute('aria-label')).toContain(titleOf(muscles, m.muscle));
    const marked = BODY_AREAS.filter((area) => picture?.querySelector(`[data-area="${area}"]`)?.getAttribute('class')?.includes('marked'));
    expect(marked.sort()).toEqual(BODY_AREAS.filter((area) => areas.has(area)).sort());
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThan(BODY_AREAS.length);

    // Left out: each exclusion by the catalog's title with the recommendation's reason.
    const exercises = catalog.exercises();
    expect([...sectionTitled(main, REC.excluded).querySelectorAll('li')].map((li) => li.textContent))
      .toEqual(rec.excluded.map((e) => `${titleOf(exercises, e.exercise)}: ${e.reason}`));

    // Extras: the movement breaks under the protocol's title with each item, and the core-and-glute picks by title.
    const extras = sectionTitled(main, REC.extras);
    const breaks = rec.extras!.movementBreaks!;
    expect([...extras.querySelectorAll('h3')].map((h) => h.textContent)).toContain(titleOf(catalog.protocols(), breaks.protocol));
    for (const item of breaks.phases.flatMap((p) => p.items)) {
      if (item.instruction) expect(extras.textContent).toContain(item.instruction);
      if (item.exercise) expect(extras.textContent).toContain(titleOf(exercises, item.exercise));
    }
    const picks = rec.extras!.coreAndGlute!.items.map((i) => titleOf(exercises, i.exercise!));
    expect(picks.length).toBeGreaterThan(0);
    for (const title of picks) expect([...extras.querySelectorAll('a')].map((a) => a.textContent)).toContain(title);

    // The checklist: the catalog's steps in the recommendation's order, the relevant one marked with its reason.
    const checklist = catalog.checklist();
    const list = sectionTitled(main, REC.checklist);
    expect(list.textContent).toContain(checklist.method);
    const items = [...list.querySelectorAll('ol > li')];
    const ordered = [...rec.rootCauseChecks].sort((a, b) => a.order - b.order);
    expect(ordered.map((c) => c.step)).not.toEqual(rec.rootCauseChecks.map((c) => c.step));
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(ordered.map((c) => titleOf(checklist.steps, c.step)));
    ordered.forEach((c, i) => {
      expect(items[i].textContent).toContain(checklist.steps.find((s) => s.slug === c.step)!.check);
      expect(items[i].classList.contains('relevant')).toBe(c.relevant);
      expect(items[i].textContent?.includes(REC.relevant)).toBe(c.relevant);
    });
    expect(items.find((li) => li.classList.contains('relevant'))?.textContent).toContain(`${W.label('profile.deskWorker')}: ${CHECK.yes}`);

    // "Why this?": each rule with its version, and the explanation's sources by the catalog's titles, in its order.
    const why = main.querySelector('details.why')!;
    for (const r of rec.explanation.rules) expect(why.textContent).toContain(`${r.rule} v${r.version}`);
    const sourcesHeading = [...why.querySelectorAll('h3')].find((h) => h.textContent === REC.sources);
    expect([...(sourcesHeading?.nextElementSibling?.querySelectorAll('li') ?? [])].map((li) => li.textContent))
      .toEqual(rec.explanation.sources.map((slug) => titleOf(catalog.sources(), slug)));
    expect(await seriousViolations()).toEqual([]);
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

  it('says a less urgent reason\'s advice apart from the urgent banner, under its own level', async () => {
    const { main } = await render('#/recommendation/urgent');
    expect(main.querySelector('.level-banner')?.textContent).not.toContain('within a week');
    const also = main.querySelector('.also-to-do');
    expect(also?.closest('section')?.querySelector('h2')?.textContent).toBe('Also, for other things you told us');
    expect(also?.textContent).toBe('See a professional: See a doctor within a week about the night pain.');
  });
});

describe('starting the plan from a recommendation', () => {
  it('asks again while tracking says the recommendation is still on its way, then starts that recommendation\'s plan', async () => {
    let refusals = 2;
    const waits: number[] = [];
    const { ctx, calls } = await render('#/', { handler: (call) => {
      if (!call.url.endsWith('/me/plan/start')) return undefined;
      if (refusals-- > 0) {
        const refused = problem(409, 'Not yet', [{ field: 'recommendation', message: 'is not your plan\'s recommendation yet' }]);
        refused.headers.set('Retry-After', '1');
        return refused;
      }
      return new Response(JSON.stringify({ status: 'active' }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    } });
    await startFrom(ctx, 'report-1', async (ms) => { waits.push(ms); });
    const starts = calls.filter((c) => c.url.endsWith('/me/plan/start'));
    expect(starts).toHaveLength(3);
    expect(starts.map((c) => (c.body as { recommendation: string }).recommendation)).toEqual(['report-1', 'report-1', 'report-1']);
    expect(waits).toEqual([1000, 1000]);
  });

  it('shows a refusal that no retry would change', async () => {
    const { ctx } = await render('#/', { handler: (call) => (call.url.endsWith('/me/plan/start')
      ? problem(400, 'Invalid request', [{ field: 'timeZone', message: 'must be an IANA time zone' }]) : undefined) });
    await expect(startFrom(ctx, 'report-1', async () => undefined)).rejects.toMatchObject({ status: 400 });
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
    expect([...main.querySelectorAll('button')].map((b) => b.textContent)).toContain('Download my summary (PDF, to print or show)');
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

  it('restarts a paused plan with the start request tracking expects, and shows the plan running again', async () => {
    let status = 'paused';
    const view = () => new Response(JSON.stringify({ status, startDate: '2026-11-26', timeZone: 'Europe/Berlin', protocol: 'complete-release-protocol',
      level: 'self-care', recommendation: '7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', exercises: ['couch-stretch', 'dead-bug'] }), { headers: { 'Content-Type': 'application/json' } });
    const { main, calls } = await render('#/plan', { handler: (call) => {
      if (call.url === '/api/v1/me/plan/start' && call.method === 'POST') { status = 'active'; return view(); }
      return call.url === '/api/v1/me/plan' ? view() : undefined;
    } });
    const facts = () => new Map([...main.querySelectorAll('dl.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    const buttons = () => [...main.querySelectorAll('button')].map((b) => b.textContent);
    expect(facts().get(PLAN.status)).toBe(PLAN.statuses.paused);
    expect(buttons()).not.toContain(PLAN.pause);
    expect(main.querySelector('a[href="#/session"]')).toBeNull();

    click([...main.querySelectorAll('button')].find((b) => b.textContent === PLAN.restart));
    await flush();
    const starts = calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/me/plan/start');
    expect(starts).toHaveLength(1);
    // A restart is tracking's start without a recommendation: day 1 becomes today in the device's time zone.
    expect(starts[0].body).toEqual({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    expect(starts[0].authorization).toBe('Bearer test-token');
    expect(facts().get(PLAN.status)).toBe(PLAN.statuses.active);
    expect(buttons()).toContain(PLAN.pause);
    expect(main.querySelector('a[href="#/session"]')?.textContent).toBe(PLAN.session);
    expect(document.activeElement).toBe(main.querySelector('h1'));
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
    expect(main.querySelector('[aria-labelledby="s-for-your-physiotherapist-or-doctor"]')?.querySelectorAll('button')).toHaveLength(2);
  });

  it('shows the current and the longest streak as tracking gives them', async () => {
    // The fake platform's adherence, and the same with other streaks, so that no fixed figure passes.
    for (const figures of [adherence(), { ...adherence(), currentStreak: 4, longestStreak: 11 }]) {
      const { main } = await render('#/progress', { handler: (call) => (call.url === '/api/v1/me/adherence'
        ? new Response(JSON.stringify(figures), { headers: { 'Content-Type': 'application/json' } }) : undefined) });
      const facts = new Map([...main.querySelectorAll('dl.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
      expect(facts.get(PROGRESS.streak)).toBe(String(figures.currentStreak));
      expect(facts.get(PROGRESS.longest)).toBe(String(figures.longestStreak));
    }
  });
});

describe('budgets', () => {
  it('a screen change that needs no network answer renders within 100 ms, on every screen', async () => {
    // The data already loaded: each answer of the fake platform is read once, then given from memory, as the
    // service worker and the HTTP cache give a screen the person has seen; what is timed is the app's own work.
    const platform = fakePlatform();
    const loaded = new Map<string, { status: number; headers: [string, string][]; body: string }>();
    const fromMemory: typeof fetch = async (input, init) => {
      const key = `${init?.method ?? 'GET'} ${String(input)}`;
      if (!loaded.has(key)) {
        const answer = await platform.fetchImpl(input, init);
        loaded.set(key, { status: answer.status, headers: [...answer.headers.entries()], body: await answer.text() });
      }
      const { status, headers, body } = loaded.get(key)!;
      return new Response(status === 204 ? null : body, { status, headers });
    };
    const ctx = context(fromMemory);
    const { root, main } = shell(ctx);
    document.body.replaceChildren(root);
    const medians: Record<string, number> = {};
    for (const hash of SCREENS) {
      await show(ctx, main, hash); // loads the data
      const title = main.querySelector('h1')?.textContent;
      const took: number[] = [];
      // The median of several changes per screen: one slow change on a busy build machine (a pause of the test
      // runner, not of the app) says nothing about what a person waits for.
      for (let run = 0; run < 9; run += 1) {
        main.replaceChildren();
        const started = performance.now();
        await show(ctx, main, hash);
        took.push(performance.now() - started);
        expect(main.querySelector('h1')?.textContent, hash).toBe(title);
      }
      medians[hash] = took.sort((a, b) => a - b)[4];
    }
    expect(Object.keys(medians)).toEqual(SCREENS);
    for (const hash of SCREENS) expect(medians[hash], `${hash}: ${JSON.stringify(medians)}`).toBeLessThan(100);
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
    expect(main.querySelector('#field-pain .field-error')?.textContent).toBe(CHECK.required);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

describe('the symptom check in the catalog\'s words', () => {
  it('asks each step\'s questions and answers as the catalog words them', async () => {
    const check = fixture<SymptomCheck>('symptom-check');
    check.title = 'How is your hip?';
    check.steps[0].title = 'Where is the pain';
    const places = check.questions.find((q) => q.field === 'painLocations')!;
    places.question = 'Which places hurt?';
    places.answers = { ...places.answers, groin: 'In the groin' };
    const { main } = await render('#/check', { handler: (call) => (call.url === '/api/v1/symptom-check' ? new Response(JSON.stringify(check), { headers: { 'Content-Type': 'application/json' } }) : undefined) });
    expect(main.querySelector('h1')?.textContent).toBe('How is your hip?');
    expect(main.querySelector('.step-count')?.textContent).toBe('1 / 9: Where is the pain');
    expect(main.querySelector('#field-painLocations legend')?.textContent).toBe('Which places hurt?');
    const groin = main.querySelector('input[name="painLocations"][value="groin"]')?.closest('label');
    expect(groin?.textContent?.trim()).toBe('In the groin');
    expect(main.querySelector('#field-side legend')?.textContent).toBe(W.question('side'));
  });

  it('takes an exercise\'s title and a question from the catalog on every screen that shows them, never from the app', async () => {
    const exercises = fixture<{ items: Exercise[] }>('exercises');
    const couch = exercises.items.find((e) => e.slug === 'couch-stretch')!;
    const oldTitle = couch.title;
    couch.title = 'Sofa lunge stretch';
    const check = fixture<SymptomCheck>('symptom-check');
    const side = check.questions.find((q) => q.field === 'side')!;
    const oldQuestion = side.question;
    side.question = 'On which side do you feel it most?';
    const answer = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    const handler = (call: { url: string }) => {
      const url = new URL(call.url, 'http://catalog');
      if (url.pathname === '/api/v1/symptom-check') return answer(check);
      if (url.pathname === '/api/v1/exercises') return answer(exercises);
      if (url.pathname === '/api/v1/exercises/couch-stretch') return answer(couch);
      return undefined;
    };
    const { main } = await render('#/check', { handler });
    expect(main.querySelector('#field-side legend')?.textContent).toBe(side.question);
    expect(main.textContent).not.toContain(oldQuestion);
    for (const hash of ['#/recommendation/7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', '#/exercises', '#/exercises/couch-stretch', '#/plan']) {
      const shown = (await render(hash, { handler })).main;
      expect(shown.textContent, hash).toContain(couch.title);
      expect(shown.textContent, hash).not.toContain(oldTitle);
    }
  });

  it('shows every answer on the review step under its short label, in the catalog\'s wording', async () => {
    const { main } = await render('#/check');
    tick(main, 'painLocations', 'front-of-hip'); tick(main, 'side', 'right'); next(main);
    tick(main, 'qualities', 'dull-ache'); tick(main, 'intensity', '4'); tick(main, 'onset', 'gradual'); type(main, 'daysSinceOnset', '12'); next(main);
    next(main); next(main);
    for (const word of Object.keys(W.answers('warningSigns'))) tick(main, `warning-${word}`, 'no');
    next(main);
    answerScreening(main);
    tick(main, 'profile.runner', 'no'); tick(main, 'profile.deskWorker', 'yes'); tick(main, 'profile.wearsRaisedHeels', 'no');
    tick(main, 'profile.wantsDeepPsoasRelease', 'no'); type(main, 'profile.hoursSittingPerDay', '8'); next(main);
    expect(main.querySelector('.step-count')?.textContent).toBe(`9 / 9: ${CHECK.reviewStep}`);
    const rows = new Map([...main.querySelectorAll('.review dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(rows.get(W.label('painLocations'))).toBe('Front of the hip');
    expect(rows.get(W.label('side'))).toBe('Right');
    expect(rows.get(W.label('daysSinceOnset'))).toBe('12');
    expect(rows.get(W.label('aggravatingActivities'))).toBe(CHECK.none);
    expect(rows.get(W.label('screening.groinLump'))).toBe(W.answer('screening.groinLump', 'none'));
    expect(rows.get(W.label('profile.deskWorker'))).toBe(CHECK.yes);
    expect(rows.has(W.label('screening.pregnancyWeeks'))).toBe(false);
    expect(await seriousViolations()).toEqual([]);
  });

  it('without the catalog\'s wording (404) still asks every field, in plain words made from the API\'s', async () => {
    const { main } = await render('#/check', { handler: (call) => (call.url === '/api/v1/symptom-check' ? problem(404, 'Not found') : undefined) });
    expect(main.querySelector('h1')?.textContent).toBe(CHECK.title);
    expect(main.querySelector('.step-count')?.textContent).toBe(`1 / 2: ${CHECK.moreQuestions}`);
    expect(main.querySelector('#field-screening\\.pregnancy legend')?.textContent).toBe('Pregnancy');
    expect(main.querySelector('#field-profile\\.hoursSittingPerDay label')?.textContent).toBe('Hours sitting per day');
  });
});

describe('a recommendation\'s inputs', () => {
  it('read as the questions\' short wording and the answers\' words, nested fields too; words the catalog lacks in plain words', () => {
    const terms = { check: W };
    expect(evidence([{ input: 'painLocations', value: 'front-of-hip, groin' }], terms)).toBe('Where it hurts: Front of the hip, Groin');
    expect(evidence([{ input: 'screening.groinLump', value: 'stays-out' }, { input: 'profile.runner', value: 'true' }], terms))
      .toBe(`${W.label('screening.groinLump')}: ${W.answer('screening.groinLump', 'stays-out')}; ${W.label('profile.runner')}: ${CHECK.yes}`);
    expect(evidence([{ input: 'screening.pregnancyWeeks', value: '30' }, { input: 'intensity', value: '7' }], terms))
      .toBe(`${W.label('screening.pregnancyWeeks')}: 30; ${W.label('intensity')}: 7`);
    expect(evidence([{ input: 'signs', value: 'pins-and-needles' }, { input: 'screening.somethingNew', value: 'false' }], terms))
      .toBe(`${W.label('signs')}: Pins and needles; Something new: ${CHECK.no}`);
  });
});
