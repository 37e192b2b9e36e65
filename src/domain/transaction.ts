import type { Services } from '../context';
import type { TransactionSql } from '../db/client';
import { toUserError } from '../db/errors';
import { failWith, type Result, UserErrorsThrown } from '../errors';

/**
 * Runs a mutation's writes in one transaction. Returning a failed Result, throwing UserErrorsThrown
 * or hitting a mapped constraint rolls everything back, so a user error never leaves a partial write.
 */
export async function inTransaction<T>(
  services: Pick<Services, 'sql'>,
  work: (tx: TransactionSql) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return (await services.sql.begin(async (tx) => {
      const result = await work(tx as unknown as TransactionSql);
      if (!result.ok) throw new UserErrorsThrown(result.errors);
      return result;
    })) as Result<T>;
  } catch (error) {
    if (error instanceof UserErrorsThrown) return failWith(error.errors);
    const mapped = toUserError(error);
    if (mapped) return failWith([mapped]);
    throw error;
  }
}
