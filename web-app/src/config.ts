/** Where the app finds the provider and the services; read at start from config.json next to the app. */
export interface AppConfig {
  oidcIssuer: string;
  oidcClientId: string;
  catalogUrl: string;
  triageUrl: string;
  trackingUrl: string;
}

export const DEFAULT_CONFIG: AppConfig = {
  oidcIssuer: 'http://127.0.0.1:8180/realms/hipflex',
  oidcClientId: 'hipflex-web',
  catalogUrl: 'http://127.0.0.1:8081/api/v1',
  triageUrl: 'http://127.0.0.1:8082/api/v1',
  trackingUrl: 'http://127.0.0.1:8083/api/v1',
};

/** A config.json that is missing or partial leaves the local stack's defaults in place for the rest. */
export async function loadConfig(fetchImpl: typeof fetch = fetch, url = './config.json'): Promise<AppConfig> {
  try {
    const response = await fetchImpl(url, { cache: 'no-cache' });
    if (!response.ok) return DEFAULT_CONFIG;
    const given = (await response.json()) as Partial<AppConfig>;
    const config = { ...DEFAULT_CONFIG };
    for (const key of Object.keys(DEFAULT_CONFIG) as (keyof AppConfig)[]) {
      const value = given[key];
      if (typeof value === 'string' && value.trim() !== '') config[key] = value.replace(/\/+$/, '');
    }
    return config;
  } catch {
    return DEFAULT_CONFIG;
  }
}
