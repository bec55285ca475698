import { h, plain } from '../dom';
import { NetworkError } from '../api/problem';
import type { Context } from '../context';
import type { PlanItem, PlanPhase, SessionCompletion } from '../api/types';
import { loadTerms, type Terms } from '../catalogTerms';
import { deviceTimeZone, withOffset } from '../symptom/draft';
import { heading, painScale, failure } from '../ui';
import { PLAN, SESSION, formatDose, range } from '../words';

/** One thing to do in the guided session: an exercise, on one side when it is done side by side. */
export interface Task { phase: PlanPhase; item: PlanItem & { exercise: string }; side: 'left' | 'right' | null }

/** The session's tasks in the plan's order: phase by phase, each exercise on the left and then the right side. */
export function tasksOf(phases: PlanPhase[]): Task[] {
  return [...phases].sort((a, b) => a.order - b.order).flatMap((phase) => phase.items
    .filter((item): item is PlanItem & { exercise: string } => item.exercise !== null)
    .flatMap((item) => (item.dose.perSide ? (['left', 'right'] as const) : [null]).map((side) => ({ phase, item, side }))));
}

/** The session as tracking records it; its id is the one it got when it began, so a resend is the same session. */
export function completion(sessionId: string, startedAt: Date, endedAt: Date, tasks: Task[], painBefore: number, painAfter: number): SessionCompletion {
  const minutes = Math.min(240, Math.max(1, Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000)));
  return {
    sessionId, startedAt: withOffset(startedAt), endedAt: withOffset(endedAt), timeZone: deviceTimeZone(), minutes,
    phases: [...new Set(tasks.map((t) => t.phase.category ?? t.phase.phase))],
    exercises: [...new Set(tasks.map((t) => t.item.exercise))],
    sides: 'both', painBefore, painAfter,
  };
}

/** What a session needs, kept from the last time it was read online, so a session can also begin offline. */
interface SessionPlan { phases: PlanPhase[]; exerciseTitles: Record<string, string>; phaseTitles: Record<string, string> }

/** Per person, like the queue, so that on a shared device nobody begins another person's session. */
const keptPlan = (ctx: Context) => `hipflex.session-plan.${ctx.signedIn?.subject ?? 'anonymous'}`;

async function readSessionPlan(ctx: Context): Promise<SessionPlan | 'no-plan'> {
  try {
    const plan = await ctx.services.plan();
    if (plan.status !== 'active' || !plan.recommendation) return 'no-plan';
    const answer = await ctx.services.recommendation(plan.recommendation);
    const phases = answer.ready ? answer.recommendation.plan.phases : [];
    const terms = await loadTerms(ctx.services);
    const slugs = tasksOf(phases).map((t) => t.item.exercise);
    const read: SessionPlan = {
      phases,
      exerciseTitles: Object.fromEntries(slugs.map((slug) => [slug, terms.exercise(slug)])),
      phaseTitles: Object.fromEntries(phases.map((p) => [p.phase, terms.phase(p.phase)])),
    };
    ctx.storage.setItem(keptPlan(ctx), JSON.stringify(read));
    return read;
  } catch (error) {
    const kept = error instanceof NetworkError ? ctx.storage.getItem(keptPlan(ctx)) : null;
    if (kept) return JSON.parse(kept) as SessionPlan;
    throw error;
  }
}

