/** Messages of vector tiles, Vietnamese first; merged into the server's catalogue. */
export const vi = {
} as const;

export const en: Record<keyof typeof vi, string> = {
};
