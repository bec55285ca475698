import { describe, expect, it } from 'vitest';
import { href, parseRoute, PRIVATE } from '../src/router';

describe('routes', () => {
  it('reads each screen and its parameters from the address', () => {
    expect(parseRoute('').name).toBe('home');
    expect(parseRoute('#/').name).toBe('home');
    expect(parseRoute('#/check').name).toBe('check');
    expect(parseRoute('#/recommendation/7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87')).toMatchObject({ name: 'recommendation', params: { reportId: '7f3e2c1a-9b8d-4e6f-a5c4-3b2a1d0e9f87' } });
    expect(parseRoute('#/exercises/couch-stretch')).toMatchObject({ name: 'exercise', params: { slug: 'couch-stretch' } });
    const library = parseRoute('#/exercises?q=psoas&excludeContraindication=pregnancy&excludeContraindication=knee-pain');
    expect(library.name).toBe('exercises');
    expect(library.query.get('q')).toBe('psoas');
    expect(library.query.getAll('excludeContraindication')).toEqual(['pregnancy', 'knee-pain']);
  });

  it('answers not-found for unknown or malformed addresses', () => {
    expect(parseRoute('#/nowhere').name).toBe('not-found');
    expect(parseRoute('#/exercises/a/b').name).toBe('not-found');
    expect(parseRoute('#/recommendation/%E0%A4%A').name).toBe('not-found');
  });

  it('keeps a person\'s own screens behind sign-in, and the library open', () => {
    expect([...PRIVATE].sort()).toEqual(['check', 'check-in', 'experiments', 'plan', 'progress', 'recommendation', 'session']);
    expect(PRIVATE.has('exercises')).toBe(false);
  });

  it('writes addresses with their query', () => {
    expect(href('/exercises', { q: 'psoas', category: undefined })).toBe('#/exercises?q=psoas');
    expect(href('/plan')).toBe('#/plan');
  });
});
