// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clock, completion, countdown, tasksOf } from '../src/screens/session';
import { selfCare, context, fakePlatform } from './fakePlatform';
import { shell, show } from '../src/app';

describe('the guided session', () => {
  it('goes phase by phase in the plan\'s order, each one-sided exercise on the left and then the right', () => {
    const tasks = tasksOf(selfCare().plan.phases);
    expect(tasks.slice(0, 4).map((t) => `${t.phase.phase}:${t.item.exercise}:${t.side}`)).toEqual([
      'release:foam-roll-quads-rectus-femoris:left', 'release:foam-roll-quads-rectus-femoris:right',
      'release:lacrosse-ball-psoas-release:left', 'release:lacrosse-ball-psoas-release:right',
    ]);
    expect(tasks.find((t) => t.item.exercise === 'glute-bridge-hold')?.side).toBeNull();
    expect([...new Set(tasks.map((t) => t.phase.phase))]).toEqual(['release', 'stretch', 'strengthen']);
  });

  it('records the session under the id it began with, with its phases, exercises and pain', () => {
    const tasks = tasksOf(selfCare().plan.phases);
    const s = completion('sess-1', new Date('2026-12-05T08:00:00Z'), new Date('2026-12-05T08:21:10Z'), tasks, 4, 3);
    expect(s).toMatchObject({ sessionId: 'sess-1', minutes: 21, phases: ['release', 'stretch', 'strengthen'], sides: 'both', painBefore: 4, painAfter: 3 });
    expect(s.exercises).toContain('couch-stretch');
    expect(new Set(s.exercises).size).toBe(s.exercises.length);
  });
});

describe('a countdown', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('reads as minutes and seconds', () => {
    expect(clock(120)).toBe('2:00');
    expect(clock(45)).toBe('0:45');
  });

  it('follows the clock and can be paused', () => {
    const timer = countdown(45);
    document.body.replaceChildren(timer.element);
    const [shown, button] = [timer.element.querySelector('output'), timer.element.querySelector('button')];
    button?.click();
    vi.advanceTimersByTime(10_000);
    expect(shown?.textContent).toMatch(/^0:35 /);
    button?.click();
    vi.advanceTimersByTime(20_000);
    expect(shown?.textContent).toMatch(/^0:35 /);
    button?.click();
    vi.advanceTimersByTime(40_000);
    expect(shown?.textContent).toMatch(/^0:00 /);
    timer.stop();
  });
});

describe('a session finished offline', () => {
  it('is kept and sent once the connection returns, under the same session id', async () => {
    let online = true;
    const posted: { sessionId: string }[] = [];
    const platform = fakePlatform((call) => {
      if (call.url !== '/api/v1/me/sessions') return undefined;
      if (!online) throw new TypeError('Failed to fetch');
      posted.push(call.body as { sessionId: string });
      return new Response('{}', { status: 201 });
    });
    const ctx = context(platform.fetchImpl);
    const { root, main } = shell(ctx);
    document.body.replaceChildren(root);
    await show(ctx, main, '#/session');
    const press = (text: string) => [...main.querySelectorAll('button')].find((b) => b.textContent === text)?.click();
    (main.querySelector('input[name="painBefore"][value="4"]') as HTMLInputElement).click();
    press('Begin');
    let guard = 0;
    while (main.querySelector('.task') && guard++ < 100) press('Done');
    online = false;
    (main.querySelector('input[name="painAfter"][value="2"]') as HTMLInputElement).click();
    (main.querySelector('input[name="painDuring"][value="3"]') as HTMLInputElement).click();
    (main.querySelector('input[name="effort"][value="about-right"]') as HTMLInputElement).click();
    press('Finish and save');
    await vi.waitFor(() => expect(main.querySelector('[role="status"]')?.textContent).toContain('kept on this device'));
    const kept = ctx.queue.pending().map((s) => s.sessionId);
    expect(kept).toHaveLength(1);
    expect(posted).toHaveLength(0);

    online = true;
    const result = await ctx.queue.flush();
    expect(result.sent).toEqual(kept);
    expect(ctx.queue.pending()).toEqual([]);
    expect(posted).toEqual([expect.objectContaining({ sessionId: kept[0], painBefore: 4, painAfter: 2, painDuring: 3, effort: 'about-right' })]);
  });
});

describe('a session begun offline', () => {
  it('uses the plan read the last time the device was online', async () => {
    let online = true;
    const platform = fakePlatform(() => {
      if (!online) throw new TypeError('Failed to fetch');
      return undefined;
    });
    const ctx = context(platform.fetchImpl);
    const { root, main } = shell(ctx);
    document.body.replaceChildren(root);
    await show(ctx, main, '#/session');
    online = false;
    await show(ctx, main, '#/check-in');
    await show(ctx, main, '#/session');
    (main.querySelector('input[name="painBefore"][value="3"]') as HTMLInputElement).click();
    [...main.querySelectorAll('button')].find((b) => b.textContent === 'Begin')?.click();
    expect(main.querySelector('.task h2')?.textContent).toBe('Foam roll for the quads and rectus femoris — Left side');
  });

  it('without a plan read before, says the service cannot be reached', async () => {
    const platform = fakePlatform(() => { throw new TypeError('Failed to fetch'); });
    const ctx = context(platform.fetchImpl);
    const { root, main } = shell(ctx);
    document.body.replaceChildren(root);
    await show(ctx, main, '#/session');
    expect(main.querySelector('[role="alert"]')?.textContent).toContain('offline');
  });
});
