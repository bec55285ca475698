// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adaptedPhases, completion, sessionScreen, tasksOf } from '../src/screens/session';
import { context, fakePlatform, fixture, selfCare, stepBack, today, type Handler } from './fakePlatform';
import { show } from '../src/app';
import { json, press, render, resetDocument, seriousViolations, tick } from './screen';
import type { Exercise, PlanChange, TodayPlan } from '../src/api/types';
import { SESSION } from '../src/words';

const todayWith = (t: TodayPlan): Handler => (call) => (call.url === '/api/v1/me/plan/today' ? json(t) : undefined);

beforeEach(resetDocument);

describe("today's session from the adapting plan", () => {
  const catalog = new Map(fixture<{ items: Exercise[] }>('exercises').items.map((e) => [e.slug, e]));

  it('puts today\'s doses in the plan\'s slots, and a stepped exercise in its place at the catalog\'s dose', () => {
    const t = today();
    t.exercises[0] = { exercise: 'supine-passive-hip-flexor-stretch', dose: { holdSeconds: { value: 60, min: 60, max: 120, step: 15 } }, easier: [], harder: ['couch-stretch'] };
    t.exercises[1].dose.reps.value = 10;
    const phases = adaptedPhases(selfCare().plan.phases, ['couch-stretch', 'dead-bug'], t, catalog);
    const items = phases.flatMap((p) => p.items);
    expect(items.map((i) => i.exercise)).toContain('supine-passive-hip-flexor-stretch');
    expect(items.map((i) => i.exercise)).not.toContain('couch-stretch');
    const supine = items.find((i) => i.exercise === 'supine-passive-hip-flexor-stretch')!;
    expect(supine.dose).toMatchObject({ holdSeconds: { min: 60, max: 60 }, perSide: true });
    expect(supine.dose.note).toBe(catalog.get('supine-passive-hip-flexor-stretch')!.dose.note);
    const deadBug = items.find((i) => i.exercise === 'dead-bug')!;
    expect(deadBug.dose).toMatchObject({ sets: { min: 3, max: 3 }, reps: { min: 10, max: 10 }, perSide: true });
    // Exercises tracking does not step keep the recommendation's dose.
    expect(items.find((i) => i.exercise === 'bird-dog')!.dose).toEqual(selfCare().plan.phases[2].items[2].dose);
  });

  it('is what the guided session shows: the adapted hold, read from /me/plan/today', async () => {
    const t = today();
    t.exercises[0].dose.holdSeconds.value = 75;
    const { main, calls } = await render('#/session', todayWith(t));
    expect(calls.some((c) => c.url === '/api/v1/me/plan/today')).toBe(true);
    tick(main, 'painBefore', '2');
    press(main, 'Begin');
    let guard = 0;
    while (!main.querySelector('.task h2')?.textContent?.startsWith('Couch stretch') && guard++ < 50) press(main, 'Done');
    expect(main.querySelector('.task .dose')?.textContent).toContain('hold 75 s');
    expect(main.querySelector('.task .countdown')?.textContent).toContain('1:15');
  });

  it('begins offline from what was kept, with the adapted doses and the changes', async () => {
    let online = true;
    const t = today([stepBack()]);
    t.exercises[0].dose.holdSeconds.value = 45;
    const handler: Handler = (call) => {
      if (!online) throw new TypeError('Failed to fetch');
      return todayWith(t)(call);
    };
    const { ctx, main } = await render('#/session', handler);
    online = false;
    await show(ctx, main, '#/check-in');
    await show(ctx, main, '#/session');
    expect(main.querySelector('.why-changed [data-rule="TRK-ADAPT-STEP-BACK"]')).not.toBeNull();
    tick(main, 'painBefore', '2');
    press(main, 'Begin');
    let guard = 0;
    while (!main.querySelector('.task h2')?.textContent?.startsWith('Couch stretch') && guard++ < 50) press(main, 'Done');
    expect(main.querySelector('.task .dose')?.textContent).toContain('hold 45 s');
  });

  it('waits for the plan to carry the recommendation when the start reached tracking first', async () => {
    let reads = 0;
    const handler: Handler = (call) => {
      if (call.url !== '/api/v1/me/plan') return undefined;
      reads += 1;
      return json({ status: 'active', startDate: '2026-12-05', timeZone: 'Europe/Berlin', protocol: 'complete-release-protocol', level: reads < 3 ? 'self-started' : 'self-care',
        recommendation: reads < 3 ? null : '7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87', exercises: reads < 3 ? [] : ['couch-stretch', 'dead-bug'] });
    };
    const platform = fakePlatform(handler);
    const ctx = context(platform.fetchImpl);
    const waits: number[] = [];
    const screen = await sessionScreen(ctx, async (ms) => { waits.push(ms); });
    expect(waits).toHaveLength(2);
    expect(screen.querySelector('input[name="painBefore"]')).not.toBeNull();
  });
});

