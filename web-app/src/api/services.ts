import type { AppConfig } from '../config';
import { Http, type TokenSource } from './http';
import type {
  ActivityRating, Adherence, Assessment, Exercise, Muscle, Outcomes, Page, PlanView, Recommendation, RecoveryTimeline, RedFlag, RootCauseChecklist,
  SessionCompletion, Source, SymptomCheck, TodayPlan, ExperimentRequest, ExperimentView, Experiments,
} from './types';

export interface ExerciseQuery {
  category?: string; targetMuscle?: string; equipment?: string; acuteSafe?: boolean; excludeContraindication?: string[];
  q?: string; sort?: string; limit?: number; offset?: number;
}

/** Recommendation answers: ready, or still being made (202). */
export type RecommendationAnswer = { ready: true; recommendation: Recommendation } | { ready: false };

/** The three services' REST surfaces, one method per call the app makes. */
export class Services {
  readonly catalog: Http;
  readonly triage: Http;
  readonly tracking: Http;

  constructor(config: AppConfig, token: TokenSource, fetchImpl?: typeof fetch) {
    const anonymous: TokenSource = async () => null;
    this.catalog = new Http(config.catalogUrl, anonymous, fetchImpl);
    this.triage = new Http(config.triageUrl, token, fetchImpl);
    this.tracking = new Http(config.trackingUrl, token, fetchImpl);
  }

  async exercises(query: ExerciseQuery): Promise<Page<Exercise>> {
    return (await this.catalog.get<Page<Exercise>>('/exercises', { ...query })).body;
  }
  async exercise(slug: string): Promise<Exercise> {
    return (await this.catalog.get<Exercise>(`/exercises/${encodeURIComponent(slug)}`)).body;
  }
  async list<T>(kind: 'muscles' | 'sources' | 'red-flags' | 'symptoms' | 'conditions' | 'protocols'): Promise<T[]> {
    return (await this.catalog.get<Page<T>>(`/${kind}`)).body.items;
  }
  muscles(): Promise<Muscle[]> { return this.list<Muscle>('muscles'); }
  sources(): Promise<Source[]> { return this.list<Source>('sources'); }
  redFlags(): Promise<RedFlag[]> { return this.list<RedFlag>('red-flags'); }
  async rootCauseChecklist(): Promise<RootCauseChecklist> {
    return (await this.catalog.get<RootCauseChecklist>('/root-cause-checklist')).body;
  }
  async symptomCheck(): Promise<SymptomCheck> {
    return (await this.catalog.get<SymptomCheck>('/symptom-check')).body;
  }
  async recoveryTimeline(): Promise<RecoveryTimeline> {
    return (await this.catalog.get<RecoveryTimeline>('/recovery-timeline')).body;
  }

  async sendReport(report: object): Promise<void> {
    await this.triage.post('/symptom-reports', report);
  }
  async recommendation(reportId: string): Promise<RecommendationAnswer> {
    const answer = await this.triage.get<Recommendation>(`/symptom-reports/${encodeURIComponent(reportId)}/recommendation`);
    return answer.status === 202 ? { ready: false } : { ready: true, recommendation: answer.body };
  }
  async myRecommendations(): Promise<Page<Recommendation>> {
    return (await this.triage.get<Page<Recommendation>>('/me/recommendations', { limit: 5 })).body;
  }

  async plan(): Promise<PlanView> { return (await this.tracking.get<PlanView>('/me/plan')).body; }
  /** Today's session of the adapting plan: doses as adapted, and why they changed. */
  async today(): Promise<TodayPlan> { return (await this.tracking.get<TodayPlan>('/me/plan/today')).body; }
  /** With `recommendation` (a report id), tracking answers 409 with Retry-After until that recommendation has reached the plan. */
  async startPlan(timeZone: string, recommendation?: string): Promise<PlanView> {
    return (await this.tracking.post<PlanView>('/me/plan/start', { timeZone, recommendation })).body;
  }
  async pausePlan(): Promise<PlanView> { return (await this.tracking.post<PlanView>('/me/plan/pause')).body; }
  async adherence(): Promise<Adherence> { return (await this.tracking.get<Adherence>('/me/adherence')).body; }
  /** waking: the morning rating of pain on waking, which the adapting plan reads */
  async checkIn(checkIn: { checkInId: string; timeZone: string; pain: number; notes?: string; waking?: boolean }): Promise<void> {
    await this.tracking.post('/me/check-ins', checkIn);
  }
  /** The person's summary for a professional: one printable page, or a FHIR R4 Bundle for a clinic's system. */
  summary(form: 'pdf' | 'fhir'): Promise<Blob> {
    return this.tracking.download('/me/summary', form === 'pdf' ? 'application/pdf' : 'application/fhir+json');
  }
  async recordSession(session: SessionCompletion): Promise<void> {
    await this.tracking.post('/me/sessions', session);
  }

  /** Root-cause experiments, newest first; starting one answers 409 while another runs. */
  async experiments(): Promise<Experiments> {
    return (await this.tracking.get<Experiments>('/me/experiments')).body;
  }
  async startExperiment(request: ExperimentRequest): Promise<ExperimentView> {
    return (await this.tracking.post<ExperimentView>('/me/experiments', request)).body;
  }
  async endExperiment(id: string): Promise<ExperimentView> {
    return (await this.tracking.post<ExperimentView>(`/me/experiments/${encodeURIComponent(id)}/end`)).body;
  }
  /** A-B-A: undo a change that helped for a week, to see whether the pain comes back. */
  async undoExperiment(id: string): Promise<ExperimentView> {
    return (await this.tracking.post<ExperimentView>(`/me/experiments/${encodeURIComponent(id)}/undo`)).body;
  }
  /** The PSFS, the pain outcome, adherence and the escalations raised. */
  async outcomes(): Promise<Outcomes> { return (await this.tracking.get<Outcomes>('/me/outcomes')).body; }
  /** Week 0 names the activities (up to 5, then fixed); weeks 4, 8 and 12 rate the same ones. */
  async rateActivities(week: number, activities: ActivityRating[]): Promise<Assessment> {
    return (await this.tracking.post<Assessment>('/me/outcomes', { week, activities })).body;
  }
}
