/** A size as people read it in a message: 1 MB = 1,048,576 bytes (what file managers on Windows show), at most one decimal. */
export function byteSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimDecimal(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trimDecimal(bytes / 1024)} kB`;
  return `${bytes} B`;
}

function trimDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}
