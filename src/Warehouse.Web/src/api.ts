// Talking to the Warehouse API: GraphQL over POST /graphql with a bearer token, and the Development-only
// local token endpoint. Nothing here reaches beyond the app's own origin.

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; details?: string[]; reason?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

export interface RegionInfo {
  code: string;
  name: string;
  level: 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | string;
  parentCode: string | null;
}

export interface DevToken {
  token: string;
  userId: string;
  role: string;
  region: string | null;
}

/** Sends a GraphQL request; HTTP errors with a GraphQL body (401, 400, 503) come back as that body. */
export async function graphql<T>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 300)}`, extensions: { code: `HTTP_${response.status}` } }] };
  }
}

/** Throws the first error (with its code and details) or returns data. */
export async function graphqlData<T>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<T> {
  const body = await graphql<T>(token, query, variables);
  if (body.errors && body.errors.length > 0) throw new ApiError(body.errors);
  if (!body.data) throw new ApiError([{ message: 'No data in the response.' }]);
  return body.data;
}

export class ApiError extends Error {
  constructor(public readonly errors: GraphQLError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
  get details(): string[] {
    return this.errors.flatMap((e) => e.extensions?.details ?? []);
  }
}

/** The region list for the Development token picker; null when the server is not in Development. */
export async function devRegions(): Promise<RegionInfo[] | null> {
  try {
    const response = await fetch('/dev/regions', { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    return (await response.json()) as RegionInfo[];
  } catch {
    return null;
  }
}

/** The region tree for a signed-in user (any role; regions are published data). */
export async function regions(token: string): Promise<RegionInfo[]> {
  const response = await fetch('/ui/regions', { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status} loading regions`);
  return (await response.json()) as RegionInfo[];
}

export async function devToken(role: string, region: string | null): Promise<DevToken> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ role, region }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error ?? `HTTP ${response.status}`);
  return body as DevToken;
}

/** Reads the unverified claims of a JWT for display only (the server verifies). */
export function tokenClaims(token: string): { sub?: string; roles?: string | string[]; region_code?: string; exp?: number } | null {
  try {
    const part = token.split('.')[1];
    const json = decodeURIComponent(
      atob(part.replace(/-/g, '+').replace(/_/g, '/'))
        .split('')
        .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
        .join(''),
    );
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export function loadSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function saveSetting(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage may be disabled; the page still works for this visit.
  }
}

/**
 * Tokens live in sessionStorage: they last as long as the tab, are not shared with other tabs and do not survive
 * closing the browser. A token an older version of the page left in localStorage is removed on first read.
 */
export function loadToken(key: string): string | null {
  try {
    window.localStorage.removeItem(key);
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function saveToken(key: string, value: string | null): void {
  try {
    if (value === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, value);
  } catch {
    // Storage may be disabled; the page still works for this visit.
  }
}
