import type { z } from 'zod';
import { HttpProblem, type FieldError } from './http-problem.js';

/**
 * Parses a JSON body against a zod schema; every problem becomes a field-level
 * error (path like `bts.0.bandMHz`) whose message is translated when answered.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null || typeof body !== 'object') {
    throw new HttpProblem(400, 'body-not-json');
  }
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
