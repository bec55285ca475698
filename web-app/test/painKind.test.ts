// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asksPainKind, completion, tasksOf, worse, worstOf } from '../src/screens/session';
import { selfCare } from './fakePlatform';
import { json, press, render, resetDocument, seriousViolations, tick } from './screen';
import { SESSION } from '../src/words';

const question = (root: ParentNode, name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.closest('fieldset');

beforeEach(resetDocument);

/** The session screen, and the sessions it sends. */
async function session() {
  const posted: Record<string, unknown>[] = [];
  const { main } = await render('#/session', (call) => {
    if (call.url === '/api/v1/me/sessions') { posted.push(call.body as Record<string, unknown>); return json({}, 201); }
    return undefined;
  });
  return { main, posted };
}

describe('pain or a strong stretch feeling (TRK-ESCALATE-SESSION-PAIN reads painKind)', () => {
  it('is asked from 7, where tracking escalates pain, and not below', () => {
    expect([null, 0, 5, 6].map(asksPainKind)).toEqual([false, false, false, false]);
    expect([7, 8, 10].map(asksPainKind)).toEqual([true, true, true]);
  });

  it('takes the highest pain of the reports, and at the same pain the answer "pain" (the cautious reading)', () => {
    expect(worse(null, { pain: 3, kind: null })).toEqual({ pain: 3, kind: null });
    expect(worse({ pain: 8, kind: 'strong-stretch' }, { pain: 7, kind: 'pain' })).toEqual({ pain: 8, kind: 'strong-stretch' });
    expect(worse({ pain: 7, kind: 'strong-stretch' }, { pain: 7, kind: 'pain' })).toEqual({ pain: 7, kind: 'pain' });
    expect(worse({ pain: 7, kind: 'pain' }, { pain: 7, kind: 'strong-stretch' })).toEqual({ pain: 7, kind: 'pain' });
    expect(worstOf([undefined, { pain: 4, kind: null }, undefined, { pain: 9, kind: 'pain' }])).toEqual({ pain: 9, kind: 'pain' });
    expect(worstOf([undefined])).toBeNull();
  });

  it('is sent as painKind only with pain during of 7 or more, in the API\'s words', () => {
    const tasks = tasksOf(selfCare().plan.phases);
    const at = new Date('2026-12-05T08:00:00Z');
    expect(completion('s', at, at, tasks, 3, 2, { painDuring: 7, effort: 'too-hard', painKind: 'pain' })).toMatchObject({ painDuring: 7, painKind: 'pain' });
    expect(completion('s', at, at, tasks, 3, 2, { painDuring: 8, effort: 'too-hard', painKind: 'strong-stretch' })).toMatchObject({ painKind: 'strong-stretch' });
    // Tracking refuses painKind without painDuring; below 7 the answer changes nothing and is not asked for.
    expect(completion('s', at, at, tasks, 3, 2, { painDuring: 6, effort: 'too-hard', painKind: 'pain' })).not.toHaveProperty('painKind');
    expect(completion('s', at, at, tasks, 3, 2, { painDuring: 9, effort: 'too-hard' })).not.toHaveProperty('painKind');
  });

  it('is asked during the exercise after a 7, and the answer is the session\'s unless the person changes it', async () => {
    const { main, posted } = await session();
    tick(main, 'painBefore', '2');
    press(main, 'Begin');
    press(main, SESSION.reportPain);
    tick(main, 'painNow', '6');
    expect(question(main, 'painKindNow')?.hidden).toBe(true);
    tick(main, 'painNow', '7');
    expect(question(main, 'painKindNow')?.hidden).toBe(false);
    expect(question(main, 'painKindNow')?.querySelector('legend')?.textContent).toBe(SESSION.painKind.legend);
    tick(main, 'painKindNow', 'pain');
    expect(await seriousViolations()).toEqual([]);
    press(main, SESSION.stopExercise);
    let guard = 0;
    while (main.querySelector('.task') && guard++ < 100) press(main, 'Done');
    expect(main.querySelector<HTMLInputElement>('input[name="painDuring"][value="7"]')?.checked).toBe(true);
    expect(question(main, 'painKind')?.hidden).toBe(false);
    expect(main.querySelector<HTMLInputElement>('input[name="painKind"][value="pain"]')?.checked).toBe(true);
    tick(main, 'painAfter', '5');
    tick(main, 'effort', 'too-hard');
    expect(await seriousViolations()).toEqual([]);
    press(main, 'Finish and save');
    await vi.waitFor(() => expect(main.querySelector('[role="status"]')?.textContent).toBe(SESSION.sentNow));
    expect(posted).toEqual([expect.objectContaining({ painDuring: 7, painKind: 'pain', effort: 'too-hard' })]);
  });

  it('after the session, a worst pain of 7 or more needs the answer before the session is saved', async () => {
    const { main, posted } = await session();
    tick(main, 'painBefore', '2');
    press(main, 'Begin');
    let guard = 0;
    while (main.querySelector('.task') && guard++ < 100) press(main, 'Done');
    expect(question(main, 'painKind')?.hidden).toBe(true);
    tick(main, 'painAfter', '4');
    tick(main, 'effort', 'about-right');
    tick(main, 'painDuring', '8');
    expect(question(main, 'painKind')?.hidden).toBe(false);
    press(main, 'Finish and save');
    expect(main.querySelector('[role="status"]')?.textContent).toBe(SESSION.answerAll);
    expect(posted).toEqual([]);
    tick(main, 'painKind', 'strong-stretch');
    press(main, 'Finish and save');
    await vi.waitFor(() => expect(posted).toEqual([expect.objectContaining({ painDuring: 8, painKind: 'strong-stretch' })]));
  });
});
