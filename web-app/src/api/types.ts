/** The JSON the services answer, as far as the app reads it (see each service's REST resources). */
export interface Range { min: number; max: number }
export interface Dose {
  holdSeconds: Range | null; sets: Range | null; reps: Range | null; minutes: Range | null; perSide: boolean; note: string | null;
}
export interface Page<T> { items: T[]; total?: number; limit?: number; offset?: number; nextOffset?: number | null }

export interface Exercise {
  slug: string; title: string; category: string; summary: string; targetMuscles: string[]; supportingMuscles: string[];
  equipment: string[]; steps: string[]; dose: Dose; cautions: string[]; contraindications: { condition: string; reason: string }[];
  commonMistakes: string[]; progressions: string[]; regressions: string[]; acuteSafe: boolean; whyItWorks?: string; sources: string[];
}
export interface Muscle { slug: string; title: string; summary: string; painReferral?: { areas: string[]; description: string } }
export interface Source { slug: string; title: string; summary: string }
export interface RedFlag { slug: string; title: string; summary: string; whatToDo: string }
export interface ChecklistStep { order: number; slug: string; title: string; summary: string; check: string; change: string }
export interface RootCauseChecklist { method: string; steps: ChecklistStep[] }
export interface TimelineStage { slug: string; order: number; title: string; fromDay: number; toDay: number; summary: string; whatToExpect: string[] }
/** The symptom check's wording (catalog GET /symptom-check): its steps and how each report field is asked. */
export interface CheckStep { order: number; slug: string; title: string; fields: string[] }
export interface CheckQuestion { field: string; question: string; label: string; answers: Record<string, string> | null }
export interface SymptomCheck { title: string; steps: CheckStep[]; questions: CheckQuestion[] }
export interface RecoveryTimeline { summary: string; consistencyNote: string; stages: TimelineStage[] }

export type Level = 'self-care' | 'self-care-with-caution' | 'see-professional' | 'urgent-care';
export interface Evidence { input: string; value: string }
export interface Reason { rule: string; level: Level; text: string; source: string; redFlag: string | null; possibleConditions: string[]; whatToDo: string | null }
export interface PlanItem { exercise: string | null; choice: string; dose: Dose; bothSides: boolean; instruction: string | null }
export interface Skipped { exercise: string; reason: string; replacedBy: string | null }
export interface PlanPhase { order: number; phase: string; category: string | null; minutes: number | null; items: PlanItem[]; skipped: Skipped[] }
export interface Note { text: string; source: string }
export interface Plan {
  protocol: string; status: string; gentle: boolean; bothSides: boolean; noRunningUntilSeen: boolean;
  schedule: unknown; phases: PlanPhase[]; notes: Note[];
}
export interface CatalogPick { category: string; items: PlanItem[]; skipped: Skipped[] }
export interface Extras {
  runner: { warmUp: string; warmUpStages: PlanPhase[]; postRunStretch: PlanPhase | null; afterPainfulRun: Note | null;
    mobilityDrills: CatalogPick | null; shoeCheck: { ageMonths: number | null; replace: boolean; advice: Note | null } | null; gaitAnalysis: Note | null } | null;
  movementBreaks: { protocol: string; phases: PlanPhase[] } | null;
  coreAndGlute: CatalogPick | null;
}
export interface Recommendation {
  reportId: string; userId: string; timeZone: string; level: Level; reasons: Reason[];
  /** how soon and what to do; absent below see-professional (and in recommendations made before it existed) */
  referral?: { urgency: 'today' | 'within-a-week' | 'routine'; whatToDo: string; source: string } | null;
  notAsked?: string[];
  likelyMuscles: { muscle: string; score: number; pointedBy: Evidence[] }[];
  excluded: { exercise: string; condition: string; reason: string }[];
  rootCauseChecks: { order: number; step: string; relevant: boolean; because: Evidence[] }[];
  explanation: { rules: { rule: string; version: string; source: string; inputs: Evidence[] }[]; sources: string[]; ruleSetVersion: string; catalogVersion: string };
  ruleSetVersion: string; catalogVersion: string; plan: Plan; extras: Extras | null;
}

export interface PlanView { status: string; startDate: string | null; timeZone: string; protocol: string; level: string; recommendation: string | null; exercises: string[] }
export interface AdherenceWeek { week: number; from: string; to: string; unit: string; target: number; expected: number; done: number; met: boolean; complete: boolean }
export interface WeeklyPain { week: number; average: number; samples: number }
export interface Adherence {
  asOf: string; planDay: number; weeks: AdherenceWeek[]; overallPercent: number; currentStreak: number; longestStreak: number;
  currentStage: { slug: string; order: number; title: string; fromDay: number; toDay: number; summary: string; whatToExpect: string[]; beyondTimeline: boolean } | null;
  painTrend: { weeks: WeeklyPain[]; first: WeeklyPain | null; latest: WeeklyPain | null; change: number | null; meaningful: boolean | null; direction: string | null } | null;
  alert: { level: string; key: string; reason: string } | null;
}

