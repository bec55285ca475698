import { h, svg, plain } from '../dom';
import type { Context } from '../context';
import type { ExperimentLimits, ExperimentResult, ExperimentView, Recommendation } from '../api/types';
import { ProblemError } from '../api/problem';
import { deviceTimeZone } from '../symptom/draft';
import { loadTerms } from '../catalogTerms';
import { heading, section, failure } from '../ui';
import { CHECK, EXPERIMENT, say } from '../words';
import { addDays, chartScale, localDate, phaseText, suggestedItems } from '../experiment';

/** The way to the experiments from the plan and progress screens. */
export const experimentsLink = (): HTMLElement => h('p', { class: 'experiments-link' }, h('a', { href: '#/experiments' }, EXPERIMENT.link));

/**
 * Root-cause experiments: the running one (phase, what to do each morning, both phases as a chart, ending it), the
 * form to start the next with the suggested checklist item first, and the past ones with their results.
 */
export async function experimentsScreen(ctx: Context): Promise<HTMLElement> {
  const [{ items: list, limits }, terms, latest] = await Promise.all([
    ctx.services.experiments(), loadTerms(ctx.services),
    ctx.services.myRecommendations().then((page) => page.items[0] ?? null).catch(() => null),
  ]);
  const root = h('div', { class: 'experiments' });
  const reload = async () => {
    root.replaceWith(await experimentsScreen(ctx));
    document.querySelector<HTMLElement>('.screen-title')?.focus();
  };
  const title = (slug: string) => terms.checklist.steps.find((s) => s.slug === slug)?.title ?? plain(slug);
  const running = list.find((e) => e.running) ?? null;
  const past = list.filter((e) => e !== running);
  root.append(heading(EXPERIMENT.title), h('p', {}, EXPERIMENT.lead),
    ...(running ? [runningCard(ctx, running, title(running.checklistItem), reload)] : []),
    // One at a time: while one runs, starting another is folded away with the reason (tracking would answer 409).
    running
      ? h('details', { class: 'experiment-another' }, h('summary', {}, EXPERIMENT.another), h('p', {}, EXPERIMENT.oneAtATime),
        startForm(ctx, latest, terms.checklist, list, limits, reload))
      : startForm(ctx, latest, terms.checklist, list, limits, reload),
    section(EXPERIMENT.past, past.length
      ? h('ul', { class: 'past-experiments' }, past.map((e) => h('li', {}, pastItem(ctx, e, title(e.checklistItem), reload))))
      : h('p', {}, EXPERIMENT.none)));
  return root;
}

function runningCard(ctx: Context, e: ExperimentView, itemTitle: string, reload: () => Promise<void>): HTMLElement {
  const now = phaseText(e);
  return h('section', { class: 'card experiment-running', 'aria-labelledby': 'experiment-running' },
    h('h2', { id: 'experiment-running' }, EXPERIMENT.running),
    h('p', { class: 'experiment-item' }, h('strong', {}, itemTitle), ': ', e.change),
    h('dl', { class: 'facts' },
      h('dt', {}, EXPERIMENT.phase), h('dd', { class: 'experiment-phase' }, now.name),
      now.day ? [h('dt', {}, EXPERIMENT.today), h('dd', {}, `${EXPERIMENT.day} ${now.day}`)] : null),
    now.what ? h('p', {}, now.what) : null,
    h('p', { class: 'experiment-morning' }, EXPERIMENT.morning, ' ', h('a', { href: '#/check-in' }, EXPERIMENT.checkIn)),
    h('h3', {}, EXPERIMENT.advice), h('p', { class: 'experiment-advice' }, e.advice),
    ratingsChart(e),
    h('div', { class: 'actions' }, action(EXPERIMENT.end, () => ctx.services.endExperiment(e.experimentId), reload)));
}

