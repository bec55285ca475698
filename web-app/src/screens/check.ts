import { h, uniqueId, type Child } from '../dom';
import { ProblemError, type FieldError, groupByField } from '../api/problem';
import type { Context } from '../context';
import { bodyPicture } from '../body';
import { loadCheckWords, type CheckWords } from '../catalogTerms';
import { askedWarningSigns, checkSteps, deviceTimeZone, firstStepWithError, missingAnswers, newDraft, SCREENING_YES_NO, stepOf, toReport, type Draft, type Steps } from '../symptom/draft';
import { heading, painScale, failure } from '../ui';
import { CHECK, TEXT } from '../words';

type Errors = Map<string, string[]>;

/**
 * The symptom check, one step at a time, in the catalog's steps and words; the API's problem lands next to each field
 * it names.
 */
export async function checkScreen(ctx: Context): Promise<HTMLElement> {
  const words = await loadCheckWords(ctx.services);
  const steps = checkSteps(words.steps);
  const titles = [...steps.slice(0, -1).map((fields) => words.steps.find((s) => s.fields.includes(fields[0]))?.title ?? CHECK.moreQuestions), CHECK.reviewStep];
  const review = steps.length - 1;
  const draft = newDraft(ctx.newId());
  const warningWords = askedWarningSigns(words.answers('warningSigns')).map(([word]) => word);
  let step = 0;
  // What the service refused stays shown until the next send, whichever step the person goes to; the local
  // "please answer" messages are only for the step being left.
  let serverErrors: Errors = new Map();
  let errors: Errors = new Map();
  let unplaced: FieldError[] = [];
  let sending = false;
  const root = h('div', { class: 'check' });

  const render = (focus: boolean) => {
    const body = step === review ? h('div', { class: 'step' }, h('p', {}, CHECK.review), answersReview(draft, steps, words))
      : h('div', { class: 'step' }, steps[step].map((f) => control(f, draft, words, errors, () => render(false))));
    const form = h('form', { novalidate: true, onsubmit: (e: Event) => { e.preventDefault(); void next(); } },
      errorSummary(errors, unplaced, words),
      body,
      h('div', { class: 'actions' },
        step > 0 ? h('button', { type: 'button', onclick: () => { step -= 1; errors = serverErrors; render(true); } }, TEXT.back) : null,
        h('button', { type: 'submit', class: 'primary', disabled: sending }, step === review ? TEXT.send : TEXT.next)));
    const title = heading(words.title ?? CHECK.title);
    const progress = h('p', { class: 'step-count' }, `${step + 1} / ${steps.length}: ${titles[step]}`);
    // A box ticked by keyboard that redraws the step (the body picture marks the area) keeps the focus where it was.
    const active = document.activeElement;
    const kept = active instanceof HTMLInputElement && root.contains(active) && (active.type === 'checkbox' || active.type === 'radio')
      ? { name: active.name, value: active.value } : null;
    root.replaceChildren(title, progress, form);
    if (focus) (errors.size > 0 || unplaced.length > 0 ? root.querySelector<HTMLElement>('.error-summary') ?? title : title).focus();
    else if (kept) [...root.querySelectorAll('input')].find((i) => i.name === kept.name && i.value === kept.value)?.focus();
  };

  const next = async () => {
    const missing = missingAnswers(draft, steps[step], warningWords).map((e) => ({ ...e, message: CHECK.required }));
    errors = new Map([...serverErrors, ...groupByField(missing)]);
    if (missing.length > 0) return render(true);
    if (step < review) {
      step += 1;
      return render(true);
    }
    sending = true;
    serverErrors = new Map();
    errors = new Map();
    unplaced = [];
    render(false);
    try {
      await ctx.services.sendReport(toReport(draft, ctx.now(), deviceTimeZone()));
      ctx.navigate(`#/recommendation/${encodeURIComponent(draft.reportId)}`);
    } catch (e) {
      sending = false;
      if (e instanceof ProblemError && e.problem.errors?.length) {
        step = firstStepWithError(e.problem.errors, steps);
        serverErrors = e.fieldMessages();
        errors = serverErrors;
        unplaced = e.problem.errors.filter((fe) => stepOf(fe.field, steps) === review);
        render(true);
      } else {
        render(false);
        root.append(failure(e));
      }
    }
  };

  render(false);
  return root;
}

/**
 * The messages of the fields the API named, as links to the fields, above the step, each under the question that asks
 * it; a field no step asks (the report's clock, say) under its name in plain words.
 */
