// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { oidcAuth } from '../src/auth';
import { DEFAULT_CONFIG } from '../src/config';

const KEY = `oidc.user:${DEFAULT_CONFIG.oidcIssuer}:${DEFAULT_CONFIG.oidcClientId}`;

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('sign-in', () => {
  it('reads the person from the tokens kept in session storage, never local storage', async () => {
    const auth = oidcAuth(DEFAULT_CONFIG);
    expect(await auth.user()).toBeNull();
    sessionStorage.setItem(KEY, JSON.stringify({ access_token: 'a', token_type: 'Bearer', profile: { sub: 'f2c7', preferred_username: 'ana' }, expires_at: Math.floor(Date.now() / 1000) + 600 }));
    expect(await auth.user()).toEqual({ subject: 'f2c7', name: 'ana' });
    expect(await auth.accessToken()).toBe('a');
    expect(localStorage.length).toBe(0);
  });

  it('treats an expired token as signed out', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ access_token: 'old', token_type: 'Bearer', profile: { sub: 'f2c7' }, expires_at: Math.floor(Date.now() / 1000) - 10 }));
    expect(await oidcAuth(DEFAULT_CONFIG).accessToken()).toBeNull();
  });

  it('leaves an ordinary address alone', async () => {
    window.history.replaceState(null, '', '/?q=psoas#/exercises');
    expect(await oidcAuth(DEFAULT_CONFIG).completeSignIn(new URL(window.location.href))).toBeNull();
    expect(window.location.search).toBe('?q=psoas');
  });

  it('removes the authorization code from the address even when the exchange fails', async () => {
    window.history.replaceState(null, '', '/?code=secret-code&state=unknown-state&session_state=s');
    await expect(oidcAuth(DEFAULT_CONFIG).completeSignIn(new URL(window.location.href))).rejects.toBeTruthy();
    expect(window.location.href).not.toContain('secret-code');
    expect(window.location.search).toBe('');
  });
});
