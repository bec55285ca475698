import { h } from '../dom';
import type { Context } from '../context';
import type { ActivityRating, Escalation, Outcomes } from '../api/types';
import { ProblemError } from '../api/problem';
import { failure, painScale, section } from '../ui';
import { summaryOffer } from '../summary';
import { ESCALATION, PSFS, URGENCY, say } from '../words';

/** The person's outcomes, or null when tracking cannot answer them now: the screens around them still show. */
export async function outcomesOrNull(ctx: Context): Promise<Outcomes | null> {
  return ctx.services.outcomes().catch(() => null);
}

const URGENCY_ORDER = ['routine', 'within-a-week', 'today'];

/** The escalation to lead with: the most urgent, and of those the latest. */
export function leading(escalations: Escalation[]): Escalation | null {
  return escalations.reduce<Escalation | null>((best, e) => {
    if (best === null) return e;
    const byUrgency = URGENCY_ORDER.indexOf(e.urgency) - URGENCY_ORDER.indexOf(best.urgency);
    return byUrgency > 0 || (byUrgency === 0 && e.day >= best.day) ? e : best;
  }, null);
}

/**
 * The escalations tracking raised (pain of 7 or more in a session, waking pain up two mornings running, a new warning
 * sign), most urgent first: how soon, tracking's sentence for each (which says what to do: the rule's own words, so the
 * app keeps no clinical advice of its own), and the summary to take along.
 */
export function escalationCard(ctx: Context, escalations: Escalation[]): HTMLElement | null {
  const first = leading(escalations);
  if (!first) return null;
  const others = [...escalations].filter((e) => e !== first).sort((a, b) => b.day.localeCompare(a.day));
  const urgent = first.urgency === 'today';
  return h('section', { class: `card alert escalation urgency-${first.urgency}`, 'aria-labelledby': 'escalation-title', 'data-urgency': first.urgency },
    h('h2', { id: 'escalation-title' }, urgent ? ESCALATION.urgentTitle : ESCALATION.title),
    h('p', { class: 'urgency' }, h('strong', {}, say(URGENCY, first.urgency))),
    h('ul', { class: 'escalations' }, [first, ...others].map((e) => h('li', { 'data-rule': e.rule, 'data-key': e.key },
      h('p', {}, e.reason),
      h('p', { class: 'hint' }, `${ESCALATION.raised} ${e.day} · ${say(URGENCY, e.urgency)} · ${ESCALATION.rule} `, h('code', {}, `${e.rule} v${e.version}`))))),
    h('p', {}, ESCALATION.takeAlong),
    summaryOffer(ctx));
}

/** A short pointer on the plan when an assessment of the activities is due. */
export function assessmentDue(outcomes: Outcomes | null): HTMLElement | null {
  if (!outcomes || outcomes.due === null || outcomes.due === undefined) return null;
  return h('p', { class: 'card psfs-due' }, h('a', { href: '#/progress' }, PSFS.due(outcomes.due)));
}

/** What a form holds before it is sent: each row's name (fixed after the start) and rating. */
export interface ActivityRow { activity: string; rating: number | null }

/** The rows to send, names trimmed, blank rows left out; null when a named row has no rating or a rated row no name. */
export function toSend(rows: ActivityRow[]): ActivityRating[] | null {
  const filled = rows.map((r) => ({ activity: r.activity.trim(), rating: r.rating })).filter((r) => r.activity !== '' || r.rating !== null);
  if (filled.length === 0 || filled.some((r) => r.activity === '' || r.rating === null)) return null;
  return filled.map((r) => ({ activity: r.activity, rating: r.rating as number }));
}

/**
 * The PSFS on My progress: the form when an assessment is due (at the start: the activities named and rated; at the
 * later weeks of tracking's scale the same activities rated again), the ratings over time, tracking's verdict on the
 * change beside adherence.
 */
export function functionSection(ctx: Context, outcomes: Outcomes, reload: () => void): HTMLElement {
  return section(PSFS.title,
    outcomes.due !== null && outcomes.due !== undefined ? assessmentForm(ctx, outcomes, reload) : null,
    outcomes.assessments.length ? overTime(outcomes) : null);
}

