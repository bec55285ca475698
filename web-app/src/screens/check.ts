import { h, uniqueId, type Child } from '../dom';
import { ProblemError, type FieldError, groupByField } from '../api/problem';
import type { Context } from '../context';
import { bodyPicture } from '../body';
import { ABOUT_YOU_STEP, deviceTimeZone, firstStepWithError, HEALTH_STEP, missingAnswers, MORE_SIGNS_STEP, newDraft, REVIEW_STEP, SCREENING_YES_NO, stepOf, toReport, type Draft } from '../symptom/draft';
import { heading, painScale, failure } from '../ui';
import { REPORT, TEXT, say } from '../words';

type Errors = Map<string, string[]>;

/** The symptom check, one step at a time; the API's problem lands next to each field it names. */
export function checkScreen(ctx: Context): HTMLElement {
  const draft = newDraft(ctx.newId());
  const warningWords = Object.keys(REPORT.warningSigns.questions);
  let step = 0;
  // What the service refused stays shown until the next send, whichever step the person goes to; the local
  // "please answer" messages are only for the step being left.
  let serverErrors: Errors = new Map();
  let errors: Errors = new Map();
  let unplaced: FieldError[] = [];
  let sending = false;
  const root = h('div', { class: 'check' });

  const render = (focus: boolean) => {
    const body = renderStep(step, draft, errors, () => render(false));
    const form = h('form', { novalidate: true, onsubmit: (e: Event) => { e.preventDefault(); void next(); } },
      errorSummary(errors, unplaced),
      body,
      h('div', { class: 'actions' },
        step > 0 ? h('button', { type: 'button', onclick: () => { step -= 1; errors = serverErrors; render(true); } }, TEXT.back) : null,
        h('button', { type: 'submit', class: 'primary', disabled: sending }, step === REVIEW_STEP ? TEXT.send : TEXT.next)));
    const title = heading(REPORT.title);
    const progress = h('p', { class: 'step-count' }, `${step + 1} / ${REPORT.steps.length}: ${REPORT.steps[step]}`);
    root.replaceChildren(title, progress, form);
    if (focus) (errors.size > 0 || unplaced.length > 0 ? root.querySelector<HTMLElement>('.error-summary') ?? title : title).focus();
  };

  const next = async () => {
    const missing = missingAnswers(draft, step, warningWords).map((e) => ({ ...e, message: REPORT.required }));
    errors = new Map([...serverErrors, ...groupByField(missing)]);
    if (missing.length > 0) return render(true);
    if (step < REVIEW_STEP) {
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
        step = firstStepWithError(e.problem.errors);
        serverErrors = e.fieldMessages();
        errors = serverErrors;
        unplaced = e.problem.errors.filter((fe) => stepOf(fe.field) === REVIEW_STEP);
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

/** The question a report field is asked by, for the summary; a field no question asks keeps the API's name. */
function questionOf(field: string): string {
  const known: Record<string, string> = {
    painLocations: REPORT.steps[0], side: REPORT.side.legend, qualities: REPORT.qualities.legend, intensity: REPORT.steps[1],
    onset: REPORT.onset.legend, daysSinceOnset: REPORT.daysSinceOnset.label, aggravatingActivities: REPORT.steps[2],
    signs: REPORT.signs.legend, history: REPORT.history.legend, warningSigns: REPORT.steps[4],
    weeksOfConsistentWork: REPORT.profile.weeksOfConsistentWork, age: REPORT.age.label,
    startingIntensity: REPORT.startingIntensity.label, 'profile.wantsDeepPsoasRelease': REPORT.wantsDeepPsoasRelease,
  };
  const screening = REPORT.screening as unknown as Record<string, { legend?: string; label?: string }>;
  const answer = field.replace(/^screening\./, '');
  if (field.startsWith('screening.')) {
    return REPORT.screening.questions[answer] ?? screening[answer]?.legend ?? screening[answer]?.label ?? field;
  }
  return known[field] ?? REPORT.profile[field.replace(/^profile\./, '')] ?? field;
}

/** The messages of the fields the API named, as links to the fields, above the step. */
function errorSummary(errors: Errors, unplaced: FieldError[]): Child {
  if (errors.size === 0) return null;
  const items = [...errors.entries()].map(([field, messages]) => h('li', {}, h('a', { href: `#field-${field}`, onclick: (e: Event) => {
    e.preventDefault();
    document.getElementById(`field-${field}`)?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  } }, `${questionOf(field)}: ${messages.join('; ')}`)));
  return h('div', { class: 'error-summary', role: 'alert', tabindex: -1 }, h('p', {}, TEXT.fixFields), h('ul', {}, items),
    unplaced.length ? h('p', {}, unplaced.map((e) => `${e.field}: ${e.message}`).join('; ')) : null);
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
  const options = { yes: REPORT.warningSigns.yes, no: REPORT.warningSigns.no };
  const current = value === undefined || value === null ? null : value ? 'yes' : 'no';
  return radios(name, question, options, current, errors, (v) => set(v === 'yes'));
}

function numberField(name: string, label: string, value: string, min: number, max: number, errors: Errors, set: (v: string) => void): HTMLElement {
  const id = uniqueId('in');
  return field(name, errors, (describedBy) => h('div', {}, h('label', { for: id }, label),
    h('input', { id, type: 'number', inputmode: 'numeric', min, max, value, 'aria-describedby': describedBy,
      oninput: (e: Event) => set((e.target as HTMLInputElement).value) })));
}

function renderStep(step: number, d: Draft, errors: Errors, rerender: () => void): HTMLElement {
  const wrap = (...children: Child[]) => h('div', { class: 'step' }, ...children);
  switch (step) {
    case 0: {
      const picture = bodyPicture(new Set(d.painLocations), REPORT.painLocations.legend, (area) => {
        const at = d.painLocations.indexOf(area);
        if (at >= 0) d.painLocations.splice(at, 1); else d.painLocations.push(area);
        rerender();
      });
      return wrap(h('div', { class: 'body-pick' }, picture,
        checkboxes('painLocations', REPORT.painLocations.legend, REPORT.painLocations.options, d.painLocations, errors, rerender)),
        radios('side', REPORT.side.legend, REPORT.side.options, d.side, errors, (v) => { d.side = v; }));
    }
    case 1:
      return wrap(
        checkboxes('qualities', REPORT.qualities.legend, REPORT.qualities.options, d.qualities, errors, () => undefined),
        field('intensity', errors, (describedBy) => painScale('intensity', REPORT.intensity.legend, d.intensity, (n) => { d.intensity = n; }, describedBy)),
        radios('onset', REPORT.onset.legend, REPORT.onset.options, d.onset, errors, (v) => { d.onset = v; }),
        numberField('daysSinceOnset', REPORT.daysSinceOnset.label, d.daysSinceOnset, 0, 3650, errors, (v) => { d.daysSinceOnset = v; }));
    case 2:
      return wrap(checkboxes('aggravatingActivities', REPORT.aggravatingActivities.legend, REPORT.aggravatingActivities.options, d.aggravatingActivities, errors, () => undefined));
    case 3:
      return wrap(
        checkboxes('signs', REPORT.signs.legend, REPORT.signs.options, d.signs, errors, () => undefined),
        checkboxes('history', REPORT.history.legend, REPORT.history.options, d.history, errors, () => undefined));
    case 4:
      return wrap(field('warningSigns', errors, () => h('div', {}, h('p', {}, REPORT.warningSigns.legend),
        Object.entries(REPORT.warningSigns.questions).map(([word, question]) =>
          yesNo(`warning-${word}`, question, d.warningSigns[word], new Map(), (yes) => { d.warningSigns[word] = yes; })))));
    case HEALTH_STEP: {
      const sc = d.screening;
      const q = REPORT.screening;
      return wrap(
        numberField('age', REPORT.age.label, d.age, 0, 120, errors, (v) => { d.age = v; }),
        checkboxes('screening.medicalHistory', q.medicalHistory.legend, q.medicalHistory.options, sc.medicalHistory, errors, () => undefined),
        radios('screening.pregnancy', q.pregnancy.legend, q.pregnancy.options, sc.pregnancy, errors, (v) => { sc.pregnancy = v; rerender(); }),
        sc.pregnancy === 'pregnant' ? numberField('screening.pregnancyWeeks', q.pregnancyWeeks.label, sc.pregnancyWeeks, 1, 42, errors, (v) => { sc.pregnancyWeeks = v; }) : null,
        yesNo('screening.gaveBirthInLast3Months', q.questions.gaveBirthInLast3Months, sc.gaveBirthInLast3Months, errors, (v) => { sc.gaveBirthInLast3Months = v; }));
    }
    case MORE_SIGNS_STEP: {
      const sc = d.screening;
      const q = REPORT.screening;
      return wrap(
        checkboxes('screening.caudaEquinaSigns', q.caudaEquinaSigns.legend, q.caudaEquinaSigns.options, sc.caudaEquinaSigns, errors, () => undefined),
        radios('screening.groinLump', q.groinLump.legend, q.groinLump.options, sc.groinLump, errors, (v) => { sc.groinLump = v; rerender(); }),
        sc.groinLump !== null && sc.groinLump !== 'none'
          ? checkboxes('screening.groinLumpSigns', q.groinLumpSigns.legend, q.groinLumpSigns.options, sc.groinLumpSigns, errors, () => undefined) : null,
        radios('screening.painIntoTesticle', q.painIntoTesticle.legend, q.painIntoTesticle.options, sc.painIntoTesticle, errors, (v) => { sc.painIntoTesticle = v; }),
        ...SCREENING_YES_NO.map((name) =>
          yesNo(`screening.${name}`, q.questions[name], sc[name], errors, (v) => { sc[name] = v; })));
    }
    case ABOUT_YOU_STEP: {
      const p = d.profile;
      return wrap(
        yesNo('profile.runner', REPORT.profile.runner, p.runner, errors, (v) => { p.runner = v; rerender(); }),
        p.runner ? numberField('profile.runningShoeAgeMonths', REPORT.profile.runningShoeAgeMonths, p.runningShoeAgeMonths, 0, 240, errors, (v) => { p.runningShoeAgeMonths = v; }) : null,
        yesNo('profile.deskWorker', REPORT.profile.deskWorker, p.deskWorker, errors, (v) => { p.deskWorker = v; }),
        numberField('profile.hoursSittingPerDay', REPORT.profile.hoursSittingPerDay, p.hoursSittingPerDay, 0, 24, errors, (v) => { p.hoursSittingPerDay = v; }),
        yesNo('profile.wearsRaisedHeels', REPORT.profile.wearsRaisedHeels, p.wearsRaisedHeels, errors, (v) => { p.wearsRaisedHeels = v; }),
        yesNo('profile.wantsDeepPsoasRelease', REPORT.wantsDeepPsoasRelease, p.wantsDeepPsoasRelease, errors, (v) => { p.wantsDeepPsoasRelease = v; }),
        numberField('weeksOfConsistentWork', REPORT.profile.weeksOfConsistentWork, d.weeksOfConsistentWork, 0, 104, errors, (v) => { d.weeksOfConsistentWork = v; rerender(); }),
        d.weeksOfConsistentWork.trim() !== ''
          ? numberField('startingIntensity', REPORT.startingIntensity.label, d.startingIntensity, 0, 10, errors, (v) => { d.startingIntensity = v; }) : null);
    }
    default:
      return wrap(h('p', {}, REPORT.review), review(d));
  }
}

function review(d: Draft): HTMLElement {
  const list = (words: string[], options: Record<string, string>) => words.length ? words.map((w) => say(options, w)).join(', ') : REPORT.none;
  const row = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  const yes = Object.entries(d.warningSigns).filter(([, v]) => v).map(([w]) => w);
  return h('dl', { class: 'review' },
    row(REPORT.steps[0], `${list(d.painLocations, REPORT.painLocations.options)} (${say(REPORT.side.options, d.side ?? '')})`),
    row(REPORT.qualities.legend, list(d.qualities, REPORT.qualities.options)),
    row(REPORT.intensity.legend, String(d.intensity ?? '')),
    row(REPORT.onset.legend, say(REPORT.onset.options, d.onset ?? '')),
    row(REPORT.daysSinceOnset.label, d.daysSinceOnset),
    row(REPORT.aggravatingActivities.legend, list(d.aggravatingActivities, REPORT.aggravatingActivities.options)),
    row(REPORT.signs.legend, list(d.signs, REPORT.signs.options)),
    row(REPORT.history.legend, list(d.history, REPORT.history.options)),
    row(REPORT.steps[4], list(yes, REPORT.warningSigns.questions)),
    row(REPORT.age.label, d.age),
    row(REPORT.screening.medicalHistory.legend, list(d.screening.medicalHistory, REPORT.screening.medicalHistory.options)),
    row(REPORT.screening.caudaEquinaSigns.legend, list(d.screening.caudaEquinaSigns, REPORT.screening.caudaEquinaSigns.options)),
    row(REPORT.screening.groinLump.legend, say(REPORT.screening.groinLump.options, d.screening.groinLump ?? '')),
    row(REPORT.profile.hoursSittingPerDay, d.profile.hoursSittingPerDay));
}
