import type { Operator } from '../domain/contract-types.js';
import { radioOperators } from '../map/operator-colours.js';

/** One `<option>` per radio operator (MNO), by short name: the operators a radio question can be about. */
export function RadioOperatorOptions({ operators }: { operators: readonly Operator[] }) {
  return (
    <>
      {radioOperators(operators).map((o) => (
        <option key={o.code} value={o.code}>
          {o.shortName}
        </option>
      ))}
    </>
  );
}
