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
  profile: { runner: boolean | null; deskWorker: boolean | null; hoursSittingPerDay: string; runningShoeAgeMonths: string; wearsRaisedHeels: boolean | null };
  weeksOfConsistentWork: string;
}

/** Which step asks which field of the report; fields no step asks (ids, clock) are shown on the last step. */
export const STEP_FIELDS: string[][] = [
  ['painLocations', 'side'],
  ['qualities', 'intensity', 'onset', 'daysSinceOnset'],
  ['aggravatingActivities'],
  ['signs', 'history'],
  ['warningSigns'],
  ['profile.runner', 'profile.deskWorker', 'profile.hoursSittingPerDay', 'profile.runningShoeAgeMonths', 'profile.wearsRaisedHeels', 'weeksOfConsistentWork', 'profile'],
  [],
];
export const REVIEW_STEP = STEP_FIELDS.length - 1;

export function newDraft(reportId: string): Draft {
  return {
    reportId, painLocations: [], side: null, qualities: [], intensity: null, onset: null, daysSinceOnset: '',
    aggravatingActivities: [], signs: [], history: [], warningSigns: {},
    profile: { runner: null, deskWorker: null, hoursSittingPerDay: '', runningShoeAgeMonths: '', wearsRaisedHeels: null },
    weeksOfConsistentWork: '',
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
    case 5:
      need('profile.runner', draft.profile.runner !== null);
      need('profile.deskWorker', draft.profile.deskWorker !== null);
      need('profile.hoursSittingPerDay', draft.profile.hoursSittingPerDay.trim() !== '');
      need('profile.wearsRaisedHeels', draft.profile.wearsRaisedHeels !== null);
      break;
    default:
      break;
  }
  return missing;
}

/** The symptom report body triage's POST /symptom-reports takes; the person is the token's subject. */
export function toReport(draft: Draft, now: Date, timeZone: string): Record<string, unknown> {
  const runner = draft.profile.runner;
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
    },
    weeksOfConsistentWork: number(draft.weeksOfConsistentWork),
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
