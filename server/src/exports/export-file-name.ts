/** Today's date in Việt Nam (UTC+7) as yyyy-mm-dd: the day people there see on the file. */
export function vietnamDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** RFC 5987 ext-value: UTF-8, percent-encoding everything but attr-char. */
function extValue(text: string): string {
  return `UTF-8''${encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * Content-Disposition (RFC 6266) of an export: `filename` in ASCII
 * (`<layer>-<yyyy-mm-dd>.<ext>`) for every client, `filename*` in UTF-8 with
 * the layer's Vietnamese name for those that read it.
 */
export function exportContentDisposition(layer: string, title: string, ext: string, now: Date = new Date()): string {
  const date = vietnamDate(now);
  return `attachment; filename="${layer}-${date}.${ext}"; filename*=${extValue(`${title} ${date}.${ext}`)}`;
}
