import { useState } from 'react';
import { useSession } from '../auth/use-session.js';
import type { Operator, RegisterEntity } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { BtsEditForm } from '../records/bts-edit-form.js';
import type { RegisterChange } from '../records/register-change.js';
import { SiteEditForm } from '../records/site-edit-form.js';
import { BtsTable } from './bts-table.js';
import { FieldList, type Field } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { OperatorLabel } from './operator-label.js';
import { RecordHistoryButton } from './record-history-button.js';
import { useSiteDetail } from './use-site-detail.js';
import { lonLat, textOrDash, withUnit } from './value-formats.js';

interface SiteInspectorProps {
  code: string;
  operators: readonly Operator[];
  onClose: () => void;
  onZoomTo: (lon: number, lat: number) => void;
  /** After a write from the site's or one of its BTS's edit form (the panel then loads the site again). */
  onRegisterChanged: (change: RegisterChange) => void;
  onShowHistory?: ((entity: RegisterEntity, code: string) => void) | undefined;
}

type Editing = { kind: 'site' } | { kind: 'bts'; code: string } | null;

/** A site from GET /api/sites/{code}: the structure, where it stands, and its BTS. */
export function SiteInspector({ code, operators, onClose, onZoomTo, onRegisterChanged, onShowHistory }: SiteInspectorProps) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const session = useSession();
  const load = useSiteDetail(code, i18n.lang);
  const [editing, setEditing] = useState<Editing>(null);

  if (load.status !== 'ready') {
    return (
      <>
        <InspectorHeader kind={t('inspector.kind.sites')} title={code} onClose={onClose} />
        <p className={load.status === 'error' ? 'inspector__message inspector__message--error' : 'inspector__message'}>
          {load.status === 'error' ? t('inspector.failed', { detail: load.error }) : t('inspector.loading')}
        </p>
      </>
    );
  }

  const { site, bts } = load.detail;
  const fields: Field[] = [
    { label: t('field.code'), value: site.code },
    { label: t('field.structureType'), value: t(`structure.${site.structureType}`) },
    { label: t('field.height'), value: withUnit(i18n, site.heightM, 'unit.m', 1) },
    { label: t('field.owner'), value: <OperatorLabel code={site.owner} operators={operators} /> },
    { label: t('field.status'), value: <span className={`status-badge status-badge--${site.status}`}>{t(`status.${site.status}`)}</span> },
    {
      label: t('field.operators'),
      value:
        site.operators.length === 0 ? (
          t('value.none')
        ) : (
          <span className="operator-list">
            {site.operators.map((op) => (
              <OperatorLabel key={op} code={op} operators={operators} />
            ))}
          </span>
        ),
    },
    {
      label: t('field.shared'),
      value: site.shared ? <span className="shared-badge">{t('inspector.sharedBadge')}</span> : t('value.no'),
      hint: t('definition.sharedSite'),
    },
    { label: t('field.address'), value: textOrDash(i18n, site.address) },
    { label: t('field.commune'), value: textOrDash(i18n, site.communeName) },
    { label: t('field.district'), value: textOrDash(i18n, site.districtName) },
    { label: t('field.coordinates'), value: lonLat(i18n, site.lon, site.lat) },
    { label: t('field.source'), value: `${site.source} · ${formatDate(site.sourceDate)}` },
  ];

  const kind = t(site.shared ? 'inspector.kind.shared-sites' : 'inspector.kind.sites');
  const title = site.name ?? site.code;
  const subtitle = site.name ? site.code : undefined;
  const changed = (action: RegisterChange['action']) => (record: { code: string; version: number }) =>
    onRegisterChanged({ entity: editing?.kind === 'bts' ? 'bts' : 'site', code: record.code, action, version: record.version });
  const stopEditing = () => setEditing(null);

  if (editing) {
    const callbacks = {
      onCancel: stopEditing,
      onSaved: changed('update'),
      onDeleted: changed('delete'),
      // The record changed under the form: show it as it is now.
      onDiscard: () => onRegisterChanged({ entity: editing.kind === 'bts' ? 'bts' : 'site', code: editing.kind === 'bts' ? editing.code : site.code, action: 'reload', version: 0 }),
    };
    return (
      <>
        <InspectorHeader kind={kind} title={title} subtitle={subtitle} onClose={onClose} />
        <button type="button" className="link-button inspector__back" onClick={stopEditing}>
          {t('edit.back')}
        </button>
        {editing.kind === 'site' ? (
          <SiteEditForm code={site.code} operators={operators} {...callbacks} />
        ) : (
          <BtsEditForm code={editing.code} operators={operators} {...callbacks} />
        )}
      </>
    );
  }

  return (
    <>
      <InspectorHeader
        kind={kind}
        title={title}
        subtitle={subtitle}
        onClose={onClose}
        onZoomTo={() => onZoomTo(site.lon, site.lat)}
        actions={
          <>
            <RecordHistoryButton entity="site" code={site.code} onShow={onShowHistory} />
            {session.mayWrite(site.owner) ? (
              <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'site' })} title={t('edit.editSite')} data-testid="site-edit">
                ✎ {t('edit.edit')}
              </button>
            ) : null}
          </>
        }
      />
      <FieldList fields={fields} />
      <h3 className="inspector__subheading">{t('inspector.btsHeading', { count: bts.length })}</h3>
      {bts.length === 0 ? (
        <p className="inspector__message">{t('inspector.noBts')}</p>
      ) : (
        <BtsTable bts={bts} operators={operators} canEdit={(b) => session.mayWrite(b.operator)} onEdit={(btsCode) => setEditing({ kind: 'bts', code: btsCode })} />
      )}
    </>
  );
}
