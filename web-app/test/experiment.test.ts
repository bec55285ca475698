// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { context, fakePlatform, fixture, problem, selfCare, type Handler } from './fakePlatform';
import { shell, show } from '../src/app';
import { addDays, chartScale, daysBetween, localDate, phaseNow, phaseText, suggestedItems } from '../src/experiment';
import { EXPERIMENT } from '../src/words';
import type { ExperimentPhase, ExperimentView, RootCauseChecklist } from '../src/api/types';

const checklist = () => fixture<RootCauseChecklist>('root-cause-checklist');

const ratings = (from: string, pains: (number | null)[], countedFrom?: string) => pains.flatMap((pain, i) => {
  const day = addDays(from, i);
  return pain === null ? [] : [{ day, pain, counted: !countedFrom || day >= countedFrom }];
});

const phase = (from: string, pains: (number | null)[], extra: Partial<ExperimentPhase> = {}): ExperimentPhase => ({
  from, to: null, days: 7, countedFrom: null, endReason: null, ratings: ratings(from, pains, extra.countedFrom ?? undefined), mean: null, ...extra,
});

/** An experiment with everyday shoes as tracking shows it: baseline from 1 December, the change from 8 December. */
/** Tracking's bounds, as GET /me/experiments gives them. */
const LIMITS = { shortestChange: 3, longestChange: 200, latestStartDays: 14 };

function running(today: string, overrides: Partial<ExperimentView> = {}): ExperimentView {
  return {
    experimentId: '0b9a7c53-7d4e-4f3b-9a51-2c8d6e4f1a20', checklistItem: 'everyday-shoes', change: 'flat shoes instead of heeled boots',
    timeZone: 'Europe/Berlin', startDate: '2026-12-01', phase: 'change', running: true, today,
    advice: 'Keep the change and rate your pain each morning on waking: day 2 of at least 14. Change nothing else.',
    baseline: phase('2026-12-01', [5, 5, 6, 5, 5, 6, 5], { to: '2026-12-07', mean: 5.29 }),
    withChange: phase('2026-12-08', [5, 4], { days: 14, countedFrom: '2026-12-11' }),
    result: null, confirmation: null, ...overrides,
  };
}

