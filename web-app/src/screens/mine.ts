import { h, svg, plain } from '../dom';
import type { Context } from '../context';
import type { Adherence, PlanView } from '../api/types';
import { ProblemError } from '../api/problem';
import { deviceTimeZone } from '../symptom/draft';
import { loadTerms } from '../catalogTerms';
import { heading, section, failure, painScale } from '../ui';
import { whyItChanged } from './changes';
import { CHECK, CHECKIN, LEVEL, PLAN, PROGRESS, TEXT, say } from '../words';
import { summaryOffer } from '../summary';
import { experimentsLink } from './experiments';
import { assessmentDue, escalationCard, functionSection, outcomesOrNull } from './outcomes';

const levelTitle = (level: string) => LEVEL[level]?.title ?? plain(level);

const NO_PLAN = Symbol('no plan');

/** The person's plan or adherence, or NO_PLAN when they have none yet (the services answer 404 until a first report). */
async function orNoPlan<T>(answer: Promise<T>): Promise<T | typeof NO_PLAN> {
  try {
    return await answer;
  } catch (e) {
    if (e instanceof ProblemError && e.status === 404) return NO_PLAN;
    throw e;
  }
}

/** Before any plan: the way in is a symptom check, not an error. */
const noPlanYet = (title: string) =>
  h('div', {}, heading(title), h('p', {}, PLAN.none), h('a', { href: '#/check', class: 'button primary' }, TEXT.startCheck));

/** My plan: what it holds, and start, pause or restart it. */
export async function planScreen(ctx: Context): Promise<HTMLElement> {
  const plan = await orNoPlan(ctx.services.plan());
  if (plan === NO_PLAN) return noPlanYet(PLAN.title);
  // The card is the plan's explanation, not the plan: the plan still shows when today's session cannot be read.
  const [terms, today, outcomes] = await Promise.all([loadTerms(ctx.services), ctx.services.today().catch(() => null), outcomesOrNull(ctx)]);
  const root = h('div', {});
  const act = (call: () => Promise<PlanView>) => async (e: Event) => {
    (e.currentTarget as HTMLButtonElement).disabled = true;
    try {
      await call();
      root.replaceWith(await planScreen(ctx));
      document.querySelector<HTMLElement>('.screen-title')?.focus();
    } catch (error) {
      root.append(failure(error));
    }
  };
  const active = plan.status === 'active';
  const why = today && active ? whyItChanged(today.changes, terms, { always: true }) : null;
  root.append(heading(PLAN.title), escalationCard(ctx, outcomes?.escalations ?? []) ?? '', assessmentDue(outcomes) ?? '', h('dl', { class: 'facts' },
    h('dt', {}, PLAN.status), h('dd', {}, say(PLAN.statuses, plan.status)),
    plan.startDate ? [h('dt', {}, PLAN.startDate), h('dd', {}, plan.startDate)] : null,
    h('dt', {}, terms.protocol(plan.protocol)), h('dd', {}, plan.recommendation ? h('a', { href: `#/recommendation/${encodeURIComponent(plan.recommendation)}` }, levelTitle(plan.level)) : levelTitle(plan.level))),
  ...(why ? [why] : []),
  section(PLAN.exercises, h('ul', {}, plan.exercises.map((slug) => h('li', {}, h('a', { href: `#/exercises/${encodeURIComponent(slug)}` }, terms.exercise(slug)))))),
  h('div', { class: 'actions' },
    active ? h('a', { href: '#/session', class: 'button primary' }, PLAN.session) : null,
    h('button', { type: 'button', onclick: act(() => ctx.services.startPlan(deviceTimeZone())) }, plan.startDate ? PLAN.restart : PLAN.start),
    active ? h('button', { type: 'button', onclick: act(() => ctx.services.pausePlan()) }, PLAN.pause) : null),
  experimentsLink());
  return root;
}

