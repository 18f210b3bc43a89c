/** Messages of the import workflow (upload, dry run, commit, progress, cancel), Vietnamese first; merged into the server's catalogue. */
export const vi = {
} as const;

export const en: Record<keyof typeof vi, string> = {
};