function errorSummary(errors: Errors, unplaced: FieldError[], words: CheckWords): Child {
  if (errors.size === 0) return null;
  const items = [...errors.entries()].map(([field, messages]) => h('li', {}, h('a', { href: `#field-${field}`, onclick: (e: Event) => {
    e.preventDefault();
    document.getElementById(`field-${field}`)?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  } }, `${words.question(field)}: ${messages.join('; ')}`)));
  return h('div', { class: 'error-summary', role: 'alert', tabindex: -1 }, h('p', {}, TEXT.fixFields), h('ul', {}, items),
    unplaced.length ? h('p', {}, unplaced.map((e) => `${words.label(e.field)}: ${e.message}`).join('; ')) : null);
}

/** A field's wrapper: its id is what the summary links to; its messages sit right under it and describe it. */
function field(name: string, errors: Errors, control: (describedBy: string | undefined) => HTMLElement): HTMLElement {
  const messages = errors.get(name);
  const errorId = messages ? uniqueId('err') : undefined;
  const el = control(errorId);
  if (messages) {
    el.querySelectorAll('input, select, textarea').forEach((input) => input.setAttribute('aria-invalid', 'true'));
  }
  return h('div', { id: `field-${name}`, class: `field${messages ? ' invalid' : ''}` }, el,
    messages ? h('p', { id: errorId, class: 'field-error' }, messages.join('; ')) : null);
}

function checkboxes(name: string, legend: string, options: Record<string, string>, chosen: string[], errors: Errors, changed: () => void): HTMLElement {
  return field(name, errors, (describedBy) => h('fieldset', { 'aria-describedby': describedBy }, h('legend', {}, legend),
    Object.entries(options).map(([word, label]) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name, value: word, checked: chosen.includes(word), onchange: (e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        const at = chosen.indexOf(word);
        if (on && at < 0) chosen.push(word);
        if (!on && at >= 0) chosen.splice(at, 1);
        changed();
      } }), ' ', label))));
}

function radios(name: string, legend: string, options: Record<string, string>, value: string | null, errors: Errors, set: (v: string) => void): HTMLElement {
  return field(name, errors, (describedBy) => h('fieldset', { 'aria-describedby': describedBy }, h('legend', {}, legend),
    Object.entries(options).map(([word, label]) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value: word, checked: value === word, onchange: () => set(word) }), ' ', label))));
}

function yesNo(name: string, question: string, value: boolean | null | undefined, errors: Errors, set: (v: boolean) => void): HTMLElement {
  const options = { yes: CHECK.yes, no: CHECK.no };
  const current = value === undefined || value === null ? null : value ? 'yes' : 'no';
  return radios(name, question, options, current, errors, (v) => set(v === 'yes'));
}

function numberField(name: string, label: string, value: string, min: number, max: number, errors: Errors, set: (v: string) => void): HTMLElement {
  const id = uniqueId('in');
  return field(name, errors, (describedBy) => h('div', {}, h('label', { for: id }, label),
    h('input', { id, name, type: 'number', inputmode: 'numeric', min, max, value, 'aria-describedby': describedBy,
      oninput: (e: Event) => set((e.target as HTMLInputElement).value) })));
}

/** The numbers' sensible bounds for the keyboard; the service judges the ranges and says what is wrong. */
const NUMBERS: Record<string, [number, number]> = {
  daysSinceOnset: [0, 3650], age: [0, 120], 'screening.pregnancyWeeks': [1, 42], 'profile.runningShoeAgeMonths': [0, 240],
  'profile.hoursSittingPerDay': [0, 24], weeksOfConsistentWork: [0, 104], startingIntensity: [0, 10],
};

