import { SignJWT } from 'jose';
import { secretKey } from './jwt';

/** @default expiresIn "30d" */
export function signToken(userId: number, secret: string, expiresIn: string | number = '30d'): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(userId))
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(secretKey(secret));
}
