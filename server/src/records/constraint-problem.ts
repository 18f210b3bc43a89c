import { HttpProblem } from '../http/http-problem.js';

/**
 * A write the database refused for its content (a check, a unique code, a
 * reference, a number out of range) is the caller's mistake: a 4xx naming the
 * constraint, never a 500. The body schemas catch these first; this is the net
 * behind them.
 */
export function constraintProblem(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem || typeof error !== 'object' || error === null) return null;
  const { code, constraint } = error as { code?: string; constraint?: string };
  switch (code) {
    case '23505':
      return new HttpProblem(409, 'constraint-unique', { constraint: constraint ?? '' });
    case '23503':
    case '23514':
    case '23502':
    case '22003':
    case '22P02':
    case 'XX000': // PostGIS: invalid geometry input
      return new HttpProblem(400, 'constraint-check', { constraint: constraint ?? code });
    default:
      return null;
  }
}
