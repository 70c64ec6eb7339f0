// Files held in memory per bot: ids that look like Telegram's, getFile paths, the download
// route's lookup, and the sizes and limits of the real API.
import { randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type { PhotoSize } from 'grammy/types';
import { badRequest, type Clock, type FileKind, type StoredFile } from './types';

export const maxDownloadBytes = 20 * 1024 * 1024;
export const maxUploadBytes = 50 * 1024 * 1024;
const filePathLifetimeMs = 60 * 60 * 1000;

// Leading bytes of real file_ids encode the type; these keep ids recognisable in logs.
const idPrefix: Record<FileKind, string> = {
  photo: 'AgACAgUAAxkBAAI',
  document: 'BQACAgUAAxkBAAI',
  voice: 'AwACAgUAAxkBAAI',
  video: 'BAACAgUAAxkBAAI',
  audio: 'CQACAgUAAxkBAAI',
  sticker: 'CAACAgUAAxkBAAI',
};
const pathFolder: Record<FileKind, string> = {
  photo: 'photos',
  document: 'documents',
  voice: 'voice',
  video: 'videos',
  audio: 'music',
  sticker: 'stickers',
};
const defaultExtension: Record<FileKind, string> = {
  photo: '.jpg',
  document: '',
  voice: '.oga',
  video: '.mp4',
  audio: '.mp3',
  sticker: '.webp',
};
const mimeByExtension: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.xls': 'application/vnd.ms-excel',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.json': 'application/json',
};

/** Telegram guesses a document's MIME type from its file name. */
export function mimeTypeFor(fileName: string | undefined): string | undefined {
  return fileName ? mimeByExtension[extname(fileName).toLowerCase()] : undefined;
}

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private pathCounter = 0;

  constructor(private readonly clock: Clock) {}

  add(kind: FileKind, bytes: Buffer, meta: { fileName?: string; mimeType?: string } = {}): StoredFile {
    const file: StoredFile = {
      fileId: idPrefix[kind] + randomBytes(40).toString('base64url'),
      fileUniqueId: 'AgAD' + randomBytes(9).toString('base64url'),
      kind,
      bytes,
      ...(meta.fileName !== undefined ? { fileName: meta.fileName } : {}),
      ...(meta.mimeType !== undefined ? { mimeType: meta.mimeType } : {}),
    };
    this.files.set(file.fileId, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /** getFile: hands out a download path valid for an hour; over 20 MB the bot may not download. */
  issuePath(fileId: string): StoredFile {
    const file = this.files.get(fileId);
    if (!file) throw badRequest('invalid file_id');
    if (file.bytes.length > maxDownloadBytes) throw badRequest('file is too big');
    if (!file.filePath) {
      const extension = (file.fileName ? extname(file.fileName) : '') || defaultExtension[file.kind];
      file.filePath = `${pathFolder[file.kind]}/file_${this.pathCounter++}${extension}`;
      this.byPath.set(file.filePath, file);
    }
    file.filePathIssuedAt = this.clock();
    return file;
  }

  download(filePath: string): StoredFile | undefined {
    const file = this.byPath.get(filePath);
    if (!file || file.filePathIssuedAt === undefined) return undefined;
    return this.clock() - file.filePathIssuedAt <= filePathLifetimeMs ? file : undefined;
  }

  /**
   * A photo becomes several PhotoSizes (Telegram's s/m/x/y/w thumbnails up to the original
   * size). The emulator does not re-encode: every size serves the uploaded bytes, whereas the
   * real API serves recompressed JPEGs, so never rely on byte identity of photos in production.
   */
  addPhoto(bytes: Buffer): PhotoSize[] {
    const { width, height } = imageSize(bytes) ?? { width: 1280, height: 960 };
    const longest = Math.max(width, height);
    const bounds = [90, 320, 800, 1280, 2560].filter((bound) => bound < longest);
    const sizes = [...bounds, longest].slice(-4);
    return sizes.map((bound) => {
      const scale = bound / longest;
      const file = this.add('photo', bytes, { mimeType: 'image/jpeg' });
      return {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        width: Math.max(1, Math.round(width * scale)),
        height: Math.max(1, Math.round(height * scale)),
        file_size: bytes.length,
      };
    });
  }
}

/** Width and height of a PNG or JPEG, if the bytes are one. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length && bytes[offset] === 0xff) {
      const marker = bytes[offset + 1] ?? 0;
      const length = bytes.readUInt16BE(offset + 2);
      if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
      offset += 2 + length;
    }
  }
  return null;
}
