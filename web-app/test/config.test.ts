import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from '../src/config';

describe('configuration at run time', () => {
  it('takes what config.json gives and keeps the defaults for the rest', async () => {
    const config = await loadConfig(async () => new Response(JSON.stringify({ oidcIssuer: 'https://id.example/realms/hipflex/', catalogUrl: '' })));
    expect(config).toEqual({ ...DEFAULT_CONFIG, oidcIssuer: 'https://id.example/realms/hipflex' });
  });

  it('falls back to the local stack when config.json is missing or unreadable', async () => {
    expect(await loadConfig(async () => new Response('nope', { status: 404 }))).toEqual(DEFAULT_CONFIG);
    expect(await loadConfig(async () => { throw new TypeError('offline'); })).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG.trackingUrl).toBe('http://127.0.0.1:8083/api/v1');
  });
});
