import { describe, expect, it } from 'vitest';
import { ASKED_FIELDS, checkSteps, firstStepWithError, missingAnswers, newDraft, stepOf, toReport, withOffset, type Draft } from '../src/symptom/draft';
import type { SymptomCheck } from '../src/api/types';
import { fixture } from './fakePlatform';

/** The steps as the catalog's symptom check groups the fields (the fixture is catalog-service's answer). */
const STEPS = checkSteps(fixture<SymptomCheck>('symptom-check').steps);
const [HEALTH_STEP, MORE_SIGNS_STEP, ABOUT_YOU_STEP, REVIEW_STEP] = [5, 6, 7, 8];

const WARNINGS = ['fever-or-unwell', 'hot-swollen-hip'];

function deskWorker(): Draft {
  const d = newDraft('5b1f4a52-33c5-4c7e-9a43-6a1f7f0c2b11');
  d.painLocations.push('front-of-hip');
  d.side = 'right';
  d.qualities.push('dull-ache', 'tightness');
  d.intensity = 4;
  d.onset = 'gradual';
  d.daysSinceOnset = '30';
  d.aggravatingActivities.push('sitting');
  d.warningSigns = { 'fever-or-unwell': false, 'hot-swollen-hip': false };
  d.profile = { runner: false, deskWorker: true, hoursSittingPerDay: '10', runningShoeAgeMonths: '7', wearsRaisedHeels: false, wantsDeepPsoasRelease: false };
  d.age = '42';
  d.screening = {
    caudaEquinaSigns: [], groinLump: 'none', groinLumpSigns: [], painIntoTesticle: 'none', bellyPain: false,
    painOnStraighteningTheHip: false, urinarySymptoms: false, medicalHistory: [], pregnancy: 'not-pregnant', pregnancyWeeks: '',
    gaveBirthInLast3Months: false, painOnlyWhenLyingOnIt: true, constantPainDayAndNight: false, fallSinceThePainBegan: false,
    achingHipsWithMorningStiffness: false,
  };
  return d;
}

