// The real preload (src-preload/index.ts) against a stand-in for Electron's two preload objects,
// wired to the real IPC handler and a real core: window.pst → ipcRenderer → pst:call → dispatch.
import type { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PstBridge } from '../../src-preload/contract';
import { forwardEvents, IPC_EVENT, registerContractIpc, type InvokeEventLike } from '../../src-main/electron/ipc';
import { isTrustedSender } from '../../src-main/electron/policy';
import { WindowSessions } from '../../src-main/electron/sessions';
import { ADMIN, startTestCore, type TestCore } from '../helpers/core';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const main = { handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>() };
  // Filled by the mock factory: vi.hoisted runs before the imports above exist.
  const state: { renderer: EventEmitter | null } = { renderer: null };
  return { exposed, main, state };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const renderer = new Emitter();
  electron.state.renderer = renderer;
  const rendererDir = (await import('node:path')).join('/app', 'out', 'renderer');
  const url = (await import('node:url')).pathToFileURL(`${rendererDir}/index.html`).href;
  const event: InvokeEventLike = { sender: { id: 1 }, senderFrame: { url, parent: null } };
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        // Like contextBridge: the page gets a copy whose functions call back into the preload.
        electron.exposed.set(key, api);
      },
    },
    ipcRenderer: Object.assign(renderer, {
      invoke: async (channel: string, ...args: unknown[]) => {
        const handler = electron.main.handlers.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return structuredClone(await handler(event, ...structuredClone(args)));
      },
    }),
  };
});

let core: TestCore;
let pst: PstBridge;
let stopForwarding: () => void;

beforeAll(async () => {
  core = startTestCore();
  const sessions = new WindowSessions();
  registerContractIpc({
    ipcMain: {
      handle: (channel, listener) => void electron.main.handlers.set(channel, listener as never),
      removeHandler: (c) => void electron.main.handlers.delete(c),
    },
    dispatch: core.dispatch,
    sessions,
    isTrusted: (sender) => isTrustedSender(sender, { webContentsId: 1, renderer: { kind: 'file', rendererDir: join('/app', 'out', 'renderer') } }),
  });
  await import('../../src-preload/index');
  pst = electron.exposed.get('pst') as PstBridge;
  const renderer = electron.state.renderer as EventEmitter;
  // webContents.send(channel, ...args) arrives in the renderer as (event, ...args).
  stopForwarding = forwardEvents(core.services.events, () => ({
    isDestroyed: () => false,
    send: (channel, ...args) => void renderer.emit(channel, { sender: 'IpcRendererEvent with ports and sender' }, ...structuredClone(args)),
  }));
});
afterAll(async () => {
  stopForwarding();
  await core.dispose();
});

describe('preload bridge', () => {
  it('exposes exactly window.pst with call and on', () => {
    expect([...electron.exposed.keys()]).toEqual(['pst']);
    expect(Object.keys(pst).sort()).toEqual(['call', 'on']);
  });

  it('calls the contract through pst:call and gets results as data', async () => {
    expect(await pst.call('auth.status', {})).toEqual({ ok: true, value: { needsSetup: true, officer: null } });
    const admin = await pst.call('auth.setupAdmin', ADMIN);
    expect(admin).toMatchObject({ ok: true, value: { username: 'admin' } });
    expect(await pst.call('inbox.list', {})).toMatchObject({ ok: true, value: { items: [], total: 0 } });
    expect(await pst.call('auth.login', { username: 'admin', password: 'salah-sekali-123' })).toMatchObject({ ok: false });
  });

  it('delivers only the named event, only its payload, until unsubscribed', () => {
    const inbox: unknown[][] = [];
    const messages: unknown[][] = [];
    const offInbox = pst.on('inbox.changed', (...args: unknown[]) => inbox.push(args));
    const offMessages = pst.on('message.changed', (...args: unknown[]) => messages.push(args));

    core.services.events.emit('inbox.changed', { conversationIds: [4, 5] });
    core.services.events.emit('message.changed', { conversationId: 4, messageId: 11 });
    offInbox();
    core.services.events.emit('inbox.changed', { conversationIds: [6] });
    offMessages();

    expect(inbox).toEqual([[{ conversationIds: [4, 5] }]]);
    expect(messages).toEqual([[{ conversationId: 4, messageId: 11 }]]);
    expect((electron.state.renderer as EventEmitter).listenerCount(IPC_EVENT)).toBe(0);
  });
});
