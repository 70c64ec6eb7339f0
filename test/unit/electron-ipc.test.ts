import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthStatus, Result } from '../../src-preload/contract';
import { forwardEvents, IPC_CALL, IPC_EVENT, registerContractIpc, type InvokeEventLike, type IpcMainLike } from '../../src-main/electron/ipc';
import { isTrustedSender, type RendererLocation } from '../../src-main/electron/policy';
import { WindowSessions } from '../../src-main/electron/sessions';
import { ADMIN, startTestCore, type TestCore } from '../helpers/core';

const rendererDir = join('/app', 'out', 'renderer');
const renderer: RendererLocation = { kind: 'file', rendererDir };
const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href;
const MAIN_WINDOW = 1;

/** ipcMain as a plain registry; invoke() structured-clones both ways like real IPC does. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = async (event: InvokeEventLike, ...args: unknown[]) => {
    const handler = handlers.get(IPC_CALL);
    if (!handler) throw new Error('No handler registered for pst:call');
    return structuredClone(await handler(event, ...structuredClone(args))) as Result<unknown>;
  };
  return { ipcMain, handlers, invoke };
}

const fromWindow = (id: number, url = indexUrl, parent: unknown = null): InvokeEventLike => ({ sender: { id }, senderFrame: { url, parent } });

let core: TestCore;
let sessions: WindowSessions;
let ipc: ReturnType<typeof fakeIpcMain>;
let rejected: number;
let unregister: () => void;

beforeEach(() => {
  core = startTestCore();
  sessions = new WindowSessions();
  ipc = fakeIpcMain();
  rejected = 0;
  unregister = registerContractIpc({
    ipcMain: ipc.ipcMain,
    dispatch: core.dispatch,
    sessions,
    isTrusted: (sender) => isTrustedSender(sender, { webContentsId: MAIN_WINDOW, renderer }),
    onRejected: () => rejected++,
  });
});
afterEach(() => core.dispose());

describe('pst:call', () => {
  it('runs the contract for the main window and keeps the login in the main process', async () => {
    const setup = await ipc.invoke(fromWindow(MAIN_WINDOW), 'auth.setupAdmin', ADMIN);
    expect(setup).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    // The token never crosses to the renderer…
    const token = sessions.slotFor(MAIN_WINDOW).get();
    expect(token).toMatch(/\S{20,}/);
    expect(JSON.stringify(setup)).not.toContain(token!);
    // …yet the window is logged in on its next call.
    const status = (await ipc.invoke(fromWindow(MAIN_WINDOW), 'auth.status', {})) as Result<AuthStatus>;
    expect(status.ok && status.value.officer?.username).toBe('admin');
    expect(await ipc.invoke(fromWindow(MAIN_WINDOW), 'inbox.list', {})).toMatchObject({ ok: true, value: { total: 0 } });

    expect(await ipc.invoke(fromWindow(MAIN_WINDOW), 'auth.logout', {})).toEqual({ ok: true, value: null });
    expect(sessions.slotFor(MAIN_WINDOW).get()).toBeNull();
    expect(await ipc.invoke(fromWindow(MAIN_WINDOW), 'inbox.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('ends the login when the window goes away', async () => {
    await ipc.invoke(fromWindow(MAIN_WINDOW), 'auth.setupAdmin', ADMIN);
    sessions.forget(MAIN_WINDOW);
    expect(sessions.size).toBe(0);
    expect(await ipc.invoke(fromWindow(MAIN_WINDOW), 'inbox.list', {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('rejects other windows, subframes, foreign pages and detached frames before dispatching', async () => {
    const attempts: InvokeEventLike[] = [
      fromWindow(2),
      fromWindow(MAIN_WINDOW, indexUrl, { url: indexUrl }),
      fromWindow(MAIN_WINDOW, 'https://evil.example/'),
      fromWindow(MAIN_WINDOW, pathToFileURL('/tmp/evil.html').href),
      { sender: { id: MAIN_WINDOW }, senderFrame: null },
    ];
    for (const event of attempts) {
      expect(await ipc.invoke(event, 'auth.setupAdmin', ADMIN)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(rejected).toBe(attempts.length);
    // None of them reached the core: the first-run admin still does not exist.
    expect(await core.must('auth.status', {})).toMatchObject({ needsSetup: true });
  });

  it('answers malformed calls as data', async () => {
    for (const method of [42, '', 'x'.repeat(101), null]) {
      expect(await ipc.invoke(fromWindow(MAIN_WINDOW), method, {})).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    expect(await ipc.invoke(fromWindow(MAIN_WINDOW), 'no.such', {})).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(await ipc.invoke(fromWindow(MAIN_WINDOW), 'auth.login', { username: 3 })).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
  });

  it('unregisters', () => {
    expect(ipc.handlers.has(IPC_CALL)).toBe(true);
    unregister();
    expect(ipc.handlers.has(IPC_CALL)).toBe(false);
  });
});

describe('push events', () => {
  it('forwards core events to the current window and skips a destroyed one', () => {
    const sent: unknown[][] = [];
    let destroyed = false;
    let current: { isDestroyed(): boolean; send(...args: unknown[]): void } | null = null;
    const stop = forwardEvents(core.services.events, () => current);

    core.services.events.emit('inbox.changed', { conversationIds: [1] });
    current = { isDestroyed: () => destroyed, send: (...args) => sent.push(args) };
    core.services.events.emit('message.changed', { conversationId: 1, messageId: 9 });
    destroyed = true;
    core.services.events.emit('inbox.changed', { conversationIds: [2] });
    destroyed = false;
    stop();
    core.services.events.emit('inbox.changed', { conversationIds: [3] });

    expect(sent).toEqual([[IPC_EVENT, 'message.changed', { conversationId: 1, messageId: 9 }]]);
  });
});