/** Pain check-in: one rating a day, with private notes; what the service refuses is shown next to its field. */
export function checkInScreen(ctx: Context): HTMLElement {
  const checkInId = ctx.newId();
  let pain: number | null = null;
  // Before noon the check-in is the morning one (pain on waking) unless the person says otherwise.
  let waking = ctx.now().getHours() < 12;
  const status = h('p', { role: 'status' });
  const notesId = 'checkin-notes';
  const notes = h('textarea', { id: notesId, name: 'notes', rows: 3, maxlength: 1000 });
  const scale = painScale('pain', waking ? CHECKIN.wakingPain : CHECKIN.pain, pain, (n) => { pain = n; });
  const hint = h('p', { class: 'hint', hidden: !waking }, CHECKIN.morningHint);
  const kind = h('fieldset', { class: 'checkin-kind' }, h('legend', {}, CHECKIN.kind),
    ([['waking', CHECKIN.morning], ['now', CHECKIN.now]] as const).map(([value, label]) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'kind', value, checked: (value === 'waking') === waking, onchange: () => {
        waking = value === 'waking';
        scale.querySelector('legend')!.textContent = waking ? CHECKIN.wakingPain : CHECKIN.pain;
        hint.hidden = !waking;
      } }), label)), hint);
  const fields: Record<string, HTMLElement> = { pain: h('div', { id: 'field-pain', class: 'field' }, scale), notes: h('div', { id: 'field-notes', class: 'field' }, h('label', { for: notesId }, CHECKIN.notes), notes) };
  const mark = (byField: Map<string, string[]>) => {
    for (const [name, el] of Object.entries(fields)) {
      el.querySelector('.field-error')?.remove();
      el.classList.toggle('invalid', byField.has(name));
      const control = name === 'pain' ? scale : notes;
      if (byField.has(name)) {
        const id = `err-checkin-${name}`;
        el.append(h('p', { id, class: 'field-error' }, (byField.get(name) ?? []).join('; ')));
        control.setAttribute('aria-describedby', id);
      } else {
        control.removeAttribute('aria-describedby');
      }
    }
  };
  const form = h('form', { novalidate: true, onsubmit: async (e: Event) => {
    e.preventDefault();
    form.querySelectorAll('.problem').forEach((p) => p.remove());
    status.textContent = '';
    if (pain === null) return mark(new Map([['pain', [CHECK.required]]]));
    mark(new Map());
    try {
      await ctx.services.checkIn({ checkInId, timeZone: deviceTimeZone(), pain, notes: notes.value.trim() || undefined, ...(waking ? { waking: true } : {}) });
      status.textContent = waking ? CHECKIN.savedMorning : CHECKIN.saved;
    } catch (error) {
      // Messages for the fields shown go next to them; any other problem (a field this form does not show) as a whole.
      if (error instanceof ProblemError && [...error.fieldMessages().keys()].some((f) => f in fields)) mark(error.fieldMessages());
      else form.append(failure(error));
    }
  } }, kind, fields.pain, fields.notes, h('button', { type: 'submit', class: 'primary' }, CHECKIN.save), status);
  return h('div', {}, heading(CHECKIN.title), form);
}

/** My progress: the week chart, streaks, the stage on the timeline, the pain trend and the alert. */
export async function progressScreen(ctx: Context): Promise<HTMLElement> {
  const a = await orNoPlan(ctx.services.adherence());
  if (a === NO_PLAN) return noPlanYet(PROGRESS.title);
  const [timelineDoc, outcomes] = await Promise.all([ctx.services.recoveryTimeline(), outcomesOrNull(ctx)]);
  const lastDay = Math.max(...timelineDoc.stages.map((s) => s.toDay));
  const stage = a.currentStage;
  return h('div', { class: 'progress' }, heading(PROGRESS.title),
    a.alert ? h('div', { class: `alert alert-${a.alert.level}`, role: 'alert' }, h('h2', {}, PROGRESS.alert), h('p', {}, a.alert.reason)) : null,
    section(PROGRESS.weeks, weeksChart(a), h('p', {}, `${PROGRESS.overall}: ${a.overallPercent} %`)),
    h('dl', { class: 'facts' }, h('dt', {}, PROGRESS.streak), h('dd', {}, String(a.currentStreak)),
      h('dt', {}, PROGRESS.longest), h('dd', {}, String(a.longestStreak))),
    outcomes ? functionSection(ctx, outcomes, () => void progressScreen(ctx).then((next) => document.querySelector('.progress')?.replaceWith(next))) : null,
    stage ? section(PROGRESS.stage, h('p', {}, `${PROGRESS.day} ${a.planDay}: ${stage.title}`), timeline(a, lastDay), h('p', {}, stage.summary),
      h('ul', {}, stage.whatToExpect.map((w) => h('li', {}, w)))) : null,
    section(PROGRESS.pain, painChart(a)),
    experimentsLink(),
    summaryOffer(ctx));
}