function assessmentForm(ctx: Context, outcomes: Outcomes, reload: () => void): HTMLElement {
  const week = outcomes.due as number;
  const fixed = week === 0 ? null : outcomes.activities;
  const rows: ActivityRow[] = (fixed ?? ['']).map((activity) => ({ activity, rating: null }));
  const list = h('div', { class: 'psfs-rows' });
  const status = h('p', { role: 'status' });
  const row = (r: ActivityRow, i: number) => {
    const scale = painScale(`psfs-${i}`, fixed ? PSFS.ratingOf(r.activity) : PSFS.rating(i + 1), r.rating, (n) => { r.rating = n; });
    if (fixed) return h('div', { class: 'psfs-row' }, scale);
    const id = `psfs-activity-${i}`;
    return h('div', { class: 'psfs-row' }, h('label', { for: id }, PSFS.activity(i + 1)),
      h('input', { id, name: id, type: 'text', maxlength: outcomes.scale.maxName, value: r.activity, oninput: (e: Event) => { r.activity = (e.target as HTMLInputElement).value; } }),
      scale);
  };
  const draw = () => list.replaceChildren(...rows.map(row));
  draw();
  const add = fixed ? null : h('button', { type: 'button', onclick: () => {
    rows.push({ activity: '', rating: null });
    draw();
    if (rows.length >= outcomes.scale.maxActivities) add?.remove();
    list.querySelector<HTMLInputElement>(`#psfs-activity-${rows.length - 1}`)?.focus();
  } }, PSFS.add);
  const form = h('form', { class: 'psfs', novalidate: true, onsubmit: async (e: Event) => {
    e.preventDefault();
    form.querySelectorAll('.problem').forEach((p) => p.remove());
    const activities = toSend(rows);
    if (!activities) {
      status.textContent = PSFS.nameAll;
      return;
    }
    status.textContent = '';
    try {
      await ctx.services.rateActivities(week, activities);
      status.textContent = PSFS.saved;
      reload();
    } catch (error) {
      form.append(problemList(error));
    }
  } }, h('p', {}, week === 0 ? PSFS.intro(outcomes.scale.maxActivities, outcomes.scale.weeks.filter((w) => w > 0)) : PSFS.again(week)), list,
  h('div', { class: 'actions' }, add, h('button', { type: 'submit', class: 'primary' }, PSFS.save)), status);
  return form;
}

/** The service's problem with each field's message, so every bad answer shows at once. */
function problemList(error: unknown): HTMLElement {
  const box = failure(error);
  if (error instanceof ProblemError) {
    const messages = [...error.fieldMessages()].map(([field, m]) => h('li', {}, `${field}: ${m.join('; ')}`));
    if (messages.length) box.append(h('ul', {}, messages));
  }
  return box;
}

/** Weeks by activity, the mean of each, and tracking's verdict on the latest change beside adherence. */
function overTime(o: Outcomes): HTMLElement {
  const names = o.activities ?? o.assessments[0].ratings.map((r) => r.activity);
  const table = h('table', { class: 'figures psfs-table' }, h('caption', {}, PSFS.over),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, PSFS.activityHeader),
      o.assessments.map((a) => h('th', { scope: 'col' }, `${PSFS.week} ${a.week}`)))),
    h('tbody', {},
      names.map((name) => h('tr', {}, h('th', { scope: 'row' }, name),
        o.assessments.map((a) => h('td', {}, String(a.ratings.find((r) => r.activity === name)?.rating ?? ''))))),
      h('tr', { class: 'mean' }, h('th', { scope: 'row' }, PSFS.mean), o.assessments.map((a) => h('td', {}, a.mean.toFixed(1))))));
  const f = o.function;
  const verdict = f ? h('dl', { class: 'facts psfs-change', 'data-change': f.change },
    h('dt', {}, PSFS.meanChange), h('dd', {}, `${f.meanChange > 0 ? '+' : ''}${f.meanChange.toFixed(1)} (${PSFS.week} ${f.week})`),
    h('dt', {}, PSFS.rule), h('dd', {}, h('strong', {}, say(PSFS.change, f.change)), ' · ', h('code', {}, `${f.rule} v${f.version}`)),
    o.overallPercent !== null && o.overallPercent !== undefined ? [h('dt', {}, PSFS.adherence), h('dd', {}, `${o.overallPercent} %`)] : null) : null;
  return h('div', { class: 'psfs-over-time' }, table, verdict,
    f ? h('p', { class: 'hint' }, PSFS.threshold(f.meaningfulMeanPoints, f.meaningfulActivityPoints)) : null);
}
