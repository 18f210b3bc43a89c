import type { ReactNode } from 'react';
import type { Meta } from '../domain/contract-types.js';
import { fiberKindValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { clusterSteps } from '../map/cluster-layers.js';
import { mapPalette } from '../map/map-palette.js';
import { radioOperators } from '../map/operator-colours.js';
import { AreaSwatch, ColourDot, FiberSwatch, LineSwatch, PointSwatch, RingsSwatch, SiteSwatch } from './legend-swatches.js';

/** What each colour, size and dash on the map means. */
export function MapLegend({ meta, extra }: { meta: Meta; extra?: ReactNode }) {
  const { t } = useI18n();
  const sample = mapPalette.neutralOwner;
  return (
    <div className="legend">
      <section className="legend__group">
        <h3>{t('legend.sites')}</h3>
        <ul>
          <li>
            <SiteSwatch kind="single" colour={sample} />
            {t('legend.siteSingle')}
          </li>
          <li title={t('definition.sharedSite')}>
            <SiteSwatch kind="shared" colour={sample} />
            {t('legend.siteShared')}
            <span className="hint-mark" aria-hidden="true">ⓘ</span>
          </li>
          <li>
            <SiteSwatch kind="idle" colour={sample} />
            {t('legend.siteIdle')}
          </li>
          <li>
            <SiteSwatch kind="decommissioned" colour={sample} />
            {t('legend.siteDecommissioned')}
          </li>
        </ul>
        <p className="legend__note">{t('definition.sharedSite')}</p>
      </section>
      {extra}

      <section className="legend__group" data-testid="legend-clusters">
        <h3>{t('legend.clusters')}</h3>
        <ul>
          {clusterSteps.map((step, i) => {
            const next = clusterSteps[i + 1];
            return (
              <li key={step.min}>
                {/* The swatch is 22 px: the map's radii (6–18 px) scaled into it, in the same order. */}
                <PointSwatch fill={step.colour} stroke={step.stroke} r={4 + 2 * i} />
                {next ? t('legend.clusterStep', { from: step.min, to: next.min - 1 }) : t('legend.clusterLast', { from: step.min })}
              </li>
            );
          })}
        </ul>
        <p className="legend__note">{t('legend.clusterNote')}</p>
      </section>

      <section className="legend__group">
        <h3>{t('legend.owners')}</h3>
        <p className="legend__note">{t('legend.siteColour')}</p>
        <ul className="legend__columns">
          {meta.operators.map((operator) => (
            <li key={operator.code} title={operator.name}>
              <ColourDot colour={operator.colour} />
              {operator.shortName}
            </li>
          ))}
          <li>
            <ColourDot colour={mapPalette.neutralOwner} />
            {t('legend.otherOwner')}
          </li>
        </ul>
        <p className="legend__note legend__note--with-swatch">
          <RingsSwatch colours={radioOperators(meta.operators).map((o) => o.colour)} />
          {t('legend.btsRings')}
        </p>
      </section>

      <section className="legend__group">
        <h3>{t('legend.fiberKinds')}</h3>
        <ul>
          {fiberKindValues.map((kind) => (
            <li key={kind}>
              <FiberSwatch kind={kind} />
              {t(`fiberKind.${kind}`)}
            </li>
          ))}
        </ul>
        <p className="legend__note">{t('legend.fiberZoomNote')}</p>
        <h3>{t('legend.fiberLaying')}</h3>
        <ul>
          <li>
            <FiberSwatch kind="distribution" />
            {t('laying.aerial')}
          </li>
          <li>
            <FiberSwatch kind="distribution" dashed />
            {t('laying.underground')}
          </li>
        </ul>
      </section>

      <section className="legend__group">
        <h3>{t('legend.hamlets')}</h3>
        <ul>
          <li>
            <AreaSwatch fill={mapPalette.hamletFill} fillOpacity={0.35} stroke={mapPalette.hamletLine} />
            {t('legend.hamletPolygon')}
          </li>
          <li>
            <PointSwatch fill={mapPalette.hamletRefCultural} stroke={mapPalette.hamletRefCultural} />
            {t('legend.hamletRefCultural')}
          </li>
          <li>
            <PointSwatch fill={mapPalette.hamletRefCentre} stroke={mapPalette.hamletRefCultural} />
            {t('legend.hamletRefCentre')}
          </li>
        </ul>
      </section>

      <section className="legend__group">
        <h3>{t('legend.boundaries')}</h3>
        <ul>
          <li>
            <LineSwatch colour={mapPalette.districtLine} width={2} />
            {t('legend.districtBoundary')}
          </li>
          <li>
            <LineSwatch colour={mapPalette.communeLine} width={1} />
            {t('legend.communeBoundary')}
          </li>
          <li>
            <LineSwatch colour={mapPalette.selection} width={3} />
            {t('legend.selection')}
          </li>
        </ul>
      </section>

      <section className="legend__group">
        <h3>{t('panel.definitions')}</h3>
        <ul className="definitions">
          <li>{t('definition.site')}</li>
          <li>{t('definition.bts')}</li>
          <li>{t('definition.sharedSite')}</li>
          <li>{t('definition.sharingRatio')}</li>
          <li>{t('verdictDefinition.covered')}</li>
          <li>{t('verdictDefinition.lom_song')}</li>
          <li>{t('verdictDefinition.trang_song')}</li>
          <li>{t('definition.coverageRatio')}</li>
          <li>{t('definition.gap')}</li>
        </ul>
      </section>
    </div>
  );
}
