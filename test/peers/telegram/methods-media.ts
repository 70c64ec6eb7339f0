// send<Media> (multipart upload, an existing file_id, or a URL which the emulator cannot fetch)
// and getFile.
import type { Message } from 'grammy/types';
import type { BotState } from './bot-state';
import { mimeTypeFor } from './files';
import { prepareSend, readCaption, type MethodHandler } from './method-context';
import type { Params } from './params';
import { badRequest, type FileKind, type StoredFile } from './types';

const uploadNames: Record<FileKind, string> = {
  photo: 'photo.jpg',
  document: 'document',
  voice: 'voice.ogg',
  video: 'video.mp4',
  audio: 'audio.mp3',
  sticker: 'sticker.webp',
};

function resolveFile(bot: BotState, params: Params, kind: FileKind): StoredFile {
  const upload = params.upload(kind);
  if (upload) {
    const fileName = upload.fileName || uploadNames[kind];
    const declared = upload.contentType && upload.contentType !== 'application/octet-stream' ? upload.contentType : undefined;
    return bot.files.add(kind, upload.bytes, { fileName, mimeType: mimeTypeFor(fileName) ?? declared ?? 'application/octet-stream' });
  }
  const reference = params.string(kind);
  if (reference === undefined || reference === '') throw badRequest(`there is no ${kind} in the request`);
  // The emulator has no internet; the real API's answer when it cannot fetch a URL.
  if (/^https?:\/\//i.test(reference)) throw badRequest('failed to get HTTP URL content');
  const existing = bot.files.get(reference);
  if (!existing) throw badRequest('wrong file identifier/HTTP URL specified');
  if (existing.kind !== kind) throw badRequest('type of file mismatch');
  return existing;
}

/** The media field of a Message for a stored file (photo: one PhotoSize per thumbnail size). */
export function mediaField(
  bot: BotState,
  file: StoredFile,
  params: { duration?: number; width?: number; height?: number; performer?: string; title?: string; emoji?: string },
): { field: Partial<Message>; primaryFileId: string } {
  const common = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length };
  const named = { ...(file.fileName ? { file_name: file.fileName } : {}), ...(file.mimeType ? { mime_type: file.mimeType } : {}) };
  switch (file.kind) {
    case 'photo': {
      const sizes = bot.files.addPhoto(file.bytes);
      return { field: { photo: sizes }, primaryFileId: sizes[sizes.length - 1]?.file_id ?? file.fileId };
    }
    case 'document':
      return { field: { document: { ...common, ...named } }, primaryFileId: file.fileId };
    case 'voice':
      return { field: { voice: { ...common, duration: params.duration ?? 0, mime_type: 'audio/ogg' } }, primaryFileId: file.fileId };
    case 'video':
      return {
        field: { video: { ...common, ...named, duration: params.duration ?? 0, width: params.width ?? 640, height: params.height ?? 360 } },
        primaryFileId: file.fileId,
      };
    case 'audio':
      return {
        field: {
          audio: {
            ...common,
            ...named,
            duration: params.duration ?? 0,
            ...(params.performer ? { performer: params.performer } : {}),
            ...(params.title ? { title: params.title } : {}),
          },
        },
        primaryFileId: file.fileId,
      };
    case 'sticker':
      return {
        field: {
          sticker: {
            ...common,
            type: 'regular',
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
            ...(params.emoji ? { emoji: params.emoji } : {}),
          },
        },
        primaryFileId: file.fileId,
      };
  }
}

function sendMedia(kind: FileKind, method: string): MethodHandler {
  return (bot, params) => {
    const prepared = prepareSend(bot, params);
    const file = resolveFile(bot, params, kind);
    const caption = kind === 'sticker' ? undefined : readCaption(params);
    const numbers = {
      duration: params.int('duration'),
      width: params.int('width'),
      height: params.int('height'),
      performer: params.string('performer'),
      title: params.string('title'),
      emoji: params.string('emoji'),
    };
    const { field, primaryFileId } = mediaField(bot, file, numbers);
    const message = {
      ...prepared.base(),
      ...field,
      ...(caption ? { caption: caption.text } : {}),
      ...(caption && caption.entities.length > 0 ? { caption_entities: caption.entities } : {}),
    } as Message;
    bot.storeMessage(prepared.user.id, message, true);
    bot.recordSent({
      messageId: message.message_id,
      chatId: prepared.user.id,
      method,
      ...(caption ? { caption: caption.text, entities: caption.entities } : {}),
      ...(prepared.replyMarkup ? { replyMarkup: prepared.replyMarkup } : {}),
      file: {
        kind,
        fileId: primaryFileId,
        bytes: file.bytes,
        ...(file.fileName ? { fileName: file.fileName } : {}),
        ...(file.mimeType ? { mimeType: file.mimeType } : {}),
      },
      edits: [],
      deleted: false,
      message,
    });
    return message;
  };
}

const getFile: MethodHandler = (bot, params) => {
  const fileId = params.string('file_id');
  if (!fileId) throw badRequest('invalid file_id');
  const file = bot.files.issuePath(fileId);
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.bytes.length, file_path: file.filePath };
};

export const mediaMethods: Record<string, MethodHandler> = {
  sendPhoto: sendMedia('photo', 'sendPhoto'),
  sendDocument: sendMedia('document', 'sendDocument'),
  sendVoice: sendMedia('voice', 'sendVoice'),
  sendVideo: sendMedia('video', 'sendVideo'),
  sendAudio: sendMedia('audio', 'sendAudio'),
  sendSticker: sendMedia('sticker', 'sendSticker'),
  getFile,
};
