import { useI18n } from '../i18n/i18n-context.js';

/** "✓ Khớp mô hình" or "✕ Khác mô hình": the verdict found on the ground against the model's, in words and not colour alone. */
export function AgreementMark({ agrees }: { agrees: boolean | null }) {
  const { t } = useI18n();
  if (agrees === null) {
    return (
      <span className="inspection-agreement inspection-agreement--unknown" data-testid="inspection-agreement" data-agrees="unknown">
        {t('inspection.noModel')}
      </span>
    );
  }
  return (
    <span
      className={`inspection-agreement inspection-agreement--${agrees ? 'agrees' : 'differs'}`}
      title={t('inspection.agreementHint')}
      data-testid="inspection-agreement"
      data-agrees={String(agrees)}
    >
      <span aria-hidden="true">{agrees ? '✓' : '✕'}</span> {t(agrees ? 'inspection.agrees' : 'inspection.disagrees')}
    </span>
  );
}
