import { technicalDetails } from '../channels/technical';
import { query, type HandlerMap } from './define';
import { empty } from './schemas';

export const channelHandlers = {
  'channels.technicalDetail': query<'channels.technicalDetail'>({
    access: 'admin',
    input: empty,
    run: (_input, { core }) => technicalDetails(core),
  }),
} satisfies HandlerMap;
