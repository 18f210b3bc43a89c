import { mapPalette } from '../map/map-palette.js';
import { tenantSteps, type TenantStep } from './tenant-steps.js';

// Legend samples of the shared-sites and consolidation layers, from the same values as the map style.

/** One tenant step: its disc (radius as at zoom 12, scaled into the 22 px box) and, for an inferred site, the core and dashed ring. */
export function TenantSwatch({ step, inferred = false }: { step: TenantStep; inferred?: boolean }) {
  const r = 3 + step.radiusPx * 0.55;
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <circle cx="11" cy="11" r={r} fill={step.colour} fillOpacity="0.7" stroke={step.stroke} strokeWidth="1" />
      {inferred ? (
        <>
          <circle cx="11" cy="11" r={Math.min(10.2, r + 1.8)} fill="none" stroke={mapPalette.inferredSite} strokeWidth="1.4" strokeDasharray="2.6 1.8" />
          <circle cx="11" cy="11" r="2.4" fill={mapPalette.inferredSite} stroke="#ffffff" strokeWidth="0.8" />
        </>
      ) : null}
    </svg>
  );
}

/** The shared-sites toggle: the steps side by side. */
export function TenantStepsSwatch() {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      {tenantSteps.slice(1).map((step, i) => (
        <circle key={step.label} cx={5 + i * 6} cy="11" r={2.6 + i * 0.9} fill={step.colour} stroke={step.stroke} strokeWidth="0.8" />
      ))}
    </svg>
  );
}

export function ConsolidationSwatch() {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <circle cx="7.5" cy="11" r="5" fill={mapPalette.consolidation} fillOpacity="0.12" stroke={mapPalette.consolidation} strokeWidth="1.5" />
      <circle cx="14.5" cy="11" r="5" fill={mapPalette.consolidation} fillOpacity="0.12" stroke={mapPalette.consolidation} strokeWidth="1.5" />
    </svg>
  );
}
