import type { Operator } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { BtsTable } from './bts-table.js';
import { FieldList, type Field } from './field-list.js';
import { InspectorHeader } from './inspector-header.js';
import { OperatorLabel } from './operator-label.js';
import { useSiteDetail } from './use-site-detail.js';
import { lonLat, textOrDash, withUnit } from './value-formats.js';

interface SiteInspectorProps {
  code: string;
  operators: readonly Operator[];
  onClose: () => void;
  onZoomTo: (lon: number, lat: number) => void;
}

/** A site from GET /api/sites/{code}: the structure, where it stands, and its BTS. */
export function SiteInspector({ code, operators, onClose, onZoomTo }: SiteInspectorProps) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const load = useSiteDetail(code, i18n.lang);

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

  return (
    <>
      <InspectorHeader
        kind={t(site.shared ? 'inspector.kind.shared-sites' : 'inspector.kind.sites')}
        title={site.name ?? site.code}
        subtitle={site.name ? site.code : undefined}
        onClose={onClose}
        onZoomTo={() => onZoomTo(site.lon, site.lat)}
      />
      <FieldList fields={fields} />
      <h3 className="inspector__subheading">{t('inspector.btsHeading', { count: bts.length })}</h3>
      {bts.length === 0 ? <p className="inspector__message">{t('inspector.noBts')}</p> : <BtsTable bts={bts} operators={operators} />}
    </>
  );
}
