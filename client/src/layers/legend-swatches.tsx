import { decommissionedSiteOpacity, fiberWidths, mapPalette, measurementColours, undergroundDash, verdictColours } from '../map/map-palette.js';

// Small SVG samples of how each kind of feature is drawn on the map; the values
// come from the same palette as the map style.

/** A site's dot as the map draws it; decommissioned: a single-operator dot, faded as on the map. */
export function SiteSwatch({ kind, colour }: { kind: 'single' | 'shared' | 'idle' | 'decommissioned'; colour: string }) {
  const r = kind === 'shared' ? 7 : 4.5;
  const fill = kind === 'idle' ? '#ffffff' : colour;
  const stroke = kind === 'shared' ? mapPalette.sharedStroke : kind === 'idle' ? colour : mapPalette.singleStroke;
  const strokeWidth = kind === 'shared' ? 2.4 : kind === 'idle' ? 1.8 : 1;
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      {kind === 'shared' ? <circle cx="11" cy="11" r="10" fill={mapPalette.sharedHalo} fillOpacity="0.22" stroke={mapPalette.sharedHalo} strokeWidth="1.2" /> : null}
      <circle cx="11" cy="11" r={r} fill={fill} stroke={stroke} strokeWidth={strokeWidth} opacity={kind === 'decommissioned' ? decommissionedSiteOpacity : undefined} />
    </svg>
  );
}

export function RingsSwatch({ colours }: { colours: readonly string[] }) {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      {colours.slice(0, 4).map((colour, i) => (
        <circle key={colour + String(i)} cx="11" cy="11" r={3.5 + i * 2.2} fill="none" stroke={colour} strokeWidth="1.3" />
      ))}
    </svg>
  );
}

export function LineSwatch({ colour, width, dashed = false }: { colour: string; width: number; dashed?: boolean }) {
  const dash = dashed ? undergroundDash.map((d) => d * width).join(' ') : undefined;
  return (
    <svg className="swatch swatch--line" width="30" height="22" viewBox="0 0 30 22" aria-hidden="true">
      <line x1="2" y1="11" x2="28" y2="11" stroke={colour} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

export function FiberSwatch({ kind, dashed = false }: { kind: keyof typeof fiberWidths; dashed?: boolean }) {
  return <LineSwatch colour={dashed ? mapPalette.fiberUnderground : mapPalette.fiberAerial} width={fiberWidths[kind]} dashed={dashed} />;
}

export function AreaSwatch({ fill, stroke, fillOpacity = 1, strokeWidth = 1 }: { fill: string; stroke: string; fillOpacity?: number; strokeWidth?: number }) {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <rect x="3" y="4" width="16" height="14" rx="2" fill={fill} fillOpacity={fillOpacity} stroke={stroke} strokeWidth={strokeWidth} />
    </svg>
  );
}

export function PointSwatch({ fill, stroke, r = 3.5 }: { fill: string; stroke: string; r?: number }) {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <circle cx="11" cy="11" r={r} fill={fill} stroke={stroke} strokeWidth="1.3" />
    </svg>
  );
}

export function ColourDot({ colour }: { colour: string }) {
  return <span className="operator-dot" style={{ background: colour }} aria-hidden="true" />;
}

/** Uncovered part: red diagonal hatch with a strong outline, as on the map. */
export function HatchSwatch() {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <defs>
        <pattern id="swatch-gap-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="1.6" height="5" fill={mapPalette.gapHatch} />
        </pattern>
      </defs>
      <rect x="3" y="4" width="16" height="14" rx="2" fill="url(#swatch-gap-hatch)" stroke={mapPalette.gapLine} strokeWidth="1.6" />
    </svg>
  );
}

/** The three verdict colours side by side: the hamlet choropleth. */
export function VerdictsSwatch() {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <rect x="3" y="4" width="6" height="14" fill={verdictColours.covered} fillOpacity="0.8" />
      <rect x="9" y="4" width="5" height="14" fill={verdictColours.lom_song} fillOpacity="0.8" />
      <rect x="14" y="4" width="5" height="14" fill={verdictColours.trang_song} fillOpacity="0.8" />
      <rect x="3" y="4" width="16" height="14" rx="2" fill="none" stroke="#64748b" strokeWidth="0.8" />
    </svg>
  );
}

/** Field measurements: a green dot (at or above the threshold), a red one (below), a dark ring (contradicts the model). */
export function MeasurementSwatch() {
  return (
    <svg className="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <circle cx="6" cy="7" r="3.5" fill={measurementColours.above} stroke={mapPalette.singleStroke} strokeWidth="1" />
      <circle cx="15" cy="14" r="3.5" fill={measurementColours.below} stroke={measurementColours.contradictionRing} strokeWidth="2.2" />
    </svg>
  );
}
