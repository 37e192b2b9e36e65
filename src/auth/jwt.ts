import { createRemoteJWKSet, customFetch, decodeProtectedHeader, type FetchImplementation, jwtVerify } from 'jose';
import { unauthenticated } from '../errors';

export interface Viewer {
  id: number;
  /** Seconds since the epoch when the token stops being valid (live streams end then); null for the seed. */
  expiresAt: number | null;
}

/** What a verified token names: a user (HS256, `sub` is the user id) or an identity-provider account. */
export type Credential =
  | { kind: 'user'; userId: number; expiresAt: number }
  | {
      kind: 'identity';
      issuer: string;
      subject: string;
      /** The token's `iat` in seconds, null when it has none. */
      issuedAt: number | null;
      expiresAt: number;
    };

export interface IdentityProvider {
  /** JWT_JWKS_URL: where the provider publishes its public keys. */
  jwksUrl: string;
  /** JWT_ISSUER: the `iss` every token must carry; null accepts the tokens of any issuer those keys sign. */
  issuer: string | null;
  /** JWT_AUDIENCE: a value the token's `aud` must hold; null checks no audience. */
  audience: string | null;
}

/** An unknown `kid` refetches the key set at most this often, and so does a failed fetch. */
export const JWKS_COOLDOWN_MS = 30_000;
/** Keys are fetched again this long after the last fetch, so a key the provider withdrew stops working. */
export const JWKS_MAX_AGE_MS = 10 * 60_000;
/** A key-set fetch that takes longer fails (the token is refused with 401; the next try waits out the cooldown). */
export const JWKS_TIMEOUT_MS = 5_000;
/** Tokens kept verified per server; past it the oldest entry goes (a Map iterates in insertion order). */
export const VERIFIED_TOKENS_KEPT = 10_000;
/** Longer `sub` or `iss` values are refused rather than stored. */
const MAX_CLAIM_LENGTH = 255;

const PROVIDER_ALGORITHMS = new Set(['RS256', 'ES256']);

const encoder = new TextEncoder();

export function secretKey(secret: string): Uint8Array {
  return encoder.encode(secret);
}

export interface TokenVerifierOptions {
  /** The HS256 secret (JWT_SECRET). */
  secret: Uint8Array;
  /** The identity provider whose RS256/ES256 tokens are accepted; null accepts HS256 only. */
  provider: IdentityProvider | null;
  /** Told of each request for the key set, with the error when it brought no keys. */
  onJwksFetch?: (error: unknown | null) => void;
}

/**
 * Verifies `Authorization: Bearer <JWT>` header values. The header's `alg` picks the one key a token
 * is checked against: HS256 the shared secret, RS256 and ES256 the provider's published keys; any
 * other value (`none` included) is refused, so a token never meets a key of another kind.
 */
export function createTokenVerifier(options: TokenVerifierOptions) {
  const { secret, provider } = options;
  // An HMAC or signature check per request is a visible share of a small read's CPU; a token
  // verified before holds until its `exp`, which is checked on every use.
  const verified = new Map<string, Credential>();
  const keys = provider ? remoteKeys(provider.jwksUrl, options.onJwksFetch) : null;

  function remember(token: string, credential: Credential) {
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, credential);
  }

  async function verifySecret(token: string): Promise<Credential> {
    // A token without `exp` would never expire: refused like an expired one.
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
    if (typeof payload.sub !== 'string' || !/^[1-9][0-9]{0,15}$/.test(payload.sub)) {
      throw unauthenticated('Token subject is not a user id');
    }
    return { kind: 'user', userId: Number(payload.sub), expiresAt: payload.exp! };
  }

  async function verifyProvider(token: string, alg: string, idp: IdentityProvider): Promise<Credential> {
    const { payload } = await jwtVerify(token, keys!, {
      algorithms: [alg],
      requiredClaims: ['exp', 'sub'],
      ...(idp.issuer ? { issuer: idp.issuer } : {}),
      ...(idp.audience ? { audience: idp.audience } : {}),
    });
    const issuer = idp.issuer ?? payload.iss ?? idp.jwksUrl;
    if (!storable(payload.sub) || !storable(issuer)) throw unauthenticated('Token subject is not an identity');
    return {
      kind: 'identity',
      issuer,
      subject: payload.sub,
      issuedAt: typeof payload.iat === 'number' ? payload.iat : null,
      expiresAt: payload.exp!,
    };
  }

  return {
    /**
     * What the header names. No header means anonymous (null); anything else that does not verify
     * is UNAUTHENTICATED (HTTP 401), never silently anonymous.
     */
    async verify(header: string | null | undefined): Promise<Credential | null> {
      if (header == null || header === '') return null;
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
      const token = match[1]!;
      const known = verified.get(token);
      if (known && known.expiresAt * 1000 > Date.now()) return { ...known };
      try {
        const { alg } = decodeProtectedHeader(token);
        let credential: Credential;
        if (alg === 'HS256') credential = await verifySecret(token);
        else if (provider && alg && PROVIDER_ALGORITHMS.has(alg))
          credential = await verifyProvider(token, alg, provider);
        else throw unauthenticated(`Tokens signed with ${alg ?? 'no algorithm'} are not accepted`);
        remember(token, credential);
        return { ...credential };
      } catch (error) {
        if (error instanceof Error && error.name === 'GraphQLError') throw error;
        throw unauthenticated();
      }
    },
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;

function storable(value: unknown): value is string {
  // PostgreSQL text cannot hold U+0000; an identity is a key, so it is taken as sent or not at all.
  return typeof value === 'string' && value !== '' && value.length <= MAX_CLAIM_LENGTH && !value.includes('\u0000');
}

/**
 * The provider's key set, fetched when a token names a `kid` not in it. jose waits `cooldownDuration`
 * after a successful fetch before an unknown `kid` fetches again; the fetch below adds the same wait
 * after a failed one, which jose would otherwise retry on every request. While the provider is
 * unreachable the keys last fetched stay in use.
 */
function remoteKeys(url: string, onFetch: ((error: unknown | null) => void) | undefined) {
  let lastFailureAt = Number.NEGATIVE_INFINITY;
  let lastGood: unknown = null;
  const fetchOnBudget: FetchImplementation = async (href, init) => {
    if (Date.now() - lastFailureAt < JWKS_COOLDOWN_MS) {
      if (lastGood !== null) return Response.json(lastGood);
      throw new Error('The JWKS could not be fetched; the next try waits out the cooldown');
    }
    try {
      const response = await fetch(href, init);
      if (response.status !== 200) throw new Error(`The JWKS answered HTTP ${response.status}`);
      const body: unknown = await response.json();
      if (!Array.isArray((body as { keys?: unknown } | null)?.keys)) throw new Error('The JWKS holds no "keys" array');
      lastGood = body;
      onFetch?.(null);
      return Response.json(body);
    } catch (error) {
      lastFailureAt = Date.now();
      onFetch?.(error);
      if (lastGood !== null) return Response.json(lastGood);
      throw error;
    }
  };
  return createRemoteJWKSet(new URL(url), {
    cooldownDuration: JWKS_COOLDOWN_MS,
    cacheMaxAge: JWKS_MAX_AGE_MS,
    timeoutDuration: JWKS_TIMEOUT_MS,
    [customFetch]: fetchOnBudget,
  });
}
