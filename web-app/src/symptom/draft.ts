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

/** Which step asks which field of the report; fields no step asks (ids, clock) are shown on the last step. */
export const STEP_FIELDS: string[][] = [
  ['painLocations', 'side'],
  ['qualities', 'intensity', 'onset', 'daysSinceOnset'],
  ['aggravatingActivities'],
  ['signs', 'history'],
  ['warningSigns'],
  ['age', 'screening', 'screening.medicalHistory', 'screening.pregnancy', 'screening.pregnancyWeeks', 'screening.gaveBirthInLast3Months'],
  ['screening.caudaEquinaSigns', 'screening.groinLump', 'screening.groinLumpSigns', 'screening.painIntoTesticle',
    ...SCREENING_YES_NO.map((q) => `screening.${q}`)],
  ['profile.runner', 'profile.deskWorker', 'profile.hoursSittingPerDay', 'profile.runningShoeAgeMonths', 'profile.wearsRaisedHeels',
    'profile.wantsDeepPsoasRelease', 'weeksOfConsistentWork', 'startingIntensity', 'profile'],
  [],
];
/** The step of the questions about the person's age and health, the one of the other warning signs, and "about you". */
export const HEALTH_STEP = 5;
export const MORE_SIGNS_STEP = 6;
export const ABOUT_YOU_STEP = 7;
export const REVIEW_STEP = STEP_FIELDS.length - 1;

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

/** The step a field the API named belongs to. */
export function stepOf(field: string): number {
  const name = topLevelField(field);
  const step = STEP_FIELDS.findIndex((fields) => fields.includes(name));
  return step >= 0 ? step : REVIEW_STEP;
}

/** The first step with a problem, so the person lands where the first thing to correct is. */
export function firstStepWithError(errors: FieldError[]): number {
  return errors.reduce((first, e) => Math.min(first, stepOf(e.field)), REVIEW_STEP);
}

function number(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

/**
 * What a step needs before the next one: answers only. The ranges and words are the service's to judge, and its
 * problem comes back next to each field it names.
 */
export function missingAnswers(draft: Draft, step: number, warningSignWords: string[]): FieldError[] {
  const missing: FieldError[] = [];
  const need = (field: string, ok: boolean) => {
    if (!ok) missing.push({ field, message: 'required' });
  };
  switch (step) {
    case 0:
      need('painLocations', draft.painLocations.length > 0);
      need('side', draft.side !== null);
      break;
    case 1:
      need('qualities', draft.qualities.length > 0);
      need('intensity', draft.intensity !== null);
      need('onset', draft.onset !== null);
      need('daysSinceOnset', draft.daysSinceOnset.trim() !== '');
      break;
    case 4:
      need('warningSigns', warningSignWords.every((w) => w in draft.warningSigns));
      break;
    case HEALTH_STEP:
      need('age', draft.age.trim() !== '');
      need('screening.pregnancy', draft.screening.pregnancy !== null);
      if (draft.screening.pregnancy === 'pregnant') need('screening.pregnancyWeeks', draft.screening.pregnancyWeeks.trim() !== '');
      need('screening.gaveBirthInLast3Months', draft.screening.gaveBirthInLast3Months !== null);
      break;
    case MORE_SIGNS_STEP:
      need('screening.groinLump', draft.screening.groinLump !== null);
      need('screening.painIntoTesticle', draft.screening.painIntoTesticle !== null);
      for (const q of SCREENING_YES_NO) need(`screening.${q}`, draft.screening[q] !== null);
      break;
    case ABOUT_YOU_STEP:
      need('profile.runner', draft.profile.runner !== null);
      need('profile.deskWorker', draft.profile.deskWorker !== null);
      need('profile.hoursSittingPerDay', draft.profile.hoursSittingPerDay.trim() !== '');
      need('profile.wearsRaisedHeels', draft.profile.wearsRaisedHeels !== null);
      need('profile.wantsDeepPsoasRelease', draft.profile.wantsDeepPsoasRelease !== null);
      if (draft.weeksOfConsistentWork.trim() !== '') need('startingIntensity', draft.startingIntensity.trim() !== '');
      break;
    default:
      break;
  }
  return missing;
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
