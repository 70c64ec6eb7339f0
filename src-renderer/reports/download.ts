import type { ReportFile } from '../../src-preload/contract';

/**
 * Saves a file the core returned as base64: a Blob and an <a download>. This works alike in the
 * browser host and in Electron (where the shell's download handling decides where it goes).
 */
export function downloadReportFile(file: ReportFile): void {
  if (!file.contentBase64) throw new Error(`${file.fileName}: tidak ada isi berkas / no file content`);
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
