import type { FieldError } from '../api/problem';
import { topLevelField } from '../api/problem';

/** The answers of a symptom check so far; the body sent is made from it in one place ({@link toReport}). */
export interface Draft {
  reportId: string;
  painLocations: string[];
  side: string | null;
  qualities: string[];
  intensity: number | null;
  onset: string | null;
  daysSinceOnset: string;
  aggravatingActivities: string[];
  signs: string[];
  history: string[];
  /** each warning sign's answer: true yes, false no, missing not answered yet */
  warningSigns: Record<string, boolean>;
  profile: { runner: boolean | null; deskWorker: boolean | null; hoursSittingPerDay: string; runningShoeAgeMonths: string; wearsRaisedHeels: boolean | null; wantsDeepPsoasRelease: boolean | null };
  weeksOfConsistentWork: string;
  /** pain (0 to 10) when the exercises began; asked only when weeks of exercises are given */
  startingIntensity: string;
  age: string;
  screening: Screening;
}

/** The screening questions a clinician would ask (triage's SymptomReport.Screening); null is not answered yet. */
export interface Screening {
  caudaEquinaSigns: string[];
  groinLump: string | null;
  groinLumpSigns: string[];
  painIntoTesticle: string | null;
  bellyPain: boolean | null;
  painOnStraighteningTheHip: boolean | null;
  urinarySymptoms: boolean | null;
  medicalHistory: string[];
  pregnancy: string | null;
  pregnancyWeeks: string;
  gaveBirthInLast3Months: boolean | null;
  painOnlyWhenLyingOnIt: boolean | null;
  constantPainDayAndNight: boolean | null;
  fallSinceThePainBegan: boolean | null;
  achingHipsWithMorningStiffness: boolean | null;
}

/** The yes-or-no questions of the "a few more signs" step, in the order the check asks them. */
export const SCREENING_YES_NO = ['bellyPain', 'painOnStraighteningTheHip', 'urinarySymptoms', 'painOnlyWhenLyingOnIt',
  'constantPainDayAndNight', 'fallSinceThePainBegan', 'achingHipsWithMorningStiffness'] as const;

/**
 * Warning signs the check never offers, even when a catalog answer (one cached before the change, say) still words
 * them: "night or rest pain" cannot tell pain on lying on the sore side from constant pain, so night pain is asked as
 * two screening questions, and triage refuses the old word in a new report.
 */
export const RETIRED_WARNING_SIGNS: readonly string[] = ['night-or-rest-pain'];

/** The warning signs the check asks, in the catalog's order and words, without the retired ones. */
export function askedWarningSigns(worded: Record<string, string>): [string, string][] {
  return Object.entries(worded).filter(([word]) => !RETIRED_WARNING_SIGNS.includes(word));
}

/**
 * Every report field the check asks a person, in the order it asks them when the catalog does not say otherwise. The
 * catalog's symptom check groups them into steps; ids, the clock and the time zone are the app's own.
 */
export const ASKED_FIELDS = [
  'painLocations', 'side', 'qualities', 'intensity', 'onset', 'daysSinceOnset', 'aggravatingActivities', 'signs', 'history',
  'warningSigns', 'age', 'screening.medicalHistory', 'screening.pregnancy', 'screening.pregnancyWeeks',
  'screening.gaveBirthInLast3Months', 'screening.caudaEquinaSigns', 'screening.groinLump', 'screening.groinLumpSigns',
  'screening.painIntoTesticle', ...SCREENING_YES_NO.map((q) => `screening.${q}`), 'profile.runner',
  'profile.runningShoeAgeMonths', 'profile.deskWorker', 'profile.hoursSittingPerDay', 'profile.wearsRaisedHeels',
  'profile.wantsDeepPsoasRelease', 'weeksOfConsistentWork', 'startingIntensity',
] as const;

/** The report fields each step asks; the review step, last, asks none. */
export type Steps = readonly (readonly string[])[];

/**
 * The steps of the check: the catalog's, keeping the fields the app can ask, then one more step for any field no
 * catalog step asks (the report needs every answer), then the review.
 */
export function checkSteps(catalogSteps: readonly { fields: readonly string[] }[]): Steps {
  const known = new Set<string>(ASKED_FIELDS);
  const steps = catalogSteps.map((s) => s.fields.filter((f) => known.delete(f))).filter((fields) => fields.length > 0);
  const left = ASKED_FIELDS.filter((f) => known.has(f));
  return [...steps, ...(left.length ? [left] : []), []];
}

export function newDraft(reportId: string): Draft {
  return {
    reportId, painLocations: [], side: null, qualities: [], intensity: null, onset: null, daysSinceOnset: '',
    aggravatingActivities: [], signs: [], history: [], warningSigns: {},
    profile: { runner: null, deskWorker: null, hoursSittingPerDay: '', runningShoeAgeMonths: '', wearsRaisedHeels: null, wantsDeepPsoasRelease: null },
    weeksOfConsistentWork: '', startingIntensity: '', age: '',
    screening: {
      caudaEquinaSigns: [], groinLump: null, groinLumpSigns: [], painIntoTesticle: null, bellyPain: null,
      painOnStraighteningTheHip: null, urinarySymptoms: null, medicalHistory: [], pregnancy: null, pregnancyWeeks: '',
      gaveBirthInLast3Months: null, painOnlyWhenLyingOnIt: null, constantPainDayAndNight: null, fallSinceThePainBegan: null,
      achingHipsWithMorningStiffness: null,
    },
  };
}

