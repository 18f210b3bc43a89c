import type { Meta } from '../domain/contract-types.js';

/** One `<option>` per boundary set of the register, by name; the value is its code. */
export function BoundarySetOptions({ boundarySets }: { boundarySets: Meta['boundarySets'] }) {
  return (
    <>
      {boundarySets.map((set) => (
        <option key={set.code} value={set.code}>
          {set.name}
        </option>
      ))}
    </>
  );
}