/** Bars of done against expected per week, with the same figures as a table for screen readers. */
function weeksChart(a: Adherence): HTMLElement {
  const max = Math.max(1, ...a.weeks.map((w) => Math.max(w.target, w.done)));
  const width = 40;
  const chart = svg('svg', { viewBox: `0 0 ${Math.max(1, a.weeks.length) * width + 10} 110`, class: 'chart', 'aria-hidden': 'true' },
    ...a.weeks.flatMap((w, i) => [
      svg('rect', { x: 10 + i * width, y: 100 - (w.expected / max) * 90, width: 14, height: (w.expected / max) * 90, class: 'bar-expected' }),
      svg('rect', { x: 25 + i * width, y: 100 - (w.done / max) * 90, width: 14, height: (w.done / max) * 90, class: `bar-done${w.met ? ' met' : ''}` }),
      svg('text', { x: 10 + i * width, y: 110, class: 'axis' }, String(w.week)),
    ]));
  const table = h('table', { class: 'figures' }, h('caption', {}, PROGRESS.weeks),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, PROGRESS.week), h('th', { scope: 'col' }, PROGRESS.expected), h('th', { scope: 'col' }, PROGRESS.done))),
    h('tbody', {}, a.weeks.map((w) => h('tr', {}, h('th', { scope: 'row' }, String(w.week)), h('td', {}, `${w.expected} / ${w.target} ${plain(w.unit)}`), h('td', {}, String(w.done))))));
  const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' }, h('li', {}, h('span', { class: 'swatch expected' }), PROGRESS.expected),
    h('li', {}, h('span', { class: 'swatch done' }), PROGRESS.done));
  return h('div', { class: 'chart-block' }, legend, chart, table);
}

function timeline(a: Adherence, total: number): HTMLElement {
  const at = Math.max(0, Math.min(total, a.planDay));
  return h('div', { class: 'timeline' }, h('progress', { max: total, value: at, 'aria-label': `${PROGRESS.day} ${a.planDay} ${PROGRESS.of} ${total}` }));
}

function painChart(a: Adherence): HTMLElement {
  const weeks = a.painTrend?.weeks ?? [];
  if (weeks.length === 0) return h('p', {}, PROGRESS.noPain);
  const x = (i: number) => 10 + i * (weeks.length > 1 ? 200 / (weeks.length - 1) : 0);
  const y = (v: number) => 100 - v * 9;
  const chart = svg('svg', { viewBox: '0 0 220 110', class: 'chart', 'aria-hidden': 'true' },
    svg('polyline', { points: weeks.map((w, i) => `${x(i)},${y(w.average)}`).join(' '), class: 'pain-line' }),
    ...weeks.map((w, i) => svg('circle', { cx: x(i), cy: y(w.average), r: 3, class: 'pain-point' })));
  const table = h('table', { class: 'figures' }, h('caption', {}, PROGRESS.pain),
    h('tbody', {}, weeks.map((w) => h('tr', {}, h('th', { scope: 'row' }, `${PROGRESS.week} ${w.week}`), h('td', {}, w.average.toFixed(1))))));
  return h('div', { class: 'chart-block' }, chart, table,
    a.painTrend?.direction ? h('p', {}, plain(a.painTrend.direction)) : null);
}

