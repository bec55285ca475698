import { h, type Child } from '../dom';
import type { Context } from '../context';
import type { Evidence, PlanItem, PlanPhase, Recommendation, CatalogPick, Note } from '../api/types';
import { loadTerms, type Terms } from '../catalogTerms';
import { bodyPicture } from '../body';
import { deviceTimeZone } from '../symptom/draft';
import { heading, section, failure } from '../ui';
import { ProblemError } from '../api/problem';
import { summaryOffer } from '../summary';
import { CHECK, LEVEL, REC, URGENCY, formatDose } from '../words';
import { plain } from '../dom';

const HELD = new Set(['seek-care-now', 'on-hold-until-seen']);

/** Asks until the recommendation is made (202 while triage works on it), then shows it. */
export async function recommendationScreen(ctx: Context, reportId: string, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<HTMLElement> {
  let delay = 300;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const answer = await ctx.services.recommendation(reportId);
    if (answer.ready) {
      const terms = await loadTerms(ctx.services);
      return renderRecommendation(ctx, answer.recommendation, terms);
    }
    await wait(delay);
    delay = Math.min(delay * 1.5, 2000);
  }
  return h('div', {}, heading(REC.title), h('p', { role: 'status' }, REC.making));
}

export function renderRecommendation(ctx: Context, rec: Recommendation, terms: Terms): HTMLElement {
  const level = LEVEL[rec.level] ?? { title: plain(rec.level), lead: '' };
  const held = rec.level === 'urgent-care' || HELD.has(rec.plan.status) || rec.plan.phases.length === 0;
  // The banner says what to do at the recommendation's own urgency; a reason of a lower level (a within-a-week
  // referral under an urgent-care answer) is said apart, so that it does not read as part of "today".
  const whatToDo = [...new Set(rec.reasons.filter((r) => r.whatToDo && r.level === rec.level).map((r) => r.whatToDo as string))];
  const alsoToDo = [...new Set(rec.reasons.filter((r) => r.whatToDo && r.level !== rec.level)
    .map((r) => `${(LEVEL[r.level] ?? { title: plain(r.level) }).title}: ${r.whatToDo as string}`))];
  const areas = new Set(rec.likelyMuscles.flatMap((m) => terms.muscles.get(m.muscle)?.painReferral?.areas ?? []));
  return h('div', { class: `recommendation level-${rec.level}` },
    h('div', { class: 'level-banner', role: rec.level === 'urgent-care' ? 'alert' : undefined },
      heading(level.title), h('p', { class: 'level-lead' }, level.lead),
      rec.referral ? h('p', { class: 'urgency' }, h('strong', {}, URGENCY[rec.referral.urgency] ?? rec.referral.urgency), ' ', rec.referral.whatToDo) : null,
      whatToDo.length ? h('div', {}, h('h2', {}, REC.whatToDo), h('ul', {}, whatToDo.map((t) => h('li', {}, t)))) : null),
    alsoToDo.length ? section(REC.alsoToDo, h('ul', { class: 'also-to-do' }, alsoToDo.map((t) => h('li', {}, t)))) : null,
    section(REC.reasons, h('ul', {}, rec.reasons.map((r) => h('li', {}, r.text, ' ', h('span', { class: 'source' }, `(${terms.source(r.source)})`))))),
    rec.likelyMuscles.length ? section(REC.muscles,
      h('div', { class: 'body-pick' }, bodyPicture(areas, `${REC.muscles}: ${rec.likelyMuscles.map((m) => terms.muscle(m.muscle)).join(', ')}`),
        h('ol', {}, rec.likelyMuscles.map((m) => h('li', {}, terms.muscle(m.muscle), ' — ', evidence(m.pointedBy, terms)))))) : null,
    held ? section(REC.plan, h('p', { class: 'held' }, REC.noExercises), notes(rec.plan.notes, terms)) : planSection(rec, terms),
    // Exclusions say what a plan leaves out and what it uses instead; held back, there is no plan to read them against.
    !held && rec.excluded.length ? section(REC.excluded, h('ul', {}, rec.excluded.map((e) => h('li', {}, h('strong', {}, terms.exercise(e.exercise)), ': ', e.reason)))) : null,
    held ? null : extras(rec, terms),
    section(REC.checklist, h('p', {}, terms.checklist.method), h('ol', {}, [...rec.rootCauseChecks].sort((a, b) => a.order - b.order).map((c) => {
      const step = terms.checklist.steps.find((s) => s.slug === c.step);
      return h('li', { class: c.relevant ? 'relevant' : '' }, h('strong', {}, step?.title ?? plain(c.step)), c.relevant ? ` — ${REC.relevant}` : '',
        step ? h('p', {}, step.check) : null, c.because.length ? h('p', {}, evidence(c.because, terms)) : null);
    }))),
    h('details', { class: 'why' }, h('summary', {}, REC.why),
      h('h3', {}, REC.rules), h('ul', {}, rec.explanation.rules.map((r) => h('li', {}, h('code', {}, `${r.rule} v${r.version}`), ' ', terms.source(r.source),
        h('br'), `${REC.inputs}: `, evidence(r.inputs, terms)))),
      h('h3', {}, REC.sources), h('ul', {}, rec.explanation.sources.map((s) => h('li', {}, terms.source(s)))),
      h('p', {}, `${REC.versions}: ${rec.explanation.ruleSetVersion} / ${rec.explanation.catalogVersion}`)),
    // Someone sent to a professional takes their own data along.
    rec.level === 'see-professional' ? summaryOffer(ctx) : null,
    held ? null : h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: async (e: Event) => {
      const button = e.currentTarget as HTMLButtonElement;
      button.disabled = true;
      try {
        await startFrom(ctx, rec.reportId);
        ctx.navigate('#/plan');
      } catch (error) {
        button.disabled = false;
        button.after(failure(error));
      }
    } }, REC.startPlan)));
}

