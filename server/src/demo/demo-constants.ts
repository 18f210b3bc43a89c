/** Provenance of every row the demo generator writes; the app detects demo data by this source. */
export const DEMO_SOURCE = 'hatang-demo-generator';
export const DEMO_SOURCE_DATE = '2026-01-01';

export const BOUNDARY_SET_2023 = '2023';
export const BOUNDARY_SET_2025 = '2025';
