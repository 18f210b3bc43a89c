import { useEffect, useState } from 'react';
import { describeError, fetchLayer } from '../api/api-client.js';
import type { Feature, Operator, PhysicalSiteProperties } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { FieldList, type Field } from '../inspector/field-list.js';
import { InspectorHeader } from '../inspector/inspector-header.js';
import { OperatorLabel } from '../inspector/operator-label.js';
import { lonLat } from '../inspector/value-formats.js';
import { bboxAround, inferredMembers, type InferredMember } from './inferred-site-members.js';

interface InferredSiteInspectorProps {
  site: Feature<PhysicalSiteProperties>;
  /** ε of site inference, metres (from GET /api/sharing); null until known. */
  epsM: number | null;
  operators: readonly Operator[];
  onClose: () => void;
  onZoomTo: (lon: number, lat: number) => void;
  onOpenBts: (code: string) => void;
}

type MembersLoad = { status: 'loading' } | { status: 'ready'; members: InferredMember[] } | { status: 'error'; error: string };

/** A physical site inferred from BTS without a site code: its tenants, its BTS and how they were grouped. */
export function InferredSiteInspector({ site, epsM, operators, onClose, onZoomTo, onOpenBts }: InferredSiteInspectorProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const p = site.properties;
  const point = site.geometry.coordinates as [number, number];
  const [members, setMembers] = useState<MembersLoad>({ status: 'loading' });
  const searchM = 4 * (epsM ?? 25);

  useEffect(() => {
    const controller = new AbortController();
    setMembers({ status: 'loading' });
    fetchLayer('bts', { bbox: bboxAround(point, searchM).map((v) => v.toFixed(6)).join(',') }, i18n.lang, controller.signal)
      .then((fc) => setMembers({ status: 'ready', members: inferredMembers(point, p.btsCodes, fc.features) }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setMembers({ status: 'error', error: describeError(error) });
      });
    return () => controller.abort();
  }, [p.siteKey, p.btsCodes, point[0], point[1], searchM, i18n.lang]);

  const fields: Field[] = [
    { label: t('field.code'), value: p.siteKey },
    {
      label: t('field.operators'),
      value: (
        <span className="operator-list">
          {p.operators.map((op) => (
            <OperatorLabel key={op} code={op} operators={operators} />
          ))}
        </span>
      ),
      hint: t('inferred.tenantsHint'),
    },
    { label: t('inferred.tenantCount'), value: i18n.formatNumber(p.operatorCount) },
    { label: t('inferred.btsCount'), value: i18n.formatNumber(p.btsCount) },
    { label: t('field.status'), value: <span className={`status-badge status-badge--${p.status}`}>{t(`status.${p.status}`)}</span> },
    { label: t('field.structureType'), value: t('inferred.unknownStructure') },
    { label: t('field.coordinates'), value: lonLat(i18n, point[0], point[1]) },
  ];

  return (
    <>
      <InspectorHeader kind={t('inferred.kind')} title={p.siteKey} onClose={onClose} onZoomTo={() => onZoomTo(point[0], point[1])} />
      <p className="inspector__message inferred-site__rule" data-testid="inferred-rule">
        {epsM === null ? t('inferred.ruleNoEps') : t('inferred.rule', { eps: epsM })}
      </p>
      <FieldList fields={fields} />
      <h3 className="inspector__subheading">{t('inferred.membersHeading', { count: p.btsCount })}</h3>
      <p className="legend__note">{t('inferred.membersNote')}</p>
      {members.status === 'loading' ? <p className="inspector__message">{t('inspector.loading')}</p> : null}
      {members.status === 'error' ? <p className="inspector__message inspector__message--error">{t('inspector.failed', { detail: members.error })}</p> : null}
      {members.status === 'ready' ? (
        <table className="bts-table" data-testid="inferred-members">
          <thead>
            <tr>
              <th scope="col">{t('field.code')}</th>
              <th scope="col">{t('field.operator')}</th>
              <th scope="col">{t('field.technology')}</th>
              <th scope="col" className="num" title={t('inferred.distanceHint')}>
                {t('inferred.distance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {members.members.map((m) => (
              <tr key={m.bts.code}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpenBts(m.bts.code)}>
                    {m.bts.code}
                  </button>
                </td>
                <td>
                  <OperatorLabel code={m.bts.operator} operators={operators} />
                </td>
                <td>{m.bts.technology}</td>
                <td className="num">{`${i18n.formatNumber(m.distanceM, 1)} ${t('unit.m')}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
