import { h, plain } from '../dom';
import { NetworkError } from '../api/problem';
import type { Context } from '../context';
import type { Dose, Effort, Exercise, PainKind, PlanChange, PlanItem, PlanPhase, PlanView, SessionCompletion, TodayExercise, TodayPlan } from '../api/types';
import { loadTerms, type Terms } from '../catalogTerms';
import { deviceTimeZone, withOffset } from '../symptom/draft';
import { heading, painScale, failure } from '../ui';
import { PLAN, SESSION, formatDose, range } from '../words';
import { whyItChanged } from './changes';

/** One thing to do in the guided session: an exercise, on one side when it is done side by side. */
export interface Task { phase: PlanPhase; item: PlanItem & { exercise: string }; side: 'left' | 'right' | null }

/** The session's tasks in the plan's order: phase by phase, each exercise on the left and then the right side. */
export function tasksOf(phases: PlanPhase[]): Task[] {
  return [...phases].sort((a, b) => a.order - b.order).flatMap((phase) => phase.items
    .filter((item): item is PlanItem & { exercise: string } => item.exercise !== null)
    .flatMap((item) => (item.dose.perSide ? (['left', 'right'] as const) : [null]).map((side) => ({ phase, item, side }))));
}

/**
 * What the person says after the session: the worst pain during it, how hard it felt, and from 7 on whether the worst
 * was pain or a strong stretch feeling.
 */
export interface Feedback { painDuring: number; effort: Effort | null; painKind?: PainKind | null }

/**
 * From this pain on the app asks whether it was pain or a strong stretch feeling: tracking escalates pain of 7 or more
 * during a session, not a strong stretch (TRK-ESCALATE-SESSION-PAIN).
 */
export const ASK_PAIN_KIND_FROM = 7;

export const asksPainKind = (pain: number | null): boolean => pain !== null && pain >= ASK_PAIN_KIND_FROM;

/** One "it hurts" report during an exercise, with the answer to "pain or a strong stretch?" where it was asked. */
export interface PainReport { pain: number; kind: PainKind | null }

/**
 * The worst of two reports: the higher pain; at the same pain, pain rather than a strong stretch (the cautious
 * reading, as tracking's).
 */
export function worse(a: PainReport | null, b: PainReport): PainReport {
  if (a === null || b.pain > a.pain) return b;
  if (b.pain === a.pain && b.kind === 'pain') return b;
  return a;
}

/** The worst of a session's reports so far (each exercise keeps its latest), or null before any. */
export function worstOf(reports: (PainReport | undefined)[]): PainReport | null {
  return reports.reduce<PainReport | null>((w, r) => (r ? worse(w, r) : w), null);
}

/** "Was it pain, or a strong stretch feeling?" as two radio buttons. */
function painKindQuestion(name: string, value: PainKind | null, onChange: (kind: PainKind) => void): HTMLFieldSetElement {
  return h('fieldset', { class: 'pain-kind' }, h('legend', {}, SESSION.painKind.legend),
    Object.entries(SESSION.painKind.options).map(([word, label]) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value: word, checked: value === word, onchange: () => onChange(word as PainKind) }), label)));
}

/** The session as tracking records it; its id is the one it got when it began, so a resend is the same session. */
export function completion(sessionId: string, startedAt: Date, endedAt: Date, tasks: Task[], painBefore: number, painAfter: number,
  feedback?: Feedback): SessionCompletion {
  const minutes = Math.min(240, Math.max(1, Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000)));
  return {
    sessionId, startedAt: withOffset(startedAt), endedAt: withOffset(endedAt), timeZone: deviceTimeZone(), minutes,
    phases: [...new Set(tasks.map((t) => t.phase.category ?? t.phase.phase))],
    exercises: [...new Set(tasks.map((t) => t.item.exercise))],
    sides: 'both', painBefore, painAfter,
    ...(feedback ? { painDuring: feedback.painDuring } : {}),
    ...(feedback?.effort ? { effort: feedback.effort } : {}),
    ...(feedback?.painKind && asksPainKind(feedback.painDuring) ? { painKind: feedback.painKind } : {}),
  };
}

const DOSE_VARIABLES = ['sets', 'reps', 'holdSeconds', 'minutes'] as const;

/** A dose with today's adapted values in place of the ranges they step within. */
function adaptedDose(base: Dose, today: TodayExercise['dose']): Dose {
  const dose: Dose = { ...base };
  for (const variable of DOSE_VARIABLES) {
    const now = today[variable];
    if (now) dose[variable] = { min: now.value, max: now.value };
  }
  return dose;
}

/**
 * The recommendation's phases with today's session in them: each plan slot (tracking keeps the plan's exercises in the
 * recommendation's order) holds today's exercise at today's dose. An exercise stepped to its progression or regression
 * takes the catalog's dose as its base and leaves the old exercise's instruction behind.
 */
