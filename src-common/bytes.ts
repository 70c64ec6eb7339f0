/** "850 KB", "12 MB", "3 GB": whole units, the same in both languages (no decimal separator to localise). */
export function bytesText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024))} MB`;
  return `${Math.floor(bytes / (1024 * 1024 * 1024))} GB`;
}