/**
 * Starts the plan of this recommendation. It reaches tracking a moment after triage shows it, and until then tracking
 * answers 409 with Retry-After: ask again, so that the plan never starts without the recommendation's exercises.
 */
export async function startFrom(ctx: Context, reportId: string, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ctx.services.startPlan(deviceTimeZone(), reportId);
      return;
    } catch (error) {
      const later = error instanceof ProblemError && error.status === 409 ? error.retryAfterSeconds : null;
      if (later === null || attempt >= 30) throw error;
      await wait(later * 1000);
    }
  }
}

/**
 * The report answers a decision used, each under the short wording of the question that asked it ("Where it hurts:
 * Front of the hip"). Triage writes a field's words joined by ", ", "true"/"false" for yes or no, "none" for an empty
 * list and "not given" for no answer.
 */
export function evidence(items: Evidence[], terms: Pick<Terms, 'check'>): string {
  const words = terms.check;
  const valueOf = (input: string, value: string) => {
    if (value === 'true' || value === 'false') return value === 'true' ? CHECK.yes : CHECK.no;
    if (value === 'none') return CHECK.none;
    if (value === 'not given') return CHECK.notGiven;
    const vocabulary = words.answers(input);
    const isWord = (v: string) => /^[a-z]+(-[a-z0-9]+)*$/.test(v);
    return value.split(', ').map((v) => vocabulary[v] ?? (isWord(v) ? words.answer(input, v) : v)).join(', ');
  };
  return items.map((e) => `${words.label(e.input)}: ${valueOf(e.input, e.value)}`).join('; ');
}

function itemView(item: PlanItem, terms: Terms): HTMLElement {
  const name: Child = item.exercise ? h('a', { href: `#/exercises/${encodeURIComponent(item.exercise)}` }, terms.exercise(item.exercise)) : null;
  return h('li', {}, name, name ? ' — ' : '', h('span', { class: 'dose' }, formatDose(item.dose)),
    item.dose.note ? h('p', { class: 'dose-note' }, item.dose.note) : null,
    item.instruction ? h('p', {}, item.instruction) : null);
}

function phaseView(phase: PlanPhase, terms: Terms): HTMLElement {
  return h('li', { class: 'phase' }, h('h3', {}, terms.phase(phase.phase), phase.minutes ? ` (${phase.minutes} min)` : ''),
    h('ul', {}, phase.items.map((i) => itemView(i, terms))),
    phase.skipped.length ? h('div', { class: 'skipped' }, h('p', {}, REC.skipped), h('ul', {}, phase.skipped.map((s) =>
      h('li', {}, terms.exercise(s.exercise), ` (${plain(s.reason)})`, s.replacedBy ? ` ${REC.replacedBy} ${terms.exercise(s.replacedBy)}` : ''))) ) : null);
}

function notes(list: (Note | null | undefined)[], terms: Terms): Child {
  const present = list.filter((n): n is Note => !!n);
  return present.length ? h('ul', { class: 'notes' }, present.map((n) => h('li', {}, n.text, ' ', h('span', { class: 'source' }, `(${terms.source(n.source)})`)))) : null;
}

function planSection(rec: Recommendation, terms: Terms): HTMLElement {
  return section(REC.plan, h('ol', { class: 'phases' }, [...rec.plan.phases].sort((a, b) => a.order - b.order).map((p) => phaseView(p, terms))),
    rec.plan.notes.length ? h('div', {}, h('h3', {}, REC.notes), notes(rec.plan.notes, terms)) : null);
}

function pick(title: string, p: CatalogPick | null, terms: Terms): Child {
  return p && p.items.length ? h('div', {}, h('h3', {}, title), h('ul', {}, p.items.map((i) => itemView(i, terms)))) : null;
}

function extras(rec: Recommendation, terms: Terms): Child {
  const x = rec.extras;
  if (!x || (!x.runner && !x.movementBreaks && !x.coreAndGlute)) return null;
  const runner = x.runner;
  return section(REC.extras,
    x.movementBreaks ? h('div', {}, h('h3', {}, terms.protocol(x.movementBreaks.protocol)), h('ol', {}, x.movementBreaks.phases.map((p) => phaseView(p, terms)))) : null,
    pick(plain('core-and-glute'), x.coreAndGlute, terms),
    runner ? h('div', {}, h('h3', {}, terms.protocol(runner.warmUp)), h('ol', {}, runner.warmUpStages.map((p) => phaseView(p, terms))),
      runner.postRunStretch ? h('ol', {}, phaseView(runner.postRunStretch, terms)) : null,
      pick(plain('mobility-drills'), runner.mobilityDrills, terms),
      notes([runner.afterPainfulRun, runner.shoeCheck?.advice, runner.gaitAnalysis], terms)) : null);
}


