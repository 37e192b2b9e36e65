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
  try {
    // A token without `exp` would never expire: refused like an expired one.
    const { payload } = await jwtVerify(match[1]!, secret, { algorithms: ['HS256'], requiredClaims: ['exp'] });
    if (typeof payload.sub !== 'string' || !/^[1-9][0-9]{0,15}$/.test(payload.sub)) {
      throw unauthenticated('Token subject is not a user id');
    }
    return { id: Number(payload.sub), expiresAt: payload.exp! };
  } catch (error) {
    if (error instanceof Error && error.name === 'GraphQLError') throw error;
    throw unauthenticated();
  }
}