describe('the suggested checklist item', () => {
  it('is the latest recommendation\'s first relevant item in the catalog\'s order, the others after it', () => {
    const rec = selfCare();
    rec.rootCauseChecks = rec.rootCauseChecks.map((c) => ({ ...c, relevant: c.step === 'sleeping-posture' || c.step === 'socks' }));
    expect(suggestedItems(checklist(), rec).map((s) => s.slug))
      .toEqual(['sleeping-posture', 'socks', 'exercise-form', 'posterior-chain-work', 'everyday-shoes', 'pillow-height']);
  });

  it('is the most common item when none is marked relevant, and never one the recommendation left out', () => {
    const slugs = suggestedItems(checklist(), selfCare()).map((s) => s.slug);
    expect(slugs[0]).toBe('exercise-form');
    expect(slugs).not.toContain('running-shoes'); // not a runner: triage gave no such check
  });

  it('moves an item already answered by an experiment to the end, but not one with too little data', () => {
    const answered = running('2026-12-30', { checklistItem: 'exercise-form', running: false, phase: 'ended',
      result: { outcome: 'no-clear-change', baselineMean: 5, changeMean: 5, tau: 0, p: 0.5, baselineSlope: 0, trendCorrected: false, baselineRatings: 7, changeRatings: 7, rule: 'TRK-EXP-RESULT', ruleVersion: 1, source: 'mfactor-root-cause', decidedBy: 'x' } });
    const thin = { ...answered, checklistItem: 'posterior-chain-work', result: { ...answered.result!, outcome: 'not-enough-data' } };
    const slugs = suggestedItems(checklist(), selfCare(), [answered, thin]).map((s) => s.slug);
    expect(slugs[0]).toBe('posterior-chain-work');
    expect(slugs.at(-1)).toBe('exercise-form');
  });

  it('is the catalog\'s whole checklist in its order without a recommendation, with the words the catalog gives', () => {
    const steps = suggestedItems(checklist(), null);
    expect(steps.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(steps[0].title).toBe(checklist().steps.find((s) => s.order === 1)!.title);
  });
});

describe('the phase reminder', () => {
  it('names the baseline and its day', () => {
    const e = running('2026-12-03', { phase: 'baseline', withChange: null, baseline: phase('2026-12-01', [5, 5]) });
    expect(phaseNow(e)).toBe('baseline');
    expect(phaseText(e)).toEqual({ ...EXPERIMENT.phases.baseline, day: 3 });
  });

  it('tells the change\'s first days, which do not count, from the counted ones', () => {
    expect(phaseNow(running('2026-12-10'))).toBe('settling');
    expect(phaseText(running('2026-12-10')).day).toBe(3);
    expect(phaseNow(running('2026-12-11'))).toBe('change');
    expect(phaseText(running('2026-12-11')).name).toBe(EXPERIMENT.phases.change.name);
  });

  it('names the undo week of a confirmation, counting its days from the undone phase', () => {
    const e = running('2026-12-26', { phase: 'undone', confirmation: { offered: true, undone: phase('2026-12-24', [4]), confirmation: null, result: null } });
    expect(phaseText(e)).toEqual({ ...EXPERIMENT.phases.undone, day: 3 });
  });

  it('gives no day before the baseline has begun', () => {
    const e = running('2026-11-29', { phase: 'baseline', withChange: null, baseline: phase('2026-12-01', []) });
    expect(phaseText(e).day).toBeNull();
  });
});

describe('the chart\'s scale', () => {
  const size = { width: 240, height: 120, pad: 20 };

  it('puts pain 0 at the bottom and 10 at the top of the plot, and each day in its column', () => {
    const scale = chartScale([{ phase: 'baseline', data: phase('2026-12-01', [0, null, 10]) }], size);
    expect(scale.points.map((p) => [p.day, p.x, p.y])).toEqual([['2026-12-01', 20, 100], ['2026-12-03', 220, 20]]);
  });

  it('leaves a missing day as a gap and puts the divider where the change begins', () => {
    const scale = chartScale([
      { phase: 'baseline', data: phase('2026-12-01', [5, 5, 5, 5]) },
      { phase: 'change', data: phase('2026-12-05', [3, null, 3, 2, 2]) },
    ], size);
    expect(scale.points).toHaveLength(8);
    expect(scale.dividers).toEqual([{ phase: 'change', x: 20 + (4 / 8) * 200 }]);
    const xs = scale.points.map((p) => p.x);
    expect(xs[5] - xs[4]).toBeCloseTo(2 * (xs[1] - xs[0]));
  });

  it('keeps every point inside the drawing and marks the first days of a change as not counted', () => {
    const scale = chartScale([
      { phase: 'baseline', data: phase('2026-12-01', [7, 7, 7]) },
      { phase: 'change', data: phase('2026-12-04', [9, 8, 1, 0], { countedFrom: '2026-12-07' }) },
    ], size);
    for (const p of scale.points) {
      expect(p.x).toBeGreaterThanOrEqual(20); expect(p.x).toBeLessThanOrEqual(220);
      expect(p.y).toBeGreaterThanOrEqual(20); expect(p.y).toBeLessThanOrEqual(100);
    }
    expect(scale.points.filter((p) => !p.counted).map((p) => p.day)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06']);
  });

  it('draws a single day without dividing by zero', () => {
    const scale = chartScale([{ phase: 'baseline', data: phase('2026-12-01', [4]) }], size);
    expect(scale.points[0]).toMatchObject({ x: 20, y: 20 + 0.6 * 80 });
  });
});

describe('local dates', () => {
  it('are the person\'s date in their time zone, not UTC\'s', () => {
    const lateEvening = new Date('2026-12-05T23:30:00Z');
    expect(localDate(lateEvening, 'Europe/Berlin')).toBe('2026-12-06');
    expect(localDate(lateEvening, 'America/New_York')).toBe('2026-12-05');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across a daylight-saving change
  });
});

async function render(handler: Handler) {
  const platform = fakePlatform(handler);
  const ctx = context(platform.fetchImpl, true);
  const { root, main } = shell(ctx);
  document.body.replaceChildren(root);
  window.location.hash = '#/experiments';
  await show(ctx, main, '#/experiments');
  return { main, calls: platform.calls };
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function flush(times = 10) {
  for (let i = 0; i < times; i += 1) await new Promise((r) => setTimeout(r, 0));
}

describe('the experiments screen', () => {
  beforeEach(() => { document.documentElement.lang = 'en'; });

  it('shows the running card with its phase, the morning reminder, the chart as a table, and passes axe', async () => {
    const { main } = await render((c) => (c.url.endsWith('/me/experiments') && c.method === 'GET' ? json({ items: [running('2026-12-09')], total: 1, limits: LIMITS }) : undefined));
    expect(main.querySelector('.experiment-phase')?.textContent).toBe(EXPERIMENT.phases.settling.name);
    expect(main.querySelector('.experiment-items')?.textContent).not.toContain(EXPERIMENT.tried); // running is not tried
    expect(main.querySelector('.experiment-morning a')?.getAttribute('href')).toBe('#/check-in');
    expect(main.querySelectorAll('table.figures tbody tr')).toHaveLength(9);
    expect(main.querySelector('.experiment-chart')?.getAttribute('aria-hidden')).toBe('true');
    // Starting another is folded away, with the reason, while this one runs.
    const another = main.querySelector<HTMLDetailsElement>('details.experiment-another');
    expect(another?.open).toBe(false);
    expect(another?.querySelector('summary')?.textContent).toBe(EXPERIMENT.another);
    expect(another?.textContent).toContain(EXPERIMENT.oneAtATime);
    expect(another?.querySelector('form.experiment-start')).not.toBeNull();
    const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('bounds the change and the start date by tracking\'s limits, as the list gives them', async () => {
    const limits = { shortestChange: 5, longestChange: 120, latestStartDays: 7 };
    const { main } = await render((c) => (c.url.endsWith('/me/experiments') && c.method === 'GET' ? json({ items: [], total: 0, limits }) : undefined));
    const change = main.querySelector<HTMLTextAreaElement>('#experiment-change')!;
    expect([change.minLength, change.maxLength]).toEqual([5, 120]);
    expect(main.querySelector('#experiment-change-hint')?.textContent).toContain('5 to 120 characters');
    const start = main.querySelector<HTMLInputElement>('#experiment-start')!;
    expect(start.max).toBe(addDays(start.min, 7));
  });

  it('starts from the suggested item and shows the service\'s 409 message as it gives it', async () => {
    const message = 'Your experiment with everyday-shoes (started 2026-12-01) is still running.';
    const { main, calls } = await render((c) => {
      if (c.url.endsWith('/me/experiments') && c.method === 'GET') return json({ items: [], total: 0, limits: LIMITS });
      if (c.url.endsWith('/me/experiments') && c.method === 'POST') return problem(409, message, [{ field: 'checklistItem', message: 'another experiment is running' }]);
      return undefined;
    });
    expect(main.querySelector('details.experiment-another')).toBeNull(); // none running: the form is open
    const checked = main.querySelector<HTMLInputElement>('input[name="checklistItem"]:checked');
    expect(checked?.value).toBe('exercise-form');
    const change = main.querySelector<HTMLTextAreaElement>('#experiment-change')!;
    expect(change.maxLength).toBe(200);
    change.value = 'squats in front of a mirror';
    main.querySelector<HTMLButtonElement>('form.experiment-start button[type="submit"]')!.click();
    await flush();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ checklistItem: 'exercise-form', change: 'squats in front of a mirror' });
    expect((post?.body as { startDate: string }).startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(main.querySelector('form.experiment-start [role="alert"]')?.textContent).toContain(message);
  });

  it('puts the service\'s field messages next to the fields a 400 names', async () => {
    const { main } = await render((c) => {
      if (c.url.endsWith('/me/experiments') && c.method === 'GET') return json({ items: [], total: 0, limits: LIMITS });
      if (c.method === 'POST') return problem(400, 'Invalid', [{ field: 'startDate', message: 'must be from today' }]);
      return undefined;
    });
    main.querySelector<HTMLTextAreaElement>('#experiment-change')!.value = 'flat shoes';
    main.querySelector<HTMLButtonElement>('form.experiment-start button[type="submit"]')!.click();
    await flush();
    expect(main.querySelector('#field-startDate .field-error')?.textContent).toBe('must be from today');
  });

  it('lists a past experiment with its result in words and offers the undo week when tracking does', async () => {
    const ended = running('2026-12-30', {
      phase: 'ended', running: false, advice: 'Helped. To be surer, you can undo the change for a week.',
      result: { outcome: 'helped', baselineMean: 5.3, changeMean: 2.1, tau: -0.71, p: 0.004, baselineSlope: 0.01, trendCorrected: false, baselineRatings: 7, changeRatings: 11,
        rule: 'TRK-EXP-RESULT', ruleVersion: 1, source: 'mfactor-root-cause', decidedBy: 'Mean waking pain fell from 5.3 to 2.1 and Tau agrees (p = 0.004).' },
      confirmation: { offered: true, undone: null, confirmation: null, result: null },
    });
    const { main } = await render((c) => (c.url.endsWith('/me/experiments') && c.method === 'GET' ? json({ items: [ended], total: 1, limits: LIMITS }) : undefined));
    const past = main.querySelector('.experiment-past')!;
    expect(past.textContent).toContain(`${EXPERIMENT.result}: ${EXPERIMENT.outcomes.helped}`);
    expect(past.textContent).toContain('Tau agrees (p = 0.004)');
    expect(past.textContent).toContain('0.004');
    expect([...past.querySelectorAll('button')].map((b) => b.textContent)).toContain(EXPERIMENT.undo);
    const everydayShoes = main.querySelector('input[name="checklistItem"][value="everyday-shoes"]')!.closest('label')!;
    expect(everydayShoes.textContent).toContain(`(${EXPERIMENT.tried})`);
    expect(main.querySelector('.experiment-running')).toBeNull();
  });
});
