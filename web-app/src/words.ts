import type { Dose, Range } from './api/types';
import { plain } from './dom';

/**
 * The app's own wording: its controls, headings and the questions of the symptom check, keyed by the API's words.
 * Content (exercise names, doses, reasons, what to do, muscles, the timeline) always comes from the services; the
 * catalog serves no wording for the report's vocabularies yet, so the questions live here, in one place, and a word
 * the app does not know is shown in plain words made from the API's own.
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

/** The symptom report's questions; the option words are the API's vocabulary (triage's SymptomReport). */
export const REPORT = {
  title: 'Symptom check',
  steps: ['Where it hurts', 'How it feels', 'What makes it worse', 'Signs and history', 'Warning signs', 'Your age and health', 'A few more signs', 'About you', 'Check and send'],
  painLocations: {
    legend: 'Where does it hurt? Tap the picture or tick the places.',
    options: { 'front-of-hip': 'Front of the hip', groin: 'Groin', 'outer-hip': 'Outer hip', 'front-of-thigh': 'Front of the thigh', 'low-back': 'Lower back', knee: 'Knee', 'buttock-si': 'Buttock or low back dimple' } as Record<string, string>,
  },
  side: { legend: 'Which side?', options: { left: 'Left', right: 'Right', both: 'Both' } as Record<string, string> },
  qualities: { legend: 'How does the pain feel?', options: { 'dull-ache': 'A dull ache', tightness: 'Tight', sharp: 'Sharp', burning: 'Burning', pinching: 'Pinching', snapping: 'Snapping' } as Record<string, string> },
  intensity: { legend: 'How bad is it right now, from 0 (no pain) to 10 (worst imaginable)?' },
  onset: { legend: 'How did it start?', options: { gradual: 'Gradually', 'sudden-during-exercise': 'Suddenly, during exercise' } as Record<string, string> },
  daysSinceOnset: { label: 'How many days ago did it start?' },
  aggravatingActivities: { legend: 'What makes it worse? Tick all that apply, or none.', options: { sitting: 'Sitting', 'standing-up': 'Standing up', running: 'Running', stairs: 'Stairs', 'deep-squat': 'Deep squats', 'lifting-the-knee': 'Lifting the knee', sleeping: 'Sleeping' } as Record<string, string> },
  signs: { legend: 'Do you notice any of these? Tick all that apply, or none.', options: { numbness: 'Numbness', tingling: 'Tingling', 'radiating-down-the-leg': 'Pain spreading down the leg', 'clicking-catching-locking': 'The hip catches or locks, and it hurts (a painless snap is fine)', limping: 'Limping', 'cannot-bear-weight': 'The leg will not take my weight' } as Record<string, string> },
  history: { legend: 'Does any of this apply to you?', options: { 'hip-surgery-or-structural-issue': 'Past hip surgery or a known hip problem', pregnancy: 'Pregnant, or could be', 'abdominal-condition': 'A condition in my belly or pelvis' } as Record<string, string> },
  warningSigns: {
    legend: 'Please answer each question.',
    questions: {
      'night-or-rest-pain': 'Does it hurt at night or when you rest?',
      'pain-when-hopping': 'Does it hurt when you hop on that leg?',
      'recent-big-jump-in-running-load': 'Have you recently run much more than usual?',
      'recent-fall-or-injury': 'Have you fallen or hurt yourself recently?',
      'fever-or-unwell': 'Do you have a fever or feel unwell?',
      'hot-swollen-hip': 'Is the hip hot or swollen?',
      'unexplained-weight-loss': 'Have you lost weight without trying?',
      'past-cancer': 'Have you ever had cancer?',
    } as Record<string, string>,
    yes: 'Yes', no: 'No',
  },
  profile: {
    runner: 'Do you run?', deskWorker: 'Do you sit at a desk for work?', hoursSittingPerDay: 'Hours you sit on a usual day',
    runningShoeAgeMonths: 'How old are your running shoes, in months? (optional)', wearsRaisedHeels: 'Do you often wear raised heels?',
    weeksOfConsistentWork: 'Weeks of regular hip exercises so far (optional)',
  } as Record<string, string>,
  age: { label: 'How old are you, in years?' },
  startingIntensity: { label: 'If you have been doing hip exercises: how bad was the pain when you started, from 0 to 10?' },
  screening: {
    medicalHistory: { legend: 'Does any of this apply to you? Tick all that apply, or none.', options: {
      'long-term-steroids': 'I take steroid tablets long term', osteoporosis: 'I have thin bones (osteoporosis)',
      'blood-thinners': 'I take blood thinners', 'vascular-disease': 'I have a disease of the blood vessels',
      'inflammatory-bowel-disease': "I have Crohn's disease or ulcerative colitis",
      'recent-abdominal-or-pelvic-surgery': 'I had an operation on my belly or pelvis in the last few months' } as Record<string, string> },
    pregnancy: { legend: 'Are you pregnant, or could you be?', options: { 'not-pregnant': 'No, or this does not apply to me', 'possibly-pregnant': 'I could be', pregnant: 'Yes' } as Record<string, string> },
    pregnancyWeeks: { label: 'How many weeks pregnant are you?' },
    caudaEquinaSigns: { legend: 'Do you have any of these? Tick all that apply, or none.', options: {
      'saddle-numbness': 'Numbness around my bottom or between my legs', 'new-bladder-or-bowel-change': 'A new problem holding or passing urine or stools',
      'symptoms-in-both-legs': 'Pain, numbness or weakness in both legs' } as Record<string, string> },
    groinLump: { legend: 'Is there a lump in your groin?', options: { none: 'No', 'goes-back-in': 'Yes, and it goes back in when I lie down or press it', 'stays-out': 'Yes, and it stays out' } as Record<string, string> },
    groinLumpSigns: { legend: 'About the lump: tick all that apply, or none.', options: { painful: 'It is painful or tender', pulses: 'It pulses', 'with-vomiting': 'I have been sick (vomiting)' } as Record<string, string> },
    painIntoTesticle: { legend: 'Does the pain spread into a testicle?', options: { none: 'No, or this does not apply to me', 'came-on-suddenly': 'Yes, it came on suddenly', 'came-on-gradually': 'Yes, it built up slowly' } as Record<string, string> },
    questions: {
      gaveBirthInLast3Months: 'Have you given birth in the last 3 months?',
      bellyPain: 'Do you have pain in your belly?',
      painOnStraighteningTheHip: 'Does it hurt to straighten your hip, for example to stand up tall?',
      urinarySymptoms: 'Does it hurt or burn to pass urine, or do you need to go much more often?',
      painOnlyWhenLyingOnIt: 'At night, does it hurt only when you lie on that side or curl up?',
      constantPainDayAndNight: 'Is the pain there all the time, day and night, whatever position you take?',
      fallSinceThePainBegan: 'Have you had a fall since the pain began?',
      achingHipsWithMorningStiffness: 'Do both hips (or your hips and shoulders) ache and stay stiff for more than 45 minutes after you get up?',
    } as Record<string, string>,
  },
  wantsDeepPsoasRelease: 'Would you like the deep psoas release with a lacrosse ball in your plan, if it is safe for you? It presses deep into the belly; most people do well without it.',
  required: 'Please answer this.', none: 'None of these',
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
  bothSides: 'both sides',
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
