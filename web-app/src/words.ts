import type { Dose, Range } from './api/types';
import { plain } from './dom';

/**
 * The app's own wording: its controls and headings, keyed by the API's words where they name one. Content (exercise
 * names, doses, reasons, what to do, muscles, the timeline, the symptom check's questions and answers) always comes
 * from the services, and a word the app does not know is shown in plain words made from the API's own.
 */
export const TEXT = {
  app: 'hipflex',
  skip: 'Skip to the content',
  nav: { home: 'Home', check: 'Symptom check', plan: 'My plan', session: "Today's session", checkIn: 'Pain check-in', progress: 'My progress', library: 'Exercises' },
  signIn: 'Sign in', signUp: 'Create an account', signOut: 'Sign out',
  signedInAs: 'Signed in as',
  needSignIn: 'Sign in to see this. Your data stays with your account.',
  loading: 'Loading…',
  offline: 'You are offline. Sessions you finish are kept on this device and sent when you are back online.',
  queued: (n: number) => `${n} session(s) waiting to be sent`,
  notFound: 'Not found', notFoundDetail: 'There is nothing here for you. Check the address, or start from the home screen.',
  failed: 'Something went wrong', retry: 'Try again', back: 'Back', next: 'Next', send: 'Send my report',
  homeIntro: 'Check your symptoms, get a plan that fits them, and follow your recovery.',
  startCheck: 'Start a symptom check', latest: 'Your latest recommendation',
  fixFields: 'Please correct these answers:',
} as const;

/**
 * The symptom check's own controls. Its questions, answers and steps come from the catalog (GET /symptom-check,
 * {@link CheckWords}); these are the words around them.
 */
export const CHECK = {
  title: 'Symptom check', reviewStep: 'Check and send', moreQuestions: 'A few more questions',
  required: 'Please answer this.', none: 'None of these', yes: 'Yes', no: 'No', notGiven: 'Not given',
  review: 'Check your answers, then send them.',
} as const;

export const LEVEL: Record<string, { title: string; lead: string }> = {
  'self-care': { title: 'Self-care', lead: 'You can start the plan below.' },
  'self-care-with-caution': { title: 'Self-care, with care', lead: 'You can start the gentler plan below. Stop if the pain gets sharp.' },
  'see-professional': { title: 'See a professional', lead: 'Book an appointment with a physiotherapist or doctor. What to do until then is below.' },
  'urgent-care': { title: 'Get urgent care today', lead: 'Go to an emergency department or an urgent care clinic today. Do not do any exercises.' },
};

/** How soon the person should be seen, as the recommendation's referral says it. */
export const URGENCY: Record<string, string> = {
  today: 'How soon: today', 'within-a-week': 'How soon: within a week', routine: 'How soon: routine, at the next convenient time',
};

export const REC = {
  title: 'Your recommendation', reasons: 'Why', whatToDo: 'What to do', muscles: 'Likely muscles', plan: 'Your plan',
  excluded: 'Left out for you', extras: 'Extras for you', checklist: 'Root-cause checklist', why: 'Why this?',
  rules: 'Rules that applied', inputs: 'Your answers they used', sources: 'Sources', startPlan: 'Start my plan',
  making: 'Your recommendation is being made…', skipped: 'Not in your plan', replacedBy: 'instead:', relevant: 'Check this first',
  notes: 'Good to know', noExercises: 'No exercises until a professional has seen you.', versions: 'Rule set and catalog versions',
  bothSides: 'both sides', alsoToDo: 'Also, for other things you told us',
};

export const PLAN = {
  title: 'My plan', none: 'You have no plan yet. A symptom check makes one.', start: 'Start my plan', restart: 'Restart from day 1',
  pause: 'Pause my plan', status: 'Status', startDate: 'Day 1', exercises: 'Exercises', session: "Do today's session",
  statuses: { active: 'Active', paused: 'Paused', 'see-professional-first': 'Waiting until a professional has seen you' } as Record<string, string>,
};

export const PROGRESS = {
  title: 'My progress', weeks: 'Weeks done against expected', expected: 'expected', done: 'done', week: 'Week',
  overall: 'Overall', streak: 'Current streak (days)', longest: 'Longest streak (days)', stage: 'Where you are',
  day: 'Day', of: 'of', pain: 'Pain trend (0–10, weekly average)', noPain: 'No pain ratings yet.', alert: 'Alert',
};

export const SUMMARY = {
  title: 'For your physiotherapist or doctor',
  lead: 'Your pain, your plan, how it went and what hipflex found, to show or send to a professional. It holds no name, only your account\'s number.',
  pdf: 'Download my summary (PDF, to print or show)', fhir: 'Download it for a clinic\'s system (FHIR R4)',
  none: 'There is nothing to summarise yet: a symptom check or a plan comes first.',
};