export function adaptedPhases(phases: PlanPhase[], planExercises: string[], today: TodayPlan, catalog: Map<string, Exercise>): PlanPhase[] {
  const used = new Set<number>();
  const slotOf = (slug: string) => {
    const slot = planExercises.findIndex((e, i) => e === slug && !used.has(i));
    if (slot >= 0) used.add(slot);
    return slot;
  };
  return phases.map((phase) => ({ ...phase, items: phase.items.map((item) => {
    if (item.exercise === null) return item;
    const now = today.exercises[slotOf(item.exercise)];
    if (!now) return item;
    const same = now.exercise === item.exercise;
    const base = same ? item.dose : catalog.get(now.exercise)?.dose ?? item.dose;
    return { ...item, exercise: now.exercise, dose: adaptedDose(base, now.dose), instruction: same ? item.instruction : null };
  }) }));
}

/** What a session needs, kept from the last time it was read online, so a session can also begin offline. */
interface SessionPlan {
  phases: PlanPhase[]; exerciseTitles: Record<string, string>; phaseTitles: Record<string, string>;
  /** the changes since the last session and the titles of their sources (absent in what older versions kept) */
  changes?: PlanChange[]; sourceTitles?: Record<string, string>;
}

/** Per person, like the queue, so that on a shared device nobody begins another person's session. */
const keptPlan = (ctx: Context) => `hipflex.session-plan.${ctx.signedIn?.subject ?? 'anonymous'}`;

type Wait = (ms: number) => Promise<void>;
const pause: Wait = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The plan, once it carries the person's recommendation. Starting the plan from a recommendation can reach tracking
 * before the recommendation itself does (it travels over Kafka): a plan without one, while the person has a
 * recommendation, is waited for a little, as the recommendation screen waits for triage.
 */
async function planWithRecommendation(ctx: Context, wait: Wait): Promise<PlanView> {
  let plan = await ctx.services.plan();
  if (plan.recommendation || plan.status !== 'active') return plan;
  if ((await ctx.services.myRecommendations()).items.length === 0) return plan;
  let delay = 300;
  for (let attempt = 0; attempt < 15 && !plan.recommendation; attempt += 1) {
    await wait(delay);
    delay = Math.min(delay * 1.5, 2000);
    plan = await ctx.services.plan();
  }
  return plan;
}

async function readSessionPlan(ctx: Context, wait: Wait): Promise<SessionPlan | 'no-plan'> {
  try {
    const plan = await planWithRecommendation(ctx, wait);
    if (plan.status !== 'active' || !plan.recommendation) return 'no-plan';
    const [answer, today, terms] = await Promise.all([
      ctx.services.recommendation(plan.recommendation), ctx.services.today(), loadTerms(ctx.services),
    ]);
    const phases = adaptedPhases(answer.ready ? answer.recommendation.plan.phases : [], plan.exercises, today, terms.exercises);
    const slugs = tasksOf(phases).map((t) => t.item.exercise);
    const read: SessionPlan = {
      phases,
      exerciseTitles: Object.fromEntries(slugs.map((slug) => [slug, terms.exercise(slug)])),
      phaseTitles: Object.fromEntries(phases.map((p) => [p.phase, terms.phase(p.phase)])),
      changes: today.changes,
      sourceTitles: Object.fromEntries(today.changes.map((c) => [c.source, terms.source(c.source)])),
    };
    ctx.storage.setItem(keptPlan(ctx), JSON.stringify(read));
    return read;
  } catch (error) {
    const kept = error instanceof NetworkError ? ctx.storage.getItem(keptPlan(ctx)) : null;
    if (kept) return JSON.parse(kept) as SessionPlan;
    throw error;
  }
}

/**
 * Today's session from the adapting plan, guided task by task; during each exercise the person can say how much it
 * hurts (above 5: stop that exercise). After it, pain now, the worst pain during it and how hard it felt; finished, it
 * goes to the offline queue, which sends it now or once online.
 */
