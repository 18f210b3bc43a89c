import { scenarios, type Scenario } from '../contracts/sharing-contracts.js';
import { parseEnumList } from './query-params.js';

/**
 * `scenario=current|planned` of a query (default current: the network on air);
 * anything else, or two values, is a 400 naming the parameter.
 */
export function parseScenario(raw: string | undefined): Scenario {
  return parseEnumList(raw, 'scenario', scenarios, 1)?.[0] ?? 'current';
}