export const CHECKIN = {
  title: 'Pain check-in', pain: 'How much does your hip hurt today, from 0 to 10?', notes: 'Notes (private, optional)', save: 'Save', saved: 'Saved. Thank you.',
  kind: 'Which rating is this?', morning: 'Morning check-in: pain on waking', now: 'Pain right now',
  wakingPain: 'How much did your hip hurt when you woke up this morning, from 0 to 10?',
  morningHint: 'Rate it each morning at about the same time, soon after you get up: your plan adapts to these ratings.',
  savedMorning: 'Morning rating saved. Thank you.',
};

/** The adapting plan's changes ("why it changed"); the sentences, rules, figures and sources come from tracking. */
export const ADAPT = {
  title: 'Why your plan changed', none: 'No change since your last session.', rule: 'Rule', source: 'Source', figures: 'Figures it used',
  forward: 'A step forward', back: 'A step back',
  figureNames: {
    painDuring: 'worst pain during the session', nextWakingPain: 'waking pain the next morning', baseline: 'your usual waking pain (median)',
    effort: 'how hard it felt', toleratedInARow: 'tolerated sessions in a row', daysSinceLastChange: 'days since the last change',
    everyMorningRated: 'every morning rated', weekMeanRose: 'weekly mean waking pain rose',
  } as Record<string, string>,
  yes: 'yes', no: 'no',
};

export const LIBRARY = {
  title: 'Exercises', search: 'Search', category: 'Category', equipment: 'Equipment', muscle: 'Target muscle', any: 'Any',
  acuteSafe: 'Only exercises safe while pain is acute', exclude: 'Leave out what does not suit', results: (n: number) => `${n} exercise(s)`,
  more: 'Show more', steps: 'How to do it', dose: 'Dose', cautions: 'Cautions', mistakes: 'Common mistakes',
  progressions: 'Harder next', regressions: 'Easier', contraindications: 'Not for you if', why: 'Why it works',
};

export const SESSION = {
  title: "Today's session", painBefore: 'Pain before you start (0–10)', painAfter: 'Pain now that you are done (0–10)',
  begin: 'Begin', finish: 'Finish and save', startTimer: 'Start', pauseTimer: 'Pause', rep: 'Count a rep', reps: 'reps', set: 'Set',
  left: 'Left side', right: 'Right side', done: 'Done', sentNow: 'Session saved.', kept: 'Session kept on this device; it is sent when you are back online.',
  noPlan: 'Start a plan first.', held: 'Your plan holds no exercises for now.', remaining: 'left', of: 'of',
  preparing: 'Your plan is being prepared from your recommendation…',
  reportPain: 'It hurts: rate my pain', painNow: 'Pain during this exercise right now (0–10)',
  // Pain during exercise: 0–2 safe, 3–5 acceptable, above 5 too much (the pain-monitoring model, TRK-ADAPT-STEP-BACK).
  painOk: 'Pain up to 5 is acceptable: carry on gently if it settles.',
  stopNow: 'Pain above 5 is too much: stop this exercise now. Go on to the next one only if it does not hurt like this.',
  stopExercise: 'Stop this exercise',
  painDuring: 'The worst pain during the session (0–10)',
  effort: { legend: 'How hard did the session feel?', options: { 'too-easy': 'Too easy', 'about-right': 'About right', 'too-hard': 'Too hard' } as Record<string, string> },
  feedbackHint: 'Your answers decide whether your plan steps forward, holds or steps back.',
  painKind: { legend: 'Was it pain, or a strong stretch feeling?', options: { pain: 'Pain', 'strong-stretch': 'A strong stretch feeling' } as Record<string, string> },
  answerAll: 'Please answer each question.',
};

export const DOSE = {
  hold: (r: string) => `hold ${r} s`, sets: (r: string) => `${r} sets`, reps: (r: string) => `${r} reps`, minutes: (r: string) => `${r} min`,
  perSide: 'each side',
};

export function range(r: Range): string {
  return r.min === r.max ? String(r.min) : `${r.min}–${r.max}`;
}

/** A dose in short words, from the figures the catalog or the recommendation gives. */
export function formatDose(dose: Dose | null | undefined): string {
  if (!dose) return '';
  const parts: string[] = [];
  if (dose.sets) parts.push(DOSE.sets(range(dose.sets)));
  if (dose.reps) parts.push(DOSE.reps(range(dose.reps)));
  if (dose.holdSeconds) parts.push(DOSE.hold(range(dose.holdSeconds)));
  if (dose.minutes) parts.push(DOSE.minutes(range(dose.minutes)));
  if (dose.perSide) parts.push(DOSE.perSide);
  return parts.join(', ');
}

/** The wording for a word of the API, or the word itself in plain form. */
export function say(words: Record<string, string>, word: string): string {
  return words[word] ?? plain(word);
}

/**
 * Root-cause experiments: the screen's controls and the phase reminders. The checklist's items and what to change
 * come from the catalog; the advice, the rule that decided and its figures from tracking.
 */
