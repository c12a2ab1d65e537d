import { invalid } from '../http/errors.ts';

/** Small checks that name the offending parameter, as the API does. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function numberIn(value: unknown, param: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number') {
    throw invalid(param, `Invalid type for '${param}': expected a number, but got ${typeName(value)}.`, 'invalid_type');
  }
  // JSON has no Infinity, but a literal such as 1e400 overflows to it when parsed.
  if (!Number.isFinite(value))
    throw invalid(
      param,
      `Invalid '${param}': the number is too large to represent (it reads as ${value}); expected a number from ${min} to ${max}.`,
      'invalid_value',
    );
  if (integer && !Number.isInteger(value)) {
    throw invalid(param, `Invalid '${param}': expected an integer, but got ${value}.`, 'invalid_type');
  }
  if (value < min)
    throw invalid(param, `Invalid '${param}': ${value} is less than the minimum of ${min}.`, 'integer_below_min_value');
  if (value > max)
    throw invalid(
      param,
      `Invalid '${param}': ${value} is greater than the maximum of ${max}.`,
      'integer_above_max_value',
    );
  return value;
}

export function optionalNumber(
  body: Record<string, unknown>,
  param: string,
  min: number,
  max: number,
  fallback: number,
  integer = false,
): number {
  const value = body[param];
  return value === undefined || value === null ? fallback : numberIn(value, param, min, max, integer);
}

export function booleanParam(body: Record<string, unknown>, param: string, fallback: boolean): boolean {
  const value = body[param];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    throw invalid(
      param,
      `Invalid type for '${param}': expected a boolean, but got ${typeName(value)}.`,
      'invalid_type',
    );
  }
  return value;
}

export function stringParam(value: unknown, param: string, maxLength = 1_000_000): string {
  if (typeof value !== 'string') {
    throw invalid(param, `Invalid type for '${param}': expected a string, but got ${typeName(value)}.`, 'invalid_type');
  }
  if (value.length > maxLength)
    throw invalid(param, `Invalid '${param}': string too long (at most ${maxLength}).`, 'string_above_max_length');
  return value;
}

export function oneOf<T extends string>(value: unknown, param: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw invalid(
      param,
      `Invalid value for '${param}': expected one of ${allowed.map((item) => `'${item}'`).join(', ')}.`,
      'invalid_value',
    );
  }
  return value as T;
}