function pastItem(ctx: Context, e: ExperimentView, itemTitle: string, reload: () => Promise<void>): HTMLElement {
  const stopped = e.withChange?.endReason === 'safety-stop' || e.confirmation?.undone?.endReason === 'safety-stop';
  const offer = e.confirmation?.offered && !e.confirmation.undone;
  return h('article', { class: 'experiment-past', 'aria-label': itemTitle },
    h('h3', {}, itemTitle), h('p', {}, `${e.change} (${e.startDate})`),
    stopped ? h('div', { class: 'alert alert-stop', role: 'alert' }, h('p', {}, h('strong', {}, EXPERIMENT.safetyStop)), h('p', {}, e.advice))
      : h('p', { class: 'experiment-advice' }, e.advice),
    e.result ? resultFacts(e.result) : null,
    e.confirmation?.confirmation ? h('p', {}, `${EXPERIMENT.confirmation}: ${say(EXPERIMENT.confirmations, e.confirmation.confirmation)}`) : null,
    ratingsChart(e),
    offer ? h('div', { class: 'actions' }, action(EXPERIMENT.undo, () => ctx.services.undoExperiment(e.experimentId), reload)) : null);
}

/** The result in words: the outcome, the rule that decided (tracking's sentence), the means and the p-value. */
export function resultFacts(r: ExperimentResult): HTMLElement {
  const figure = (v: number | null, digits: number) => (v === null || v === undefined ? '–' : v.toFixed(digits));
  return h('div', { class: 'experiment-result' },
    h('p', {}, h('strong', {}, `${EXPERIMENT.result}: ${say(EXPERIMENT.outcomes, r.outcome)}`)),
    h('p', {}, r.decidedBy),
    h('dl', { class: 'facts' },
      h('dt', {}, EXPERIMENT.baselineMean), h('dd', {}, figure(r.baselineMean, 1)),
      h('dt', {}, EXPERIMENT.changeMean), h('dd', {}, figure(r.changeMean, 1)),
      h('dt', {}, EXPERIMENT.tau), h('dd', {}, figure(r.tau, 2)),
      h('dt', {}, EXPERIMENT.p), h('dd', {}, figure(r.p, 3)),
      h('dt', {}, EXPERIMENT.rule), h('dd', {}, h('code', {}, `${r.rule} v${r.ruleVersion}`))));
}

/** Both phases' daily waking ratings as points, with a table of the same figures for screen readers. */
export function ratingsChart(e: ExperimentView): HTMLElement {
  const phases = [
    { phase: 'baseline', data: e.baseline }, { phase: 'change', data: e.withChange },
    { phase: 'undone', data: e.confirmation?.undone },
  ];
  const scale = chartScale(phases);
  if (scale.points.length === 0) return h('p', {}, EXPERIMENT.noRatings);
  const chart = svg('svg', { viewBox: `0 0 ${scale.width} ${scale.height}`, class: 'chart experiment-chart', 'aria-hidden': 'true' },
    ...scale.gridY.map((g) => svg('line', { x1: 20, x2: scale.width - 20, y1: g.y, y2: g.y, class: 'grid' })),
    ...scale.gridY.map((g) => svg('text', { x: 2, y: g.y + 4, class: 'axis' }, String(g.pain))),
    ...scale.dividers.map((d) => svg('line', { x1: d.x, x2: d.x, y1: 10, y2: scale.height - 10, class: 'phase-divider' })),
    ...scale.points.map((p) => svg('circle', { cx: p.x, cy: p.y, r: 3.5, class: `rating rating-${p.phase}${p.counted ? '' : ' not-counted'}` })));
  const table = h('table', { class: 'figures' }, h('caption', {}, EXPERIMENT.chart),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, EXPERIMENT.day), h('th', { scope: 'col' }, EXPERIMENT.phase), h('th', { scope: 'col' }, EXPERIMENT.pain))),
    h('tbody', {}, scale.points.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.day),
      h('td', {}, say(EXPERIMENT.phaseNames, p.phase)), h('td', {}, p.counted ? String(p.pain) : `${p.pain} (${EXPERIMENT.notCounted})`)))));
  const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' }, phases.filter((p) => p.data).map((p) =>
    h('li', {}, h('span', { class: `swatch rating-${p.phase}` }), say(EXPERIMENT.phaseNames, p.phase))));
  return h('div', { class: 'chart-block' }, legend, chart, table);
}