describe('pain during an exercise', () => {
  it('above 5 tells the person to stop that exercise, and the worst pain is the session\'s pain during', async () => {
    const posted: Record<string, unknown>[] = [];
    const { main } = await render('#/session', (call) => {
      if (call.url === '/api/v1/me/sessions') { posted.push(call.body as Record<string, unknown>); return json({}, 201); }
      return undefined;
    });
    tick(main, 'painBefore', '2');
    press(main, 'Begin');
    const first = main.querySelector('.task h2')?.textContent;
    press(main, SESSION.reportPain);
    tick(main, 'painNow', '4');
    expect(main.querySelector('.pain-advice')?.textContent).toBe(SESSION.painOk);
    expect(main.querySelector<HTMLButtonElement>('button.stop')?.hidden).toBe(true);
    tick(main, 'painNow', '6');
    expect(main.querySelector('[role="alert"].pain-advice')?.textContent).toBe(SESSION.stopNow);
    expect(main.querySelector<HTMLButtonElement>('button.stop')?.hidden).toBe(false);
    expect(await seriousViolations()).toEqual([]);
    press(main, SESSION.stopExercise);
    expect(main.querySelector('.task h2')?.textContent).not.toBe(first);
    let guard = 0;
    while (main.querySelector('.task') && guard++ < 100) press(main, 'Done');
    // The worst pain reported during the session is the answer already given; the person can still change it.
    expect(main.querySelector<HTMLInputElement>('input[name="painDuring"][value="6"]')?.checked).toBe(true);
    tick(main, 'painAfter', '3');
    press(main, 'Finish and save');
    expect(main.querySelector('[role="status"]')?.textContent).toBe(SESSION.answerAll);
    expect(posted).toEqual([]);
    tick(main, 'effort', 'too-hard');
    expect(await seriousViolations()).toEqual([]);
    press(main, 'Finish and save');
    await vi.waitFor(() => expect(main.querySelector('[role="status"]')?.textContent).toBe(SESSION.sentNow));
    expect(posted).toEqual([expect.objectContaining({ painBefore: 2, painAfter: 3, painDuring: 6, effort: 'too-hard' })]);
  });

  it('is sent with the session as the API names it', () => {
    const tasks = tasksOf(selfCare().plan.phases);
    const s = completion('s', new Date('2026-12-05T08:00:00Z'), new Date('2026-12-05T08:20:00Z'), tasks, 3, 2, { painDuring: 4, effort: 'about-right' });
    expect(s).toMatchObject({ painDuring: 4, effort: 'about-right' });
    expect(completion('s', new Date(), new Date(), tasks, 3, 2)).not.toHaveProperty('painDuring');
  });
});