/** Today's session, guided task by task; finished, it goes to the offline queue, which sends it now or once online. */
export async function sessionScreen(ctx: Context): Promise<HTMLElement> {
  const read = await readSessionPlan(ctx);
  if (read === 'no-plan') return h('div', {}, heading(SESSION.title), h('p', {}, SESSION.noPlan), h('a', { href: '#/plan' }, PLAN.title));
  const tasks = tasksOf(read.phases);
  if (tasks.length === 0) return h('div', {}, heading(SESSION.title), h('p', {}, SESSION.held));
  const terms: Titles = {
    exercise: (slug) => read.exerciseTitles[slug] ?? plain(slug),
    phase: (slug) => read.phaseTitles[slug] ?? plain(slug),
  };

  const root = h('div', { class: 'session' });
  const sessionId = ctx.newId();
  let startedAt = ctx.now();
  let painBefore: number | null = null;
  let painAfter: number | null = null;
  let index = -1;
  let stopTimer: () => void = () => undefined;

  const show = (...children: (Node | null)[]) => {
    stopTimer();
    root.replaceChildren(heading(SESSION.title), ...children.filter((c): c is Node => c !== null));
    root.querySelector<HTMLElement>('.screen-title')?.focus();
  };
  const step = () => {
    if (index < 0) {
      show(painScale('painBefore', SESSION.painBefore, painBefore, (n) => { painBefore = n; }),
        h('button', { type: 'button', class: 'primary', onclick: () => { if (painBefore !== null) { startedAt = ctx.now(); index = 0; step(); } } }, SESSION.begin));
    } else if (index < tasks.length) {
      const view = taskView(tasks[index], index, tasks.length, terms, () => { index += 1; step(); });
      show(view.element);
      stopTimer = view.stop;
    } else {
      const status = h('p', { role: 'status' });
      show(painScale('painAfter', SESSION.painAfter, painAfter, (n) => { painAfter = n; }),
        h('button', { type: 'button', class: 'primary', onclick: async (e: Event) => {
          if (painAfter === null || painBefore === null) return;
          (e.currentTarget as HTMLButtonElement).disabled = true;
          ctx.queue.add(completion(sessionId, startedAt, ctx.now(), tasks, painBefore, painAfter));
          try {
            const result = await ctx.queue.flush();
            status.textContent = result.sent.includes(sessionId) ? SESSION.sentNow : SESSION.kept;
            if (result.refused.length) status.after(failure(result.refused[0].problem));
          } catch (error) {
            status.after(failure(error));
          }
        } }, SESSION.finish), status);
    }
  };
  step();
  return root;
}

type Titles = Pick<Terms, 'exercise' | 'phase'>;

function taskView(task: Task, index: number, total: number, terms: Titles, done: () => void): { element: HTMLElement; stop: () => void } {
  const { item, side, phase } = task;
  const dose = item.dose;
  let stop = () => undefined as void;
  let control: HTMLElement | null = null;
  if (dose.reps) {
    const target = dose.reps.max * (dose.sets?.max ?? 1);
    let count = 0;
    const shown = h('output', { 'aria-live': 'polite' }, `0 ${SESSION.of} ${target} ${SESSION.reps}`);
    control = h('div', { class: 'counter' }, shown, h('button', { type: 'button', class: 'big', onclick: () => {
      count = Math.min(target, count + 1);
      shown.textContent = `${count} ${SESSION.of} ${target} ${SESSION.reps}`;
    } }, SESSION.rep));
  }
  const seconds = dose.holdSeconds ? dose.holdSeconds.max : dose.minutes ? dose.minutes.max * 60 : 0;
  if (seconds > 0) {
    const timer = countdown(seconds);
    stop = timer.stop;
    control = control ? h('div', {}, control, timer.element) : timer.element;
  }
  const element = h('div', { class: 'task' },
    h('p', { class: 'step-count' }, `${index + 1} / ${total} · ${terms.phase(phase.phase)}`),
    h('h2', {}, terms.exercise(item.exercise), side ? ` — ${side === 'left' ? SESSION.left : SESSION.right}` : ''),
    h('p', { class: 'dose' }, formatDose(dose)), dose.reps && dose.sets ? h('p', {}, `${SESSION.set}: ${range(dose.sets)}`) : null,
    item.instruction ? h('p', {}, item.instruction) : null, control,
    h('button', { type: 'button', class: 'primary', onclick: done }, SESSION.done));
  return { element, stop: () => stop() };
}

/** Seconds as m:ss, the way a timer reads. */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A countdown that follows the clock (not the count of ticks), so a throttled or sped-up page stays right. */
export function countdown(seconds: number, now: () => number = () => Date.now()): { element: HTMLElement; stop: () => void } {
  let endsAt: number | null = null;
  let left = seconds;
  let timer: ReturnType<typeof setInterval> | null = null;
  const shown = h('output', { class: 'countdown', 'aria-live': 'off' }, `${clock(left)} ${SESSION.remaining}`);
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const tick = () => {
    if (endsAt === null) return;
    left = Math.max(0, Math.ceil((endsAt - now()) / 1000));
    shown.textContent = `${clock(left)} ${SESSION.remaining}`;
    if (left === 0) {
      stop();
      button.textContent = SESSION.startTimer;
      shown.setAttribute('aria-live', 'assertive');
    }
  };
  const button = h('button', { type: 'button', class: 'big', onclick: () => {
    if (timer !== null) {
      stop();
      endsAt = null;
      button.textContent = SESSION.startTimer;
      return;
    }
    if (left === 0) left = seconds;
    endsAt = now() + left * 1000;
    timer = setInterval(tick, 250);
    button.textContent = SESSION.pauseTimer;
  } }, SESSION.startTimer);
  return { element: h('div', { class: 'timer' }, shown, button), stop };
}