/** The control asking one report field, in the catalog's words; null while the answer it follows up makes it moot. */
function control(f: string, d: Draft, words: CheckWords, errors: Errors, rerender: () => void): Child {
  const sc = d.screening;
  const p = d.profile;
  const q = words.question(f);
  const ticks = (chosen: string[], changed: () => void = () => undefined) => checkboxes(f, q, words.answers(f), chosen, errors, changed);
  const pick = (value: string | null, set: (v: string) => void) => radios(f, q, words.answers(f), value, errors, set);
  const num = (value: string, set: (v: string) => void) => numberField(f, q, value, ...(NUMBERS[f] ?? [0, 1000]) as [number, number], errors, set);
  const screeningYesNo = SCREENING_YES_NO.find((name) => f === `screening.${name}`);
  if (screeningYesNo) return yesNo(f, q, sc[screeningYesNo], errors, (v) => { sc[screeningYesNo] = v; });
  switch (f) {
    case 'painLocations': {
      const picture = bodyPicture(new Set(d.painLocations), q, (area) => {
        const at = d.painLocations.indexOf(area);
        if (at >= 0) d.painLocations.splice(at, 1); else d.painLocations.push(area);
        rerender();
      });
      return h('div', { class: 'body-pick' }, picture, ticks(d.painLocations, rerender));
    }
    case 'side': return pick(d.side, (v) => { d.side = v; });
    case 'qualities': return ticks(d.qualities);
    case 'intensity': return field(f, errors, (describedBy) => painScale(f, q, d.intensity, (n) => { d.intensity = n; }, describedBy));
    case 'onset': return pick(d.onset, (v) => { d.onset = v; });
    case 'daysSinceOnset': return num(d.daysSinceOnset, (v) => { d.daysSinceOnset = v; });
    case 'aggravatingActivities': return ticks(d.aggravatingActivities);
    case 'signs': return ticks(d.signs);
    case 'history': return ticks(d.history);
    case 'warningSigns':
      return field(f, errors, () => h('div', {}, h('p', {}, q),
        askedWarningSigns(words.answers(f)).map(([word, question]) =>
          yesNo(`warning-${word}`, question, d.warningSigns[word], new Map(), (yes) => { d.warningSigns[word] = yes; }))));
    case 'age': return num(d.age, (v) => { d.age = v; });
    case 'screening.medicalHistory': return ticks(sc.medicalHistory);
    case 'screening.pregnancy': return pick(sc.pregnancy, (v) => { sc.pregnancy = v; rerender(); });
    case 'screening.pregnancyWeeks': return sc.pregnancy === 'pregnant' ? num(sc.pregnancyWeeks, (v) => { sc.pregnancyWeeks = v; }) : null;
    case 'screening.gaveBirthInLast3Months': return yesNo(f, q, sc.gaveBirthInLast3Months, errors, (v) => { sc.gaveBirthInLast3Months = v; });
    case 'screening.caudaEquinaSigns': return ticks(sc.caudaEquinaSigns);
    case 'screening.groinLump': return pick(sc.groinLump, (v) => { sc.groinLump = v; rerender(); });
    case 'screening.groinLumpSigns': return sc.groinLump !== null && sc.groinLump !== 'none' ? ticks(sc.groinLumpSigns) : null;
    case 'screening.painIntoTesticle': return pick(sc.painIntoTesticle, (v) => { sc.painIntoTesticle = v; });
    case 'profile.runner': return yesNo(f, q, p.runner, errors, (v) => { p.runner = v; rerender(); });
    case 'profile.runningShoeAgeMonths': return p.runner ? num(p.runningShoeAgeMonths, (v) => { p.runningShoeAgeMonths = v; }) : null;
    case 'profile.deskWorker': return yesNo(f, q, p.deskWorker, errors, (v) => { p.deskWorker = v; });
    case 'profile.hoursSittingPerDay': return num(p.hoursSittingPerDay, (v) => { p.hoursSittingPerDay = v; });
    case 'profile.wearsRaisedHeels': return yesNo(f, q, p.wearsRaisedHeels, errors, (v) => { p.wearsRaisedHeels = v; });
    case 'profile.wantsDeepPsoasRelease': return yesNo(f, q, p.wantsDeepPsoasRelease, errors, (v) => { p.wantsDeepPsoasRelease = v; });
    case 'weeksOfConsistentWork': return num(d.weeksOfConsistentWork, (v) => { d.weeksOfConsistentWork = v; rerender(); });
    case 'startingIntensity': return d.weeksOfConsistentWork.trim() !== '' ? num(d.startingIntensity, (v) => { d.startingIntensity = v; }) : null;
    default: return null;
  }
}

/** A field's value in the report as the person reads it: the catalog's wording of words, yes or no, figures as given. */
function answerOf(field: string, value: unknown, words: CheckWords): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value.map((w) => words.answer(field, String(w))).join(', ') : CHECK.none;
  if (typeof value === 'boolean') return value ? CHECK.yes : CHECK.no;
  if (typeof value === 'string') return words.answer(field, value);
  return String(value);
}

/** Every answer given, under its short label, in the order the check asked them. */
function answersReview(d: Draft, steps: Steps, words: CheckWords): HTMLElement {
  const report = toReport(d, new Date(), 'UTC');
  const valueAt = (path: string) => path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | null)?.[key], report);
  return h('dl', { class: 'review' }, steps.flat().flatMap((f) => {
    const answer = answerOf(f, valueAt(f), words);
    return answer === null ? [] : [h('dt', {}, words.label(f)), h('dd', {}, answer)];
  }));
}
