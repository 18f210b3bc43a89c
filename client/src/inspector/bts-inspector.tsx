import type { BtsProperties, Operator } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { BtsTable } from './bts-table.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { OperatorLabel } from './operator-label.js';

interface BtsInspectorProps {
  bts: BtsProperties;
  operators: readonly Operator[];
  onClose: () => void;
  onOpenSite: (code: string) => void;
}

export function BtsInspector({ bts, operators, onClose, onOpenSite }: BtsInspectorProps) {
  const { t } = useI18n();
  const siteCode = bts.siteCode;
  return (
    <>
      <InspectorHeader kind={t('inspector.kind.bts')} title={bts.code} onClose={onClose} />
      <FieldList
        fields={[
          { label: t('field.code'), value: bts.code },
          { label: t('field.operator'), value: <OperatorLabel code={bts.operator} operators={operators} /> },
          {
            label: t('field.site'),
            value: siteCode ? (
              <button type="button" className="link-button" onClick={() => onOpenSite(siteCode)}>
                {siteCode}
              </button>
            ) : (
              t('value.none')
            ),
          },
        ]}
      />
      <BtsTable bts={[bts]} operators={operators} />
    </>
  );
}
