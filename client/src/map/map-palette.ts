// Colours of everything drawn on the map that does not come from the operators'
// own colours (those come from GET /api/meta). The legend uses the same values.
export const mapPalette = {
  background: '#d7e0e6',
  land: '#f6f5f0',
  urbanLand: '#efe9df',
  townLand: '#f2eee6',
  districtLine: '#334155',
  communeLine: '#9aa5b4',
  hamletFill: '#86c79a',
  hamletLine: '#2f855a',
  hamletRefCultural: '#2f855a',
  hamletRefCentre: '#ffffff',
  fiberAerial: '#4f46e5',
  fiberUnderground: '#b45309',
  neutralOwner: '#64748b',
  sharedStroke: '#111827',
  sharedHalo: '#f59e0b',
  /** Core and dashed ring of a site inferred from BTS without a site code. */
  inferredSite: '#1f2937',
  /** Consolidation candidates: sites of different owners within D metres that could become one. */
  consolidation: '#0369a1',
  singleStroke: '#ffffff',
  selection: '#d946ef',
  unitFocus: '#0f766e',
  /** Coverage of any operator; one operator's coverage takes that operator's colour. */
  coverageAny: '#2563eb',
  gapHatch: '#9f1239',
  gapLine: '#9f1239',
  verdictLine: '#ffffff',
  whatIfLine: '#111827',
  whatIfFill: '#7c3aed',
} as const;

/** Hamlet verdict colours: green covered, amber partly covered (lõm sóng), red no signal (trắng sóng). */
export const verdictColours = {
  covered: '#2f9e5b',
  lom_song: '#f08c00',
  trang_song: '#d63a3a',
} as const;

/** Field measurements: level at or above the technology's threshold, below it, and the ring of a contradiction with the model. */
export const measurementColours = {
  above: '#2f9e5b',
  below: '#d63a3a',
  contradictionRing: '#111827',
} as const;

/** Fill opacities of the coverage layers: the basemap must stay readable beneath. */
export const coverageOpacity = { coverage: 0.2, verdicts: 0.5 } as const;

/** Opacity of a decommissioned site's dot: still drawn (the structure's place is on record), but faded. */
export const decommissionedSiteOpacity = 0.35;

/** Line widths (px at zoom 12) by fiber route class; thinner at province zoom. */
export const fiberWidths = { backbone: 4, distribution: 2.5, access: 1.3 } as const;

/** Dash pattern of underground fiber, in line widths. */
export const undergroundDash = [2, 1.5] as const;