function action(label: string, call: () => Promise<unknown>, reload: () => Promise<void>): HTMLElement {
  return h('button', { type: 'button', onclick: async (ev: Event) => {
    const button = ev.currentTarget as HTMLButtonElement;
    button.disabled = true;
    button.parentElement?.querySelectorAll('.problem').forEach((p) => p.remove());
    try {
      await call();
      await reload();
    } catch (error) {
      button.disabled = false;
      button.after(failure(error));
    }
  } }, label);
}

/**
 * The form to start the next experiment. Bad fields get tracking's messages next to them; any other refusal (409
 * while one runs) shows the service's problem as a whole.
 */
function startForm(ctx: Context, latest: Recommendation | null, checklist: Parameters<typeof suggestedItems>[0], past: ExperimentView[], limits: ExperimentLimits, reload: () => Promise<void>): HTMLElement {
  const items = suggestedItems(checklist, latest, past);
  // Tried: an experiment with this item has ended with a result; the one running is on its card, not "tried".
  const tried = new Set(past.filter((e) => !e.running && e.result).map((e) => e.checklistItem));
  const timeZone = deviceTimeZone();
  const today = localDate(ctx.now(), timeZone);
  let item = items[0]?.slug ?? '';
  const change = h('textarea', { id: 'experiment-change', name: 'change', rows: 2, minlength: limits.shortestChange, maxlength: limits.longestChange, 'aria-describedby': 'experiment-change-hint' });
  const startDate = h('input', { id: 'experiment-start', name: 'startDate', type: 'date', value: today, min: today, max: addDays(today, limits.latestStartDays), 'aria-describedby': 'experiment-start-hint' });
  const choices = h('fieldset', { class: 'experiment-items' }, h('legend', {}, EXPERIMENT.item),
    items.map((step, i) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'checklistItem', value: step.slug, checked: i === 0, onchange: () => { item = step.slug; } }),
      h('span', {}, h('strong', {}, step.title), i === 0 ? ` — ${EXPERIMENT.suggested}` : '', tried.has(step.slug) ? ` (${EXPERIMENT.tried})` : '',
        h('br'), step.change))));
  const fields: Record<string, HTMLElement> = {
    checklistItem: h('div', { id: 'field-checklistItem', class: 'field' }, choices),
    change: h('div', { id: 'field-change', class: 'field' }, h('label', { for: 'experiment-change' }, EXPERIMENT.change), change,
      h('p', { id: 'experiment-change-hint', class: 'hint' }, EXPERIMENT.changeHint(limits.shortestChange, limits.longestChange))),
    startDate: h('div', { id: 'field-startDate', class: 'field' }, h('label', { for: 'experiment-start' }, EXPERIMENT.startDate), startDate,
      h('p', { id: 'experiment-start-hint', class: 'hint' }, EXPERIMENT.startDateHint)),
  };
  const mark = (byField: Map<string, string[]>) => {
    for (const [name, el] of Object.entries(fields)) {
      el.querySelector('.field-error')?.remove();
      el.classList.toggle('invalid', byField.has(name));
      if (byField.has(name)) el.append(h('p', { id: `err-experiment-${name}`, class: 'field-error', role: 'alert' }, (byField.get(name) ?? []).join('; ')));
    }
  };
  const form = h('form', { novalidate: true, class: 'experiment-start', onsubmit: async (ev: Event) => {
    ev.preventDefault();
    form.querySelectorAll('.problem').forEach((p) => p.remove());
    const words = change.value.trim();
    const local = new Map<string, string[]>();
    if (!item) local.set('checklistItem', [CHECK.required]);
    if (words.length < limits.shortestChange) local.set('change', [CHECK.required]);
    if (!startDate.value) local.set('startDate', [CHECK.required]);
    mark(local);
    if (local.size) return;
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.disabled = true;
    try {
      await ctx.services.startExperiment({ checklistItem: item, change: words, startDate: startDate.value, timeZone });
      await reload();
    } catch (error) {
      submit.disabled = false;
      if (error instanceof ProblemError && error.status === 400 && [...error.fieldMessages().keys()].some((f) => f in fields)) mark(error.fieldMessages());
      else form.append(failure(error));
    }
  } }, fields.checklistItem, fields.change, fields.startDate, h('button', { type: 'submit', class: 'primary' }, EXPERIMENT.begin));
  return section(EXPERIMENT.start, form);
}

