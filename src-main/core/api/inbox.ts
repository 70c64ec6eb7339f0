import { createHash } from 'node:crypto';
import { z } from 'zod';
import { invalidInput, notFound } from '../errors';
import { conversationQueries } from '../workflow/conversation-queries';
import { messageQueries, toFtsQueries } from '../store/queries/messages';
import { indexAllMessages } from '../store/search-index';
import { ticketFromQuery } from '../domain/ticket';
import type { HandlerMap } from './define';
import { mutation, query, scratchWrite } from './define';
import { channel, empty, id, limit, status } from './schemas';

export const inboxHandlers = {
  'inbox.list': query<'inbox.list'>({
    access: 'officer',
    input: z.strictObject({
      filter: z
        .strictObject({
          queue: z.enum(['todo', 'new', 'unread', 'overdue', 'due_today', 'waiting', 'mine', 'unassigned']).optional(),
          status: z.array(status).max(6).optional(),
          channel: channel.optional(),
          mine: z.boolean().optional(),
          overdue: z.boolean().optional(),
        })
        .optional(),
      sort: z.enum(['queue', 'due', 'activity']).optional(),
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: limit(500, 50).optional(),
    }),
    run: (input, { core, officer }) => {
      const offset = input.offset ?? 0;
      const page = conversationQueries(core.db).page({
        filter: input.filter ?? {},
        sort: input.sort ?? 'due',
        offset,
        limit: input.limit ?? 50,
        officerId: officer!.id,
        now: core.now(),
      });
      return { ...page, offset };
    },
  }),

  'inbox.unreadCount': query<'inbox.unreadCount'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => ({ conversations: conversationQueries(core.db).unreadConversations() }),
  }),

  'inbox.counts': query<'inbox.counts'>({
    access: 'officer',
    input: empty,
    run: (_input, { core, officer }) => conversationQueries(core.db).counts(officer!.id, core.now()),
  }),

  'conversations.get': query<'conversations.get'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core }) => {
      const detail = conversationQueries(core.db).detail(input.id, core.now());
      if (!detail) throw notFound({ code: 'conversations.not_found' });
      return detail;
    },
  }),

  'conversations.markRead': mutation<'conversations.markRead'>({
    access: 'officer',
    input: z.strictObject({ id }),
    run: (input, { core }) => {
      const conversations = conversationQueries(core.db);
      if (!conversations.exists(input.id)) throw notFound({ code: 'conversations.not_found' });
      // Reading changes nothing else: a new consultation stays new and nobody's until someone acts on it.
      if (conversations.markRead(input.id)) core.events.emit('inbox.changed', { conversationIds: [input.id] });
      return null;
    },
    audit: (input) => ({ entityType: 'conversation', entityId: input.id }),
  }),

  // Presence is this console's own passing state: no audit row, nothing stored (domain/presence.ts).
  'presence.set': scratchWrite<'presence.set'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id.nullable(), typing: z.boolean() }),
    run: (input, { core, officer, session }) => {
      // The board keys a console by a digest of its session, never by the session token itself.
      const console = createHash('sha256')
        .update(session.get() ?? '')
        .digest('hex')
        .slice(0, 16);
      core.presence.set(console, { officerId: officer.id, name: officer.displayName }, input.conversationId, input.conversationId !== null && input.typing);
      return core.presence.list();
    },
  }),

  'presence.list': query<'presence.list'>({
    access: 'officer',
    input: empty,
    run: (_input, { core }) => core.presence.list(),
  }),

  'messages.list': query<'messages.list'>({
    access: 'officer',
    input: z.strictObject({ conversationId: id, beforeId: id.optional(), limit: limit(500, 100).optional() }),
    run: (input, { core }) => {
      if (!conversationQueries(core.db).exists(input.conversationId)) throw notFound({ code: 'conversations.not_found' });
      return messageQueries(core.db).list(input.conversationId, input.beforeId, input.limit ?? 100);
    },
  }),

  'search.messages': query<'search.messages'>({
    access: 'officer',
    input: z.strictObject({ query: z.string().max(200), limit: limit(200, 50).optional() }),
    run: (input, { core }) => {
      const fts = toFtsQueries(input.query);
      if (!fts) throw invalidInput({ code: 'conversations.search_empty' });
      // Messages stored since the indexer last ran (a sync in full flow) are indexed first.
      indexAllMessages(core.db);
      return messageQueries(core.db).search(fts, input.limit ?? 50);
    },
  }),

  'search.ticket': query<'search.ticket'>({
    access: 'officer',
    input: z.strictObject({ query: z.string().max(200) }),
    run: (input, { core }) => {
      const ticket = ticketFromQuery(input.query, core.now());
      if (!ticket) return null;
      // Hidden automated mail has OTOMATIS- references, never a KONS- ticket: nothing to exclude here.
      const row = core.db.prepare('SELECT id FROM conversations WHERE ticket = ?').get(ticket) as { id: number } | undefined;
      return row ? { conversationId: row.id, ticket } : null;
    },
  }),
} satisfies HandlerMap;
