import { wordCoreMessages } from '../../src-common/messages';
import type { PushEvents } from '../../src-preload/contract';

/** A channel status as an Indonesian officer reads it (the renderer words the same codes). */
export const statusText = (s: Pick<PushEvents['channel.status'], 'detail'> | null | undefined): string => (s ? wordCoreMessages('id', s.detail) : '');
