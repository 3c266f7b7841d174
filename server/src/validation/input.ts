import type { FieldError } from '../errors';
import { INTEGER_MAX } from './common';

/** How deep a JSON body or a query may nest: the deepest legitimate body (a conversion) uses 4. */
export const MAX_DEPTH = 20;

/** Errors past this many are not listed: one is enough to refuse, the first few to explain. */
const MAX_ERRORS = 20;

/**
 * Why a path parameter cannot be an id, or undefined when it can: a documentId (Strapi's are 24
 * lowercase letters and digits; up to 64 letters and digits are let through, to answer 404) or a
 * numeric id that fits an integer column.
 */
export const idProblem = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(value)) return 'is not a valid id';
  if (/^\d+$/.test(value) && (value.length > 10 || Number(value) > INTEGER_MAX)) return 'is not a valid id';
  return undefined;
};

/**
 * Every problem of a decoded query or JSON body that no field can accept: a NUL character in a
 * key or a value (PostgreSQL refuses it in text), a key of Object.prototype and nesting deeper
 * than `MAX_DEPTH`. Walks the
 * value without recursion, so a hostile depth cannot exhaust the stack.
 */
export const inputProblems = (value: unknown, root: string[] = []): FieldError[] => {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value, path: root }];
  while (stack.length && errors.length < MAX_ERRORS) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) errors.push({ path, message: 'must not contain a NUL character' });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length - root.length >= MAX_DEPTH) {
      errors.push({ path, message: `is nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    for (const [key, child] of Object.entries(current)) {
      if (key in Object.prototype) {
        // `constructor`, `toString`, `__proto__`…: no field has such a name, and yup's object schemas
        // answered 500 for them
        errors.push({ path: [...path, key], message: 'is not an accepted key' });
        continue;
      }
      if (key.includes('\u0000')) {
        errors.push({
          path: [...path, key.split('\u0000').join('\\u0000')],
          message: 'must not contain a NUL character',
        });
        continue;
      }
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return errors;
};
