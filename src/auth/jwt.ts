import { jwtVerify } from 'jose';
import { unauthenticated } from '../errors';

export interface Viewer {
  id: number;
  /** Seconds since the epoch when the token stops being valid (live streams end then); null for the seed. */
  expiresAt: number | null;
}

const encoder = new TextEncoder();

export function secretKey(secret: string): Uint8Array {
  return encoder.encode(secret);
}

/** Tokens each key has verified: a client sends the same token with every request until it expires. */
const verified = new WeakMap<Uint8Array, Map<string, Viewer>>();
/** Per key; past it the oldest entry goes (a Map iterates in insertion order). */
export const VERIFIED_TOKENS_KEPT = 10_000;

function remember(secret: Uint8Array, token: string, viewer: Viewer) {
  let tokens = verified.get(secret);
  if (!tokens) {
    tokens = new Map();
    verified.set(secret, tokens);
  }
  if (tokens.size >= VERIFIED_TOKENS_KEPT) tokens.delete(tokens.keys().next().value!);
  tokens.set(token, viewer);
}

/**
 * The viewer named by an `Authorization: Bearer <JWT>` header value. No header means anonymous;
 * anything else that does not verify is UNAUTHENTICATED (HTTP 401), never silently anonymous.
 */
export async function viewerFromAuthorization(
  header: string | null | undefined,
  secret: Uint8Array,
): Promise<Viewer | null> {
  if (header == null || header === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('Authorization must be "Bearer <token>"');
  const token = match[1]!;
  // An HMAC check per request is a visible share of a small read's CPU; a token verified before
  // holds until its `exp`, which is checked on every use.
  const known = verified.get(secret)?.get(token);
  if (known && known.expiresAt! * 1000 > Date.now()) return { ...known };
  try {
    // A token without `exp` would never expire: refused like an expired one.
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
    if (typeof payload.sub !== 'string' || !/^[1-9][0-9]{0,15}$/.test(payload.sub)) {
      throw unauthenticated('Token subject is not a user id');
    }
    const viewer = { id: Number(payload.sub), expiresAt: payload.exp! };
    remember(secret, token, viewer);
    return { ...viewer };
  } catch (error) {
    if (error instanceof Error && error.name === 'GraphQLError') throw error;
    throw unauthenticated();
  }
}
