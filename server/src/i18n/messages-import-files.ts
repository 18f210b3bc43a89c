/** Messages of reading uploaded files (CSV, XLSX, GeoJSON, KML/KMZ, zipped Shapefile), Vietnamese first; merged into the server's catalogue. */
export const vi = {
} as const;

export const en: Record<keyof typeof vi, string> = {
};
