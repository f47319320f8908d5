// Bearer-token handling for the API client: where the token is kept (sessionStorage, so it ends
// with the tab) and how the client asks a person for it when the server wants one.

/** What GET /api/config says about tokens (the server's PublicConfig, auth part). */
export interface AuthConfig {
  writeTokenRequired: boolean;
  readTokenRequired: boolean;
}

/** Why the client is asking: no token yet, or the one it sent was refused. */
export type TokenReason = 'required' | 'rejected';

export interface TokenSource {
  get(): string | null;
  set(token: string | null): void;
  /** Asks a person for a token; null when they decline. */
  ask(reason: TokenReason, message: string): Promise<string | null>;
}

export const TOKEN_KEY = 'stancegraph.token';

/** A token kept in the given storage (sessionStorage in the page); memory when none works. */
export function storedToken(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
): Pick<TokenSource, 'get' | 'set'> {
  let memory: string | null = null;
  return {
    get() {
      try {
        return storage?.getItem(TOKEN_KEY) ?? memory;
      } catch {
        return memory;
      }
    },
    set(token) {
      memory = token;
      try {
        if (token === null) storage?.removeItem(TOKEN_KEY);
        else storage?.setItem(TOKEN_KEY, token);
      } catch {
        // Storage refused (private mode, quota): the token lives in memory for this page.
      }
    },
  };
}
