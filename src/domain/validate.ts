import { type UserError, userError } from '../errors';
import { ASSIGNED_COUNTRY_CODES } from './countries';

/** Collects every broken input rule of one mutation, each with the path of the field at fault. */
export class Validator {
  readonly errors: UserError[] = [];

  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.errors.push(userError('VALIDATION', message, field));
    return this;
  }

  text(value: string, field: string, min: number, max: number, label = field): this {
    const length = [...value].length;
    return this.check(length >= min && length <= max, field, `${label} must be ${min} to ${max} characters`);
  }

  integer(value: number, field: string, min: number, max: number, label = field): this {
    return this.check(
      Number.isInteger(value) && value >= min && value <= max,
      field,
      `${label} must be a whole number from ${min} to ${max}`,
    );
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}

/** An assigned ISO 3166-1 alpha-2 code in upper case, or null when `value` is not one. */
export function normalizeCountry(value: string): string | null {
  const code = value.trim().toUpperCase();
  return ASSIGNED_COUNTRY_CODES.has(code) ? code : null;
}
