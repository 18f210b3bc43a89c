import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { HttpProblem, type FieldError } from './http-problem.js';

/**
 * body-parser `verify`: a body in UTF-8 (declared, or by default) must be valid
 * UTF-8. Decoding would otherwise turn each bad byte silently into U+FFFD and
 * store that.
 */
export function refuseInvalidUtf8(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) throw new HttpProblem(400, 'body-not-utf8');
}

// NUL cannot be stored in a PostgreSQL text; an unpaired surrogate is not a
// character at all (the driver would store U+FFFD in its place).
const invalidCharacter = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Field errors for every string (value or field name) of a JSON body holding NUL or an unpaired surrogate; iterative, for deeply nested bodies. */
function invalidCharacterErrors(body: unknown): FieldError[] {
  interface Node { value: unknown; key: string; parent: Node | null }
  const where = (node: Node) => {
    const keys: string[] = [];
    for (let n: Node | null = node; n?.parent; n = n.parent) keys.push(n.key);
    return keys.reverse().join('.') || '(body)';
  };
  const errors: FieldError[] = [];
  const stack: Node[] = [{ value: body, key: '', parent: null }];
  while (stack.length > 0 && errors.length < 50) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      if (invalidCharacter.test(node.value)) errors.push({ parameter: where(node), messageKey: 'field-characters' });
    } else if (typeof node.value === 'object' && node.value !== null) {
      for (const [key, value] of Object.entries(node.value)) {
        const child = { value, key, parent: node };
        if (invalidCharacter.test(key)) errors.push({ parameter: where(child), messageKey: 'field-characters' });
        stack.push(child);
      }
    }
  }
  return errors;
}

/**
 * Parses a JSON body against a zod schema; every problem becomes a field-level
 * error (path like `bts.0.bandMHz`) whose message is translated when answered.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new HttpProblem(400, 'body-not-json');
  }
  const characterErrors = invalidCharacterErrors(body);
  if (characterErrors.length) throw new HttpProblem(400, 'invalid-body', { count: characterErrors.length }, undefined, characterErrors);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const fieldErrors: FieldError[] = result.error.issues.slice(0, 50).map((issue): FieldError => {
    const parameter = issue.path.map(String).join('.') || '(body)';
    const i = issue as unknown as Record<string, unknown>;
    switch (issue.code) {
      case 'invalid_type':
        return i.input === undefined
          ? { parameter, messageKey: 'field-required' }
          : { parameter, messageKey: 'field-type', params: { expected: String(i.expected) } };
      case 'too_small':
        return i.origin === 'array' || i.origin === 'string'
          ? { parameter, messageKey: 'field-invalid' }
          : { parameter, messageKey: 'field-min', params: { op: i.inclusive ? '≥' : '>', minimum: String(i.minimum) } };
      case 'too_big':
        return i.origin === 'array' || i.origin === 'string'
          ? { parameter, messageKey: 'field-invalid' }
          : { parameter, messageKey: 'field-max', params: { op: i.inclusive ? '≤' : '<', maximum: String(i.maximum) } };
      case 'invalid_value':
        return { parameter, messageKey: 'field-enum', params: { allowed: ((i.values as unknown[]) ?? []).join(', ') } };
      case 'unrecognized_keys':
        return { parameter: [parameter === '(body)' ? '' : parameter, ...((i.keys as string[]) ?? [])].filter(Boolean).join('.'), messageKey: 'field-unknown' };
      default:
        return { parameter, messageKey: 'field-invalid' };
    }
  });
  throw new HttpProblem(400, 'invalid-body', { count: fieldErrors.length }, undefined, fieldErrors);
}
