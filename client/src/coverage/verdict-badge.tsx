import type { Verdict } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** A verdict in its map colour: Phủ sóng, Lõm sóng, Trắng sóng. */
export function VerdictBadge({ verdict, title }: { verdict: Verdict; title?: string }) {
  const { t } = useI18n();
  return (
    <span className={`verdict-badge verdict-badge--${verdict}`} title={title ?? t(`verdictDefinition.${verdict}`)} data-verdict={verdict}>
      {t(`verdict.${verdict}`)}
    </span>
  );
}