export async function sessionScreen(ctx: Context, wait: Wait = pause): Promise<HTMLElement> {
  const read = await readSessionPlan(ctx, wait);
  if (read === 'no-plan') return h('div', {}, heading(SESSION.title), h('p', {}, SESSION.noPlan), h('a', { href: '#/plan' }, PLAN.title));
  const tasks = tasksOf(read.phases);
  const why = whyItChanged(read.changes ?? [], { source: (slug) => read.sourceTitles?.[slug] ?? plain(slug) });
  if (tasks.length === 0) return h('div', {}, heading(SESSION.title), h('p', {}, SESSION.held), why);
  const terms: Titles = {
    exercise: (slug) => read.exerciseTitles[slug] ?? plain(slug),
    phase: (slug) => read.phaseTitles[slug] ?? plain(slug),
  };

  const root = h('div', { class: 'session' });
  const sessionId = ctx.newId();
  let startedAt = ctx.now();
  let painBefore: number | null = null;
  let painAfter: number | null = null;
  let painDuring: number | null = null;
  let painKind: PainKind | null = null;
  let effort: Effort | null = null;
  const reports: (PainReport | undefined)[] = [];
  let index = -1;
  let stopTimer: () => void = () => undefined;

  const show = (...children: (Node | null)[]) => {
    stopTimer();
    root.replaceChildren(heading(SESSION.title), ...children.filter((c): c is Node => c !== null));
    root.querySelector<HTMLElement>('.screen-title')?.focus();
  };
  /** A new exercise's "it hurts" reports: its latest counts, and the worst of all exercises is the session's. */
  const painReports = () => {
    const slot = reports.push(undefined) - 1;
    return (report: PainReport) => {
      reports[slot] = report;
      const worst = worstOf(reports);
      painDuring = worst?.pain ?? null;
      painKind = worst?.kind ?? null;
    };
  };
  const step = () => {
    if (index < 0) {
      show(why, painScale('painBefore', SESSION.painBefore, painBefore, (n) => { painBefore = n; }),
        h('button', { type: 'button', class: 'primary', onclick: () => { if (painBefore !== null) { startedAt = ctx.now(); index = 0; step(); } } }, SESSION.begin));
    } else if (index < tasks.length) {
      const view = taskView(tasks[index], index, tasks.length, terms, () => { index += 1; step(); }, painReports());
      show(view.element);
      stopTimer = view.stop;
    } else {
      const status = h('p', { role: 'status' });
      const efforts = h('fieldset', { class: 'effort' }, h('legend', {}, SESSION.effort.legend),
        Object.entries(SESSION.effort.options).map(([word, label]) => h('label', { class: 'choice' },
          h('input', { type: 'radio', name: 'effort', value: word, checked: effort === word, onchange: () => { effort = word as Effort; } }), label)));
      const kind = painKindQuestion('painKind', painKind, (k) => { painKind = k; });
      kind.hidden = !asksPainKind(painDuring);
      show(painScale('painAfter', SESSION.painAfter, painAfter, (n) => { painAfter = n; }),
        painScale('painDuring', SESSION.painDuring, painDuring, (n) => { painDuring = n; kind.hidden = !asksPainKind(n); }), kind, efforts,
        h('p', { class: 'hint' }, SESSION.feedbackHint),
        h('button', { type: 'button', class: 'primary', onclick: async (e: Event) => {
          if (painAfter === null || painBefore === null || painDuring === null || effort === null
            || (asksPainKind(painDuring) && painKind === null)) {
            status.textContent = SESSION.answerAll;
            return;
          }
          status.textContent = '';
          (e.currentTarget as HTMLButtonElement).disabled = true;
          ctx.queue.add(completion(sessionId, startedAt, ctx.now(), tasks, painBefore, painAfter, { painDuring, effort, painKind }));
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

/**
 * "It hurts": a 0–10 rating during the exercise. Above 5 is too much (the pain-monitoring model): the person is told to
 * stop that exercise there and then, and gets a button that does. From 7 on they are asked whether it is pain or a
 * strong stretch feeling.
 */
function painReport(onPain: (report: PainReport) => void, stop: () => void): HTMLElement {
  const box = h('div', { class: 'pain-report' });
  const advice = h('p', { role: 'alert', class: 'pain-advice' });
  const stopButton = h('button', { type: 'button', class: 'primary stop', hidden: true, onclick: stop }, SESSION.stopExercise);
  const open = h('button', { type: 'button', onclick: () => {
    open.remove();
    let report: PainReport | null = null;
    const kind = painKindQuestion('painKindNow', null, (k) => {
      if (report) onPain(report = { ...report, kind: k });
    });
    kind.hidden = true;
    box.append(painScale('painNow', SESSION.painNow, null, (n) => {
      const asked = asksPainKind(n);
      const checked = kind.querySelector<HTMLInputElement>('input:checked');
      onPain(report = { pain: n, kind: asked && checked ? checked.value as PainKind : null });
      kind.hidden = !asked;
      const tooMuch = n > 5;
      advice.textContent = tooMuch ? SESSION.stopNow : SESSION.painOk;
      advice.classList.toggle('stop-now', tooMuch);
      stopButton.hidden = !tooMuch;
    }), kind, advice, stopButton);
    box.querySelector<HTMLInputElement>('input')?.focus();
  } }, SESSION.reportPain);
  box.append(open);
  return box;
}

function taskView(task: Task, index: number, total: number, terms: Titles, done: () => void, onPain: (report: PainReport) => void = () => undefined): { element: HTMLElement; stop: () => void } {
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
    h('button', { type: 'button', class: 'primary', onclick: done }, SESSION.done), painReport(onPain, done));
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