describe('the morning check-in', () => {
  const morning = () => new Date(2026, 11, 5, 7, 30);
  const evening = () => new Date(2026, 11, 5, 19, 30);

  it('is offered as the morning one before noon and sends pain on waking', async () => {
    const { main, calls } = await render('#/check-in', undefined, { now: morning });
    expect(main.querySelector<HTMLInputElement>('input[name="kind"][value="waking"]')?.checked).toBe(true);
    expect(main.querySelector('#field-pain legend')?.textContent).toContain('woke up');
    tick(main, 'pain', '3');
    press(main, 'Save');
    await vi.waitFor(() => expect(main.querySelector('[role="status"]')?.textContent).toBe('Morning rating saved. Thank you.'));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ pain: 3, waking: true });
    expect(await seriousViolations()).toEqual([]);
  });

  it('in the evening is a rating of pain now unless the person says it is the waking one', async () => {
    const { main, calls } = await render('#/check-in', undefined, { now: evening });
    expect(main.querySelector<HTMLInputElement>('input[name="kind"][value="now"]')?.checked).toBe(true);
    tick(main, 'pain', '2');
    press(main, 'Save');
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).not.toHaveProperty('waking');
    tick(main, 'kind', 'waking');
    expect(main.querySelector('#field-pain legend')?.textContent).toContain('woke up');
  });
});

describe('why it changed', () => {
  const forward = (): PlanChange => ({
    ...stepBack(), rule: 'TRK-ADAPT-STEP-FORWARD', direction: 'forward', variable: 'reps', exercise: 'dead-bug', toExercise: 'dead-bug', from: 8, to: 10,
    figures: { painDuring: 2, nextWakingPain: 3, baseline: 3, effort: 'about-right', toleratedInARow: 3, daysSinceLastChange: 8, everyMorningRated: true, weekMeanRose: false },
    sentence: 'Your last 3 sessions went well (pain during them at most 5 and the next morning close to your usual), so dead-bug: reps from 8 to 10.',
  });

  it('lists each change on the plan with its rule, figures, source and the API\'s sentence', async () => {
    const { main } = await render('#/plan', todayWith(today([stepBack(), forward()])));
    const changes = [...main.querySelectorAll('.why-changed li.change')];
    expect(changes.map((c) => c.getAttribute('data-rule'))).toEqual(['TRK-ADAPT-STEP-BACK', 'TRK-ADAPT-STEP-FORWARD']);
    const back = changes[0];
    expect(back.textContent).toContain(stepBack().sentence);
    expect(back.querySelector('code')?.textContent).toBe('TRK-ADAPT-STEP-BACK v1');
    expect(back.textContent).toContain('General clinical guidance for hip and groin pain');
    expect(back.querySelector('[data-figure="painDuring"]')?.textContent).toBe('worst pain during the session: 6');
    expect(back.querySelector('[data-figure="effort"]')?.textContent).toBe('how hard it felt: too hard');
    // A figure the rule did not have is not shown.
    expect(back.querySelector('[data-figure="baseline"]')).toBeNull();
    expect(changes[1].querySelector('[data-figure="everyMorningRated"]')?.textContent).toBe('every morning rated: yes');
    expect(await seriousViolations()).toEqual([]);
  });

  it('says so when nothing changed, and the plan still shows when today cannot be read', async () => {
    const { main } = await render('#/plan');
    expect(main.querySelector('.why-changed')?.textContent).toContain('No change since your last session.');
    const failing = await render('#/plan', (call) => (call.url === '/api/v1/me/plan/today' ? new Response('{}', { status: 503 }) : undefined));
    expect(failing.main.querySelector('h1')?.textContent).toBe('My plan');
    expect(failing.main.querySelector('.why-changed')).toBeNull();
  });

  it('shows on the session screen before the session begins', async () => {
    const { main } = await render('#/session', todayWith(today([stepBack()])));
    expect(main.querySelector('.why-changed [data-rule="TRK-ADAPT-STEP-BACK"]')?.textContent).toContain(stepBack().sentence);
  });
});
