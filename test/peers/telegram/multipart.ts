// A lenient multipart/form-data reader. Node's built-in `Request.formData()` rejects the parts
// grammy writes (`content-disposition:form-data;name="x";filename=photo.jpg`: no spaces, an
// unquoted filename), while the real Bot API accepts them, so the emulator parses them itself.

export interface UploadedPart {
  fileName: string;
  contentType?: string;
  bytes: Buffer;
}

export type FormValue = string | UploadedPart;

export function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export function parseMultipart(body: Buffer, boundary: string): Map<string, FormValue> {
  const fields = new Map<string, FormValue>();
  const delimiter = Buffer.from(`--${boundary}`);
  let cursor = body.indexOf(delimiter);
  while (cursor !== -1) {
    let partStart = cursor + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(partStart, partStart + 2).toString() === '\r\n') partStart += 2;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), partStart);
    if (next === -1) break;
    readPart(body.subarray(partStart, next), fields);
    cursor = next + 2;
  }
  return fields;
}

function readPart(part: Buffer, fields: Map<string, FormValue>): void {
  const headerEnd = part.indexOf('\r\n\r\n');
  if (headerEnd === -1) return;
  const headers = new Map<string, string>();
  for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  const name = dispositionParam(disposition, 'name');
  if (!name) return;
  const content = part.subarray(headerEnd + 4);
  const fileName = dispositionParam(disposition, 'filename');
  if (fileName === null) {
    fields.set(name, content.toString('utf8'));
  } else {
    const contentType = headers.get('content-type');
    fields.set(name, { fileName, bytes: Buffer.from(content), ...(contentType ? { contentType } : {}) });
  }
}

function dispositionParam(disposition: string, key: string): string | null {
  // `name` must not match inside `filename`, hence the (^|;) anchor.
  const match = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(disposition);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '').trim();
}