/** How hard a session felt, in the API's words. */
export type Effort = 'too-easy' | 'about-right' | 'too-hard';
/** Whether the worst feeling during a session was pain or a strong stretch feeling, in the API's words. */
export type PainKind = 'pain' | 'strong-stretch';

export interface SessionCompletion {
  sessionId: string; startedAt: string; timeZone: string; endedAt?: string; minutes?: number; phases: string[];
  exercises: string[]; sides: 'left' | 'right' | 'both'; painBefore?: number; painAfter?: number;
  /** the worst pain during the session and how hard it felt: what the adapting plan reads */
  painDuring?: number; effort?: Effort;
  /** with painDuring: pain of 7 or more escalates (TRK-ESCALATE-SESSION-PAIN), a strong stretch feeling does not */
  painKind?: PainKind;
}

/** A dose variable of today's session (sets, reps, holdSeconds, minutes): its value and the catalog's range and step. */
export interface DoseStepView { value: number; min: number; max: number; step: number }
export interface TodayExercise { exercise: string; dose: Record<string, DoseStepView>; easier: string[]; harder: string[] }
/** One change of the adapting plan (tracking's TRK-ADAPT-* rules), with the figures its rule read and a sentence. */
export interface PlanChange {
  day: string; sessionDay: string; rule: string; version: number; source: string; direction: 'forward' | 'back' | string;
  exercise: string; toExercise: string; variable: string | null; from: number | null; to: number | null;
  figures: Record<string, string | number | boolean | null>; sentence: string;
}
/** GET /me/plan/today: today's session at its current doses; the changes since the last session, and every change. */
export interface TodayPlan { day: string; lastSession: string | null; exercises: TodayExercise[]; changes: PlanChange[]; history: PlanChange[] }

/** A root-cause experiment as tracking shows it (GET/POST /me/experiments): phases, ratings, result and advice. */
export interface ExperimentRating { day: string; pain: number; counted: boolean }
export interface ExperimentPhase {
  from: string; to: string | null; days: number; countedFrom: string | null; endReason: string | null;
  ratings: ExperimentRating[]; mean: number | null;
}
export interface ExperimentResult {
  outcome: string; baselineMean: number | null; changeMean: number | null; tau: number | null; p: number | null;
  baselineSlope: number | null; trendCorrected: boolean; baselineRatings: number; changeRatings: number;
  rule: string; ruleVersion: number; source: string; decidedBy: string;
}
export interface ExperimentView {
  experimentId: string; checklistItem: string; change: string; timeZone: string; startDate: string;
  phase: 'baseline' | 'change' | 'ended' | 'undone' | 'confirmed' | string; running: boolean; today: string; advice: string;
  baseline: ExperimentPhase; withChange: ExperimentPhase | null; result: ExperimentResult | null;
  confirmation: { offered: boolean; undone: ExperimentPhase | null; confirmation: string | null; result: ExperimentResult | null } | null;
}
export interface ExperimentRequest { checklistItem: string; change: string; startDate: string; timeZone: string }
/** What a new experiment may be, as tracking gives it with the list. */
export interface ExperimentLimits { shortestChange: number; longestChange: number; latestStartDays: number }
export interface Experiments { items: ExperimentView[]; total: number; limits: ExperimentLimits }
/** One activity of the Patient-Specific Functional Scale and its rating, 0 (unable) to 10 (as before). */
export interface ActivityRating { activity: string; rating: number }
export interface Assessment { week: number; ratings: ActivityRating[]; mean: number }
/** An escalation tracking raised (TRK-ESCALATE-*): how soon to see a professional, and the sentence for the person. */
export interface Escalation {
  day: string; key: string; rule: string; version: number; source: string; urgency: 'today' | 'within-a-week' | 'routine' | string;
  figures: Record<string, unknown>; reason: string;
}
/** GET /me/outcomes: the PSFS over time and its change (TRK-MEANINGFUL-FUNCTION-CHANGE), pain, adherence, escalations. */
export interface Outcomes {
  activities: string[] | null; assessments: Assessment[]; due: number | null; currentWeek: number;
  function: { week: number; startMean: number; mean: number; meanChange: number; activityChanges: number[]; change: string; rule: string; version: number; source: string;
    meaningfulMeanPoints: number; meaningfulActivityPoints: number } | null;
  pain: { first: number | null; latest: number | null; change: number | null; direction: string | null; rule: string; version: number; source: string } | null;
  overallPercent: number | null; escalations: Escalation[];
  /** How tracking asks the PSFS: the plan weeks (0 is the start), how many activities, how long a name. */
  scale: { weeks: number[]; maxActivities: number; maxName: number };
}
