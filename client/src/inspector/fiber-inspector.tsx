import type { FiberProperties, Operator } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FieldList } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { OperatorLabel } from './operator-label.js';
import { length, withUnit } from './value-formats.js';

interface FiberInspectorProps {
  fiber: FiberProperties;
  operators: readonly Operator[];
  onClose: () => void;
  onZoomTo: () => void;
}

export function FiberInspector({ fiber, operators, onClose, onZoomTo }: FiberInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <>
      <InspectorHeader kind={t('inspector.kind.fiber')} title={fiber.name ?? fiber.code} subtitle={fiber.name ? fiber.code : undefined} onClose={onClose} onZoomTo={onZoomTo} />
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
