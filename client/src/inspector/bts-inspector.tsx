import { useState } from 'react';
import { useSession } from '../auth/use-session.js';
import type { BtsProperties, Operator, RegisterEntity } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { BtsEditForm } from '../records/bts-edit-form.js';
import { recordFormCallbacks, type RegisterChange } from '../records/register-change.js';
import { BtsTable } from './bts-table.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { OperatorLabel } from './operator-label.js';
import { RecordHistoryButton } from './record-history-button.js';

interface BtsInspectorProps {
  bts: BtsProperties;
  operators: readonly Operator[];
  onClose: () => void;
  onOpenSite: (code: string) => void;
  onRegisterChanged: (change: RegisterChange) => void;
  onShowHistory?: ((entity: RegisterEntity, code: string) => void) | undefined;
}

export function BtsInspector({ bts, operators, onClose, onOpenSite, onRegisterChanged, onShowHistory }: BtsInspectorProps) {
  const { t } = useI18n();
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const siteCode = bts.siteCode;

  if (editing) {
    return (
      <>
        <InspectorHeader kind={t('inspector.kind.bts')} title={bts.code} onClose={onClose} />
        <button type="button" className="link-button inspector__back" onClick={() => setEditing(false)}>
          {t('edit.back')}
        </button>
        <BtsEditForm code={bts.code} operators={operators} {...recordFormCallbacks('bts', bts.code, onRegisterChanged, () => setEditing(false))} />
      </>
    );
  }

  return (
    <>
      <InspectorHeader
        kind={t('inspector.kind.bts')}
        title={bts.code}
        onClose={onClose}
        actions={
          <>
            <RecordHistoryButton entity="bts" code={bts.code} onShow={onShowHistory} />
            {session.mayWrite(bts.operator) ? (
              <button type="button" className="button button--small" onClick={() => setEditing(true)} title={t('edit.editBtsOf', { code: bts.code })} data-testid="bts-inspector-edit">
                ✎ {t('edit.edit')}
              </button>
            ) : null}
          </>
        }
      />
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
