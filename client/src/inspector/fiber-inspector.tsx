import { useState } from 'react';
import { useSession } from '../auth/use-session.js';
import type { FiberProperties, Operator, RegisterEntity } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FiberEditForm } from '../records/fiber-edit-form.js';
import { recordFormCallbacks, type RegisterChange } from '../records/register-change.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { OperatorLabel } from './operator-label.js';
import { RecordHistoryButton } from './record-history-button.js';
import { length, withUnit } from './value-formats.js';

interface FiberInspectorProps {
  fiber: FiberProperties;
  operators: readonly Operator[];
  onClose: () => void;
  onZoomTo: () => void;
  onRegisterChanged: (change: RegisterChange) => void;
  onShowHistory?: ((entity: RegisterEntity, code: string) => void) | undefined;
}

export function FiberInspector({ fiber, operators, onClose, onZoomTo, onRegisterChanged, onShowHistory }: FiberInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const [editing, setEditing] = useState(false);
  const title = fiber.name ?? fiber.code;
  const subtitle = fiber.name ? fiber.code : undefined;

  if (editing) {
    return (
      <>
        <InspectorHeader kind={t('inspector.kind.fiber')} title={title} subtitle={subtitle} onClose={onClose} />
        <button type="button" className="link-button inspector__back" onClick={() => setEditing(false)}>
          {t('edit.back')}
        </button>
        <FiberEditForm code={fiber.code} operators={operators} {...recordFormCallbacks('fiber', fiber.code, onRegisterChanged, () => setEditing(false))} />
      </>
    );
  }

  return (
    <>
      <InspectorHeader
        kind={t('inspector.kind.fiber')}
        title={title}
        subtitle={subtitle}
        onClose={onClose}
        onZoomTo={onZoomTo}
        actions={
          <>
            <RecordHistoryButton entity="fiber" code={fiber.code} onShow={onShowHistory} />
            {session.mayWrite(fiber.operator) ? (
              <button type="button" className="button button--small" onClick={() => setEditing(true)} title={t('edit.editFiber')} data-testid="fiber-edit">
                ✎ {t('edit.edit')}
              </button>
            ) : null}
          </>
        }
      />
      <FieldList
        fields={[
          { label: t('field.code'), value: fiber.code },
          { label: t('field.operator'), value: <OperatorLabel code={fiber.operator} operators={operators} /> },
          { label: t('field.kind'), value: t(`fiberKind.${fiber.kind}`) },
          { label: t('field.laying'), value: t(`laying.${fiber.laying}`) },
          { label: t('field.cores'), value: withUnit(i18n, fiber.cores, 'unit.cores') },
          { label: t('field.length'), value: length(i18n, fiber.lengthM) },
          { label: t('field.status'), value: <span className={`status-badge status-badge--${fiber.status}`}>{t(`status.${fiber.status}`)}</span> },
        ]}
      />
    </>
  );
}
