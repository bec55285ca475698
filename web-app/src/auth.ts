import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { AppConfig } from './config';

/** What the screens need of sign-in; the OIDC library stays behind it. */
export interface Auth {
  user(): Promise<{ subject: string; name: string } | null>;
  accessToken(): Promise<string | null>;
  signIn(returnTo: string): Promise<void>;
  signUp(returnTo: string): Promise<void>;
  signOut(): Promise<void>;
  /** Finishes a sign-in the provider redirected back from; answers the hash to return to, or null. */
  completeSignIn(url: URL): Promise<string | null>;
}

/**
 * Authorization code with PKCE against the configured provider. Tokens stay in session storage, the library's default
 * for a public client: gone when the tab closes, never in a URL (the code is removed from the address at once) nor a log.
 */
export function oidcAuth(config: AppConfig, origin = window.location.origin): Auth {
  const manager = new UserManager({
    authority: config.oidcIssuer,
    client_id: config.oidcClientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
  });
  const current = async (): Promise<User | null> => {
    const user = await manager.getUser();
    return user && !user.expired ? user : null;
  };
  return {
    async user() {
      const user = await current();
      if (!user) return null;
      const profile = user.profile;
      return { subject: profile.sub, name: String(profile.preferred_username ?? profile.name ?? profile.sub) };
    },
    async accessToken() {
      return (await current())?.access_token ?? null;
    },
    signIn: (returnTo) => manager.signinRedirect({ state: { returnTo } }),
    // prompt=create asks the provider for its registration page (OpenID Connect "Initiating User Registration").
    signUp: (returnTo) => manager.signinRedirect({ state: { returnTo }, prompt: 'create' }),
    async signOut() {
      const user = await manager.getUser();
      await manager.removeUser();
      await manager.signoutRedirect({ id_token_hint: user?.id_token });
    },
    async completeSignIn(url) {
      if (!url.searchParams.has('state') || !(url.searchParams.has('code') || url.searchParams.has('error'))) return null;
      try {
        const user = await manager.signinRedirectCallback(url.href);
        return (user.state as { returnTo?: string } | undefined)?.returnTo ?? '#/';
      } finally {
        window.history.replaceState(null, '', `${url.origin}${url.pathname}${url.hash}`);
      }
    },
  };
}