/**
 * The step a field the API named belongs to: the step asking it, or for an object ("screening") the step asking its
 * first field; anything else is shown on the review step.
 */
export function stepOf(field: string, steps: Steps): number {
  const name = topLevelField(field);
  const asking = steps.findIndex((fields) => fields.includes(name));
  if (asking >= 0) return asking;
  const inside = steps.findIndex((fields) => fields.some((f) => f.startsWith(`${name}.`)));
  return inside >= 0 ? inside : steps.length - 1;
}

/** The first step with a problem, so the person lands where the first thing to correct is. */
export function firstStepWithError(errors: FieldError[], steps: Steps): number {
  return errors.reduce((first, e) => Math.min(first, stepOf(e.field, steps)), steps.length - 1);
}

function number(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/** Whether a field has its answer; fields asked only after another answer need one only then. */
const ANSWERED: Record<string, (d: Draft, warningSignWords: string[]) => boolean> = {
  painLocations: (d) => d.painLocations.length > 0,
  side: (d) => d.side !== null,
  qualities: (d) => d.qualities.length > 0,
  intensity: (d) => d.intensity !== null,
  onset: (d) => d.onset !== null,
  daysSinceOnset: (d) => d.daysSinceOnset.trim() !== '',
  warningSigns: (d, words) => words.every((w) => w in d.warningSigns),
  age: (d) => d.age.trim() !== '',
  'screening.pregnancy': (d) => d.screening.pregnancy !== null,
  'screening.pregnancyWeeks': (d) => d.screening.pregnancy !== 'pregnant' || d.screening.pregnancyWeeks.trim() !== '',
  'screening.gaveBirthInLast3Months': (d) => d.screening.gaveBirthInLast3Months !== null,
  'screening.groinLump': (d) => d.screening.groinLump !== null,
  'screening.painIntoTesticle': (d) => d.screening.painIntoTesticle !== null,
  ...Object.fromEntries(SCREENING_YES_NO.map((q) => [`screening.${q}`, (d: Draft) => d.screening[q] !== null])),
  'profile.runner': (d) => d.profile.runner !== null,
  'profile.deskWorker': (d) => d.profile.deskWorker !== null,
  'profile.hoursSittingPerDay': (d) => d.profile.hoursSittingPerDay.trim() !== '',
  'profile.wearsRaisedHeels': (d) => d.profile.wearsRaisedHeels !== null,
  'profile.wantsDeepPsoasRelease': (d) => d.profile.wantsDeepPsoasRelease !== null,
  startingIntensity: (d) => d.weeksOfConsistentWork.trim() === '' || d.startingIntensity.trim() !== '',
};

/**
 * What a step needs before the next one: answers only. The ranges and words are the service's to judge, and its
 * problem comes back next to each field it names.
 */
export function missingAnswers(draft: Draft, fields: readonly string[], warningSignWords: string[]): FieldError[] {
  return fields.filter((f) => !(ANSWERED[f]?.(draft, warningSignWords) ?? true)).map((field) => ({ field, message: 'required' }));
}

/** The symptom report body triage's POST /symptom-reports takes; the person is the token's subject. */
export function toReport(draft: Draft, now: Date, timeZone: string): Record<string, unknown> {
  const runner = draft.profile.runner;
  const s = draft.screening;
  return {
    reportId: draft.reportId,
    reportedAt: withOffset(now),
    timeZone,
    painLocations: draft.painLocations,
    side: draft.side,
    qualities: draft.qualities,
    intensity: draft.intensity,
    onset: draft.onset,
    daysSinceOnset: number(draft.daysSinceOnset),
    aggravatingActivities: draft.aggravatingActivities,
    signs: draft.signs,
    history: draft.history,
    warningSigns: Object.entries(draft.warningSigns).filter(([, yes]) => yes).map(([word]) => word),
    profile: {
      runner,
      deskWorker: draft.profile.deskWorker,
      hoursSittingPerDay: number(draft.profile.hoursSittingPerDay),
      runningShoeAgeMonths: runner ? number(draft.profile.runningShoeAgeMonths) : null,
      wearsRaisedHeels: draft.profile.wearsRaisedHeels,
      wantsDeepPsoasRelease: draft.profile.wantsDeepPsoasRelease,
    },
    weeksOfConsistentWork: number(draft.weeksOfConsistentWork),
    startingIntensity: draft.weeksOfConsistentWork.trim() === '' ? null : number(draft.startingIntensity),
    age: number(draft.age),
    screening: {
      ...s,
      groinLumpSigns: s.groinLump === 'none' ? [] : s.groinLumpSigns,
      pregnancyWeeks: s.pregnancy === 'pregnant' ? number(s.pregnancyWeeks) : null,
    },
  };
}

/** An ISO date-time with the device's offset, as the services want a person's times. */
export function withOffset(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