describe('the symptom check draft', () => {
  it('makes the report triage takes, with every answered field and only the warning signs answered yes', () => {
    const d = deskWorker();
    d.warningSigns['fever-or-unwell'] = true;
    const report = toReport(d, new Date('2026-12-05T09:30:00Z'), 'Europe/Berlin');
    expect(report).toMatchObject({
      reportId: d.reportId, timeZone: 'Europe/Berlin', painLocations: ['front-of-hip'], side: 'right',
      qualities: ['dull-ache', 'tightness'], intensity: 4, onset: 'gradual', daysSinceOnset: 30,
      aggravatingActivities: ['sitting'], signs: [], history: [], warningSigns: ['fever-or-unwell'],
      profile: { runner: false, deskWorker: true, hoursSittingPerDay: 10, runningShoeAgeMonths: null, wearsRaisedHeels: false, wantsDeepPsoasRelease: false },
      weeksOfConsistentWork: null, startingIntensity: null, age: 42,
      screening: { groinLump: 'none', groinLumpSigns: [], pregnancy: 'not-pregnant', pregnancyWeeks: null, painOnlyWhenLyingOnIt: true, caudaEquinaSigns: [] },
    });
    expect(report).not.toHaveProperty('userId');
    expect(String(report.reportedAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it('passes numbers out of range on to the service, whose problem names the field', () => {
    const d = deskWorker();
    d.profile.hoursSittingPerDay = '30';
    expect(missingAnswers(d, STEPS[ABOUT_YOU_STEP], WARNINGS)).toEqual([]);
    expect((toReport(d, new Date(), 'UTC').profile as Record<string, unknown>).hoursSittingPerDay).toBe(30);
  });

  it('asks for what a step still needs before the next one', () => {
    const d = newDraft('id');
    expect(missingAnswers(d, STEPS[0], WARNINGS).map((e) => e.field)).toEqual(['painLocations', 'side']);
    expect(missingAnswers(d, STEPS[1], WARNINGS).map((e) => e.field)).toEqual(['qualities', 'intensity', 'onset', 'daysSinceOnset']);
    expect(missingAnswers(d, STEPS[2], WARNINGS)).toEqual([]);
    d.warningSigns = { 'fever-or-unwell': false };
    expect(missingAnswers(d, STEPS[4], WARNINGS).map((e) => e.field)).toEqual(['warningSigns']);
    expect(missingAnswers(deskWorker(), STEPS[ABOUT_YOU_STEP], WARNINGS)).toEqual([]);
    expect(missingAnswers(deskWorker(), STEPS[HEALTH_STEP], WARNINGS)).toEqual([]);
    expect(missingAnswers(deskWorker(), STEPS[MORE_SIGNS_STEP], WARNINGS)).toEqual([]);
    expect(missingAnswers(d, STEPS[HEALTH_STEP], WARNINGS).map((e) => e.field)).toEqual(['age', 'screening.pregnancy', 'screening.gaveBirthInLast3Months']);
    d.screening.pregnancy = 'pregnant';
    expect(missingAnswers(d, STEPS[HEALTH_STEP], WARNINGS).map((e) => e.field)).toContain('screening.pregnancyWeeks');
    expect(missingAnswers(d, STEPS[MORE_SIGNS_STEP], WARNINGS).map((e) => e.field)).toEqual(['screening.groinLump', 'screening.painIntoTesticle',
      'screening.bellyPain', 'screening.painOnStraighteningTheHip', 'screening.urinarySymptoms', 'screening.painOnlyWhenLyingOnIt',
      'screening.constantPainDayAndNight', 'screening.fallSinceThePainBegan', 'screening.achingHipsWithMorningStiffness']);
    const working = deskWorker();
    working.weeksOfConsistentWork = '5';
    expect(missingAnswers(working, STEPS[ABOUT_YOU_STEP], WARNINGS).map((e) => e.field)).toEqual(['startingIntensity']);
  });

  it('sends the starting pain only with weeks of exercises, lump details only with a lump, weeks only when pregnant', () => {
    const d = deskWorker();
    d.startingIntensity = '7';
    d.screening.groinLumpSigns = ['painful'];
    d.screening.pregnancyWeeks = '12';
    expect(toReport(d, new Date(), 'UTC')).toMatchObject({ startingIntensity: null, screening: { groinLumpSigns: [], pregnancyWeeks: null } });
    d.weeksOfConsistentWork = '6';
    d.screening.groinLump = 'stays-out';
    d.screening.pregnancy = 'pregnant';
    expect(toReport(d, new Date(), 'UTC')).toMatchObject({ startingIntensity: 7, weeksOfConsistentWork: 6, screening: { groinLumpSigns: ['painful'], pregnancyWeeks: 12 } });
  });

  it('finds the step of each field the service names, and lands on the first', () => {
    expect(stepOf('painLocations', STEPS)).toBe(0);
    expect(stepOf('intensity', STEPS)).toBe(1);
    expect(stepOf('profile.hoursSittingPerDay', STEPS)).toBe(ABOUT_YOU_STEP);
    expect(stepOf('age', STEPS)).toBe(HEALTH_STEP);
    expect(stepOf('screening.caudaEquinaSigns', STEPS)).toBe(MORE_SIGNS_STEP);
    expect(stepOf('screening.medicalHistory[0]', STEPS)).toBe(HEALTH_STEP);
    expect(stepOf('reportedAt', STEPS)).toBe(REVIEW_STEP);
    expect(firstStepWithError([{ field: 'profile.runner', message: 'x' }, { field: 'intensity', message: 'y' }, { field: 'painLocations', message: 'z' }], STEPS)).toBe(0);
    expect(stepOf('screening', STEPS)).toBe(HEALTH_STEP);
  });

  it('follows the catalog\'s steps, and asks in one more step what no catalog step asks', () => {
    expect(STEPS).toHaveLength(9);
    expect(STEPS[0]).toEqual(['painLocations', 'side']);
    expect(STEPS.flat()).toHaveLength(ASKED_FIELDS.length);
    const fewer = checkSteps([{ fields: ['side', 'painLocations', 'favouriteColour'] }, { fields: ['age'] }]);
    expect(fewer[0]).toEqual(['side', 'painLocations']);
    expect(fewer[1]).toEqual(['age']);
    expect(fewer[2]).toContain('warningSigns');
    expect(fewer[2]).not.toContain('age');
    expect(fewer[3]).toEqual([]);
    const none = checkSteps([]);
    expect(none).toEqual([[...ASKED_FIELDS], []]);
  });

  it('writes times with the offset of the device', () => {
    const text = withOffset(new Date('2026-12-05T09:30:00Z'));
    expect(new Date(text).toISOString()).toBe('2026-12-05T09:30:00.000Z');
  });
});
