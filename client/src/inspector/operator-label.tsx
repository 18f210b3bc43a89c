import type { Operator } from '../domain/contract-types.js';

/** An operator's short name after a dot of its colour; the bare code when unknown. */
export function OperatorLabel({ code, operators }: { code: string; operators: readonly Operator[] }) {
  const operator = operators.find((o) => o.code === code);
  return (
    <span className="operator-label" title={operator?.name}>
      <span className="operator-dot" style={{ background: operator?.colour ?? '#64748b' }} aria-hidden="true" />
      {operator?.shortName ?? code}
    </span>
  );
}