export const EXPERIMENT = {
  title: 'My root-cause experiments', link: 'Find what sets the pain off: try one change',
  lead: 'Change one thing at a time and watch your waking pain, so you know what actually makes the difference.',
  start: 'Start an experiment', another: 'Start another experiment',
  oneAtATime: 'One change at a time, so you know which one made the difference: end your experiment first, or wait for its result.',
  item: 'What to change', suggested: 'Suggested first', tried: 'tried before',
  change: 'The change, in your words', changeHint: (min: number, max: number) => `For example: flat shoes instead of heeled boots (${min} to ${max} characters).`,
  startDate: 'Start the baseline on', startDateHint: 'Your usual morning ratings from this day are the baseline; change nothing yet.',
  begin: 'Start the experiment', running: 'Your experiment now', past: 'Past experiments', none: 'No experiments yet.',
  phase: 'Phase', today: 'Today', advice: 'What to do now', morning: 'Each morning, soon after you wake up, give your waking rating on the pain check-in screen.',
  checkIn: 'Go to the pain check-in', end: 'End my experiment today', undo: 'Confirm it: undo the change for a week',
  chart: 'Waking pain in each phase (0–10)', day: 'Day', pain: 'Waking pain', notCounted: 'not counted', noRatings: 'No waking ratings yet.',
  result: 'Result', baselineMean: 'Mean waking pain, baseline', changeMean: 'Mean waking pain, with the change', p: 'p-value', tau: 'Tau',
  rule: 'Rule', confirmation: 'Confirmation', safetyStop: 'Stopped for your safety',
  phases: {
    baseline: { name: 'Baseline', what: 'Change nothing yet: your usual waking pain is being measured.' },
    settling: { name: 'With the change: first days, not counted', what: 'Keep the change. The first days let it settle and do not count.' },
    change: { name: 'With the change', what: 'Keep the change and change nothing else.' },
    undone: { name: 'Undo week', what: 'Keep the change undone, to see whether the pain comes back.' },
    ended: { name: 'Ended', what: '' },
    confirmed: { name: 'Ended and confirmed', what: '' },
  } as Record<string, { name: string; what: string }>,
  phaseNames: { baseline: 'Baseline', change: 'With the change', undone: 'Change undone' } as Record<string, string>,
  outcomes: {
    helped: 'It helped', worse: 'It made the pain worse', 'no-clear-change': 'No clear change', 'not-enough-data': 'Not enough ratings to tell',
  } as Record<string, string>,
  confirmations: { held: 'Confirmed: the pain came back with the change undone', 'did-not-hold': 'Not confirmed: the pain did not clearly come back', 'not-enough-data': 'Not enough ratings to tell' } as Record<string, string>,
};

/**
 * The Patient-Specific Functional Scale (Stratford 1995) as tracking records it (GET/POST /me/outcomes): the activities
 * are the person's own words, the verdict is tracking's (TRK-MEANINGFUL-FUNCTION-CHANGE); these are the words around them.
 */
export const PSFS = {
  title: 'Activities your hip makes hard',
  intro: (most: number, laterWeeks: number[]) => `Name up to ${most} activities your hip makes hard for you now, and rate how well you can do each: 0 means you cannot do it at all, 10 as well as before your hip hurt. They stay the same: you rate them again at weeks ${list(laterWeeks.map(String))}.`,
  again: (week: number) => `Week ${week}: how well can you do the same activities now? 0 means you cannot do it at all, 10 as well as before your hip hurt.`,
  activity: (n: number) => `Activity ${n}`,
  rating: (n: number) => `Activity ${n}: how well can you do it now, from 0 (unable) to 10 (as before)?`,
  ratingOf: (activity: string) => `${activity}: how well can you do it now, from 0 (unable) to 10 (as before)?`,
  add: 'Add another activity', save: 'Save my ratings', saved: 'Saved. Thank you.', nameAll: 'Give each activity a name and a rating.',
  due: (week: number) => (week === 0 ? 'Name the activities your hip makes hard, and rate them' : `Week ${week}: rate your activities again`),
  over: 'Your activities over time', week: 'Week', mean: 'Mean', activityHeader: 'Activity',
  change: {
    improved: 'A meaningful improvement', unchanged: 'No meaningful change yet', worse: 'Meaningfully worse',
    mixed: 'Mixed: one activity meaningfully better, another worse',
  } as Record<string, string>,
  meanChange: 'Change of the mean since the start',
  threshold: (mean: number, activity: number) => `Meaningful: ${mean} points or more on the mean, or ${activity} or more on one activity.`,
  adherence: 'Sessions done against expected', rule: 'Rule',
};

/** An escalation tracking raised (TRK-ESCALATE-*): the sentence, which says what to do, is tracking's. */
export const ESCALATION = {
  title: 'See a professional about your hip', urgentTitle: 'Get urgent care today', raised: 'Raised on', rule: 'Rule',
  takeAlong: 'Take your summary along: it shows a professional your pain, your plan and how it went.',
  summary: 'Your summary for a professional',
};

/** "4, 8 and 12". */
export function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
