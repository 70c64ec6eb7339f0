import { Button, makeStyles, mergeClasses, Select, Spinner, Tab, TabList, Text, Textarea, tokens, Tooltip } from '@fluentui/react-components';
import { AttachRegular, ChatRegular, CheckmarkRegular, DismissRegular, SendRegular, NoteRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ConversationDetail, TemplateView, WalkInVia } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { useCall } from '../api/use-call';
import { useReconnected } from '../api/host-link';
import { ErrorBar } from '../components/ErrorBar';
import { reportTyping } from '../presence/presence';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { DraftSaver, loadDraft, type ComposerMode, type SaveState } from './drafts';
import { formatBytes, MAX_FILES, readFile, type PendingFile } from './files';
import { useCommands } from '../shortcuts/commands';
import { ChannelLimits } from './ChannelLimits';
import { DraftStatus } from './DraftStatus';
import { matchTemplates, TemplatePicker } from './TemplatePicker';
import { FillInDialog } from './FillInDialog';
import { BpsDataButton, BpsDataPanel, withLine } from './BpsDataPanel';
import { fillIn, fillInsOf } from '../../src-common/fill-ins';
import { useIncomingDraft } from '../similar/draft-insert';
import { whatsappChatLink } from '../../src-common/whatsapp';

const useStyles = makeStyles({
  root: {
    flexShrink: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  dropping: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-4px' },
  noteMode: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  editor: { position: 'relative' },
  textarea: { width: '100%' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    padding: `0 0 0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', rowGap: tokens.spacingVerticalXS },
  grow: { flexGrow: 1 },
  // One line in the bar, the whole signature on hover: the timeline above needs the height.
  signature: { color: tokens.colorNeutralForeground3, maxWidth: '260px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', cursor: 'help' },
  signatureFull: { whiteSpace: 'pre-wrap' },
});

/** A press of `r` older than this (the conversation took long to load) no longer moves the focus. */
const REPLY_FOCUS_WINDOW_MS = 3000;

// The `/query` just before the cursor, at the start of a line or after a space.
const SLASH = /(^|\s)\/([^\s/]*)$/;

/** Reply or private note for one conversation: templates by `/`, files, draft kept, Ctrl+Enter. */
export function Composer(props: { conversation: ConversationDetail; latestMessageId: number; onSent(): void }) {
  const styles = useStyles();
  const t = useT();
  const c = props.conversation;
  // A walk-in or phone consultation has no channel to send through: its answers are recorded.
  const recordsAnswers = c.channel === 'manual';
  // WhatsApp answers leave from the office's WhatsApp (click-to-chat) and are recorded once the
  // officer confirms they went: the console itself never sends on WhatsApp.
  const viaWhatsapp = c.channel === 'whatsapp';
  const [openedInWhatsapp, setOpenedInWhatsapp] = useState<string | null>(null);
  // A visitor may phone back later: the officer says how this answer was given (default: how the
  // consultation came in).
  const [answeredVia, setAnsweredVia] = useState<WalkInVia | 'email' | 'telegram'>(c.subject === 'Konsultasi telepon' ? 'telepon' : 'langsung');
  // Or it is sent after all, to the requester's email or linked Telegram chat when known.
  const sendVia = recordsAnswers && (answeredVia === 'email' || answeredVia === 'telegram') ? answeredVia : null;
  // Files go with a message the console sends; not with an answer given at the desk or a WhatsApp text sent from the phone.
  const canAttach = (!recordsAnswers || sendVia !== null) && !viaWhatsapp;
  const signature = useSession((s) => s.officer?.signature ?? '');
  const officerId = useSession((s) => s.officer?.id ?? 0);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [loaded, setLoaded] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const saver = useRef<DraftSaver | null>(null);
  const submitting = useRef(false);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  // Asked for only when the officer first types `/`: most replies never use a template.
  const [wantTemplates, setWantTemplates] = useState(false);
  const templateList = useCall('templates.list', {}, { enabled: wantTemplates });
  // Only the library of standard answers: what the console sends by itself, and retired answers, are not offered.
  const templates = templateList.data?.filter((tpl) => tpl.systemKey === null && !tpl.retired) ?? (templateList.error ? [] : null);
  const [fillIns, setFillIns] = useState<string[]>([]);
  const [slash, setSlash] = useState<{ query: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLTextAreaElement>(null);
  // `r` focuses the composer, also when it was pressed while this conversation was still loading.
  const replyAt = useCommands((s) => s.replyAt);
  const handledReply = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useAction();
  // What the officer had in view when they opened the thread (or last sent, or were told of newer
  // messages): the core refuses a reply once when the requester or a colleague wrote after it.
  const latest = useRef(props.latestMessageId);
  latest.current = props.latestMessageId;
  const seenUpTo = useRef<number | null>(null);
  if (seenUpTo.current === null && props.latestMessageId > 0) seenUpTo.current = props.latestMessageId;
  const [bpsOpen, setBpsOpen] = useState(false);

  // The officer's draft from the core; saved again on leaving the conversation or the page.
  useEffect(() => {
    let cancelled = false;
    void loadDraft(officerId, c.id).then((loadedDraft) => {
      if (cancelled) return;
      const draft = loadedDraft.draft;
      saver.current = new DraftSaver(officerId, c.id, loadedDraft.base, loadedDraft.saved, setSaveState);
      setText(draft.text);
      setMode(draft.mode);
      setSaveState(loadedDraft.saved.text.trim() ? 'saved' : 'idle');
      saver.current.change(draft);
      setLoaded(true);
    });
    const onPageHide = () => void saver.current?.flush();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', onPageHide);
      void saver.current?.flush();
      saver.current = null;
    };
  }, [c.id, officerId]);

  useEffect(() => {
    if (loaded) saver.current?.change({ text, mode });
  }, [text, mode, loaded]);
  // Typed while the host was unreachable: kept on this PC until now, saved to the host at once.
  useReconnected(() => void saver.current?.flush());
  useEffect(() => {
    if (!loaded || replyAt === handledReply.current || Date.now() - replyAt > REPLY_FOCUS_WINDOW_MS) return;
    handledReply.current = replyAt;
    input.current?.focus();
  }, [replyAt, loaded]);

  // An earlier answer taken from the similar consultations: after what is already written, files added.
  useIncomingDraft(c.id, loaded, (draft) => {
    setMode('reply');
    setText((current) => (current.trim() ? `${current.trimEnd()}\n\n${draft.text}` : draft.text));
    setFillIns(draft.fillIns);
    if (!recordsAnswers && draft.files.length > 0) {
      if (files.length + draft.files.length > MAX_FILES) setFileError(t('composer.tooManyFiles', { n: MAX_FILES }));
      setFiles((old) => [...old, ...draft.files.slice(0, Math.max(0, MAX_FILES - old.length))]);
    }
    requestAnimationFrame(() => input.current?.focus());
  });

  const matches = slash && templates ? matchTemplates(templates, slash.query) : [];

  function detectSlash(value: string, cursor: number) {
    const match = SLASH.exec(value.slice(0, cursor));
    if (!match) return setSlash(null);
    setSlash({ query: match[2] ?? '', start: cursor - (match[2]?.length ?? 0) - 1 });
    setActive(0);
    setWantTemplates(true);
  }

  async function pick(template: TemplateView) {
    if (!slash) return;
    const rendered = await send.run(() => api.call('templates.render', { id: template.id, conversationId: c.id }));
    if (rendered === null) return;
    if (rendered.files.length > 0 && mode === 'reply' && canAttach) {
      const room = MAX_FILES - files.length;
      if (rendered.files.length > room) setFileError(t('composer.tooManyFiles', { n: MAX_FILES }));
      setFiles((old) => [...old, ...rendered.files.slice(0, Math.max(0, room))]);
    }
    setFillIns(rendered.fillIns);
    const cursor = input.current?.selectionStart ?? text.length;
    const next = text.slice(0, slash.start) + rendered.text + text.slice(cursor);
    setText(next);
    setSlash(null);
    const at = slash.start + rendered.text.length;
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  }

  async function addFiles(list: FileList | File[]) {
    setFileError(null);
    const picked = [...list];
    if (files.length + picked.length > MAX_FILES) return setFileError(t('composer.tooManyFiles', { n: MAX_FILES }));
    const read = await Promise.all(picked.map(readFile));
    const tooLarge = read.flatMap((r) => ('tooLarge' in r ? [r.tooLarge] : []));
    if (tooLarge.length > 0) setFileError(t('composer.tooLarge', { names: tooLarge.join(', ') }));
    setFiles((old) => [...old, ...read.filter((r): r is PendingFile => !('tooLarge' in r))]);
  }

  async function submit() {
    const body = text.trim();
    if (!body || send.busy || submitting.current) return;
    // A standard answer's blanks must never reach a requester as "{isi:…}".
    const open = mode === 'note' ? [] : fillInsOf(body);
    if (open.length > 0) return setFileError(t('composer.fillInLeft', { labels: open.join(', ') }));
    submitting.current = true;
    // No draft save may land after the send, which clears the draft in the core.
    await saver.current?.hold();
    const sent =
      mode === 'note'
        ? await send.run(() => api.call('messages.addNote', { conversationId: c.id, text: body }))
        : (recordsAnswers && sendVia === null) || viaWhatsapp
          ? await send.run(() =>
              api.call('messages.recordAnswer', { conversationId: c.id, text: body, via: viaWhatsapp ? 'whatsapp' : (answeredVia as WalkInVia) }),
            )
          : await send.run(() =>
              api.call('messages.send', {
                conversationId: c.id,
                text: body,
                ...(seenUpTo.current ? { seenUpToMessageId: seenUpTo.current } : {}),
                ...(sendVia ? { via: sendVia } : {}),
                ...(files.length ? { attachments: files.map(({ fileName, mimeType, contentBase64 }) => ({ fileName, mimeType, contentBase64 })) } : {}),
              }),
            );
    submitting.current = false;
    // Told of newer messages (or any failure): they are on screen now, so the next Kirim sends.
    seenUpTo.current = latest.current;
    if (sent === null) return saver.current?.release();
    saver.current?.sent(mode);
    setOpenedInWhatsapp(null);
    setText('');
    setFiles([]);
    props.onSent();
  }

  /** Opens WhatsApp Desktop or the browser with the answer typed in; the officer presses send there. */
  function openInWhatsapp() {
    const body = text.trim();
    if (!body || !c.requester.whatsapp) return;
    const open = fillInsOf(body);
    if (open.length > 0) return setFileError(t('composer.fillInLeft', { labels: open.join(', ') }));
    window.open(whatsappChatLink(c.requester.whatsapp, body), '_blank', 'noopener,noreferrer');
    setOpenedInWhatsapp(body);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (slash && matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const chosen = matches[active];
        if (chosen) void pick(chosen);
        return;
      }
    }
    if (slash && e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setSlash(null);
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (viaWhatsapp && mode === 'reply') openInWhatsapp();
      else void submit();
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    if (mode === 'reply' && canAttach && e.dataTransfer.files.length) void addFiles(e.dataTransfer.files);
  };

  return (
    <div
      className={mergeClasses(styles.root, dropping && styles.dropping, mode === 'note' && styles.noteMode)}
      onDragOver={(e) => {
        if (mode !== 'reply') return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
      data-testid="composer"
    >
      <TabList size="small" selectedValue={mode} onTabSelect={(_, d) => setMode(d.value as ComposerMode)}>
        <Tab value="reply" icon={<SendRegular />}>
          {recordsAnswers ? t('composer.recordAnswer') : t('composer.reply')}
        </Tab>
        <Tab value="note" icon={<NoteRegular />}>
          {t('composer.note')}
        </Tab>
      </TabList>
      {bpsOpen && mode === 'reply' && <BpsDataPanel onInsert={(line) => setText((current) => withLine(current, line))} onClose={() => setBpsOpen(false)} />}
      <div className={styles.editor}>
        {slash && templates && <TemplatePicker matches={matches} active={active} onPick={(tpl) => void pick(tpl)} />}
        <Textarea
          id="composer-input"
          className={styles.textarea}
          textarea={{ ref: input, 'aria-label': mode === 'note' ? t('composer.noteLabel') : t('composer.replyLabel') }}
          resize="vertical"
          rows={3}
          value={text}
          readOnly={!loaded}
          placeholder={mode === 'note' ? t('composer.notePlaceholder') : t('composer.replyPlaceholder')}
          onChange={(e, d) => {
            setText(d.value);
            reportTyping();
            detectSlash(d.value, (e.target as HTMLTextAreaElement).selectionStart ?? d.value.length);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setSlash(null)}
        />
      </div>
      {files.length > 0 && (
        <div className={styles.chips} data-testid="composer-files">
          {files.map((f, i) => (
            <span key={`${f.fileName}-${i}`} className={styles.chip}>
              {f.fileName} · {formatBytes(f.size)}
              <Button
                size="small"
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label={t('composer.removeFile', { name: f.fileName })}
                onClick={() => setFiles((old) => old.filter((_, j) => j !== i))}
              />
            </span>
          ))}
        </div>
      )}
      <ErrorBar error={send.error ?? fileError ?? templateList.error?.message ?? null} testId="composer-error" />
      <div className={styles.bar}>
        {mode === 'reply' && canAttach && (
          <>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              onChange={(e) => e.target.files && void addFiles(e.target.files).then(() => (e.target.value = ''))}
              data-testid="composer-file-input"
            />
            <Tooltip content={t('composer.attachHint')} relationship="description">
              <Button appearance="subtle" icon={<AttachRegular />} onClick={() => fileInput.current?.click()}>
                {t('composer.attach')}
              </Button>
            </Tooltip>
          </>
        )}
        {mode === 'reply' && recordsAnswers && (
          <Select
            size="small"
            value={answeredVia}
            onChange={(_, d) => setAnsweredVia(d.value as typeof answeredVia)}
            aria-label={t('composer.answeredVia')}
            data-testid="composer-answered-via"
          >
            <option value="langsung">{t('composer.answeredInPerson')}</option>
            <option value="telepon">{t('composer.answeredByPhone')}</option>
            {c.walkInReplyChannels.includes('email') && <option value="email">{t('composer.sendByEmail', { address: c.requester.email ?? '' })}</option>}
            {c.walkInReplyChannels.includes('telegram') && <option value="telegram">{t('composer.sendByTelegram')}</option>}
          </Select>
        )}
        {mode === 'reply' && <BpsDataButton open={bpsOpen} onToggle={() => setBpsOpen((open) => !open)} />}
        <ChannelLimits channel={sendVia ?? c.channel} mode={mode} text={text} canSendToo={c.walkInReplyChannels.length > 0} />
        {mode === 'reply' && (c.channel === 'email' || sendVia === 'email') && (
          <Tooltip
            relationship="description"
            content={
              <span className={styles.signatureFull}>
                {signature.trim() ? `${t('composer.signatureAdded')}\n-- \n${signature.trim()}` : t('composer.noSignature')}
              </span>
            }
          >
            <Text size={200} className={styles.signature} tabIndex={0} data-testid="composer-signature">
              {signature.trim() ? t('composer.signatureShort') : t('composer.noSignatureShort')}
            </Text>
          </Tooltip>
        )}
        <span className={styles.grow} />
        <DraftStatus state={saveState} />
        {mode === 'reply' && viaWhatsapp ? (
          <Tooltip content={c.requester.whatsapp ? t('whatsapp.sendHint') : t('whatsapp.noNumber')} relationship="description">
            <Button
              appearance="primary"
              icon={<ChatRegular />}
              disabled={!text.trim() || !c.requester.whatsapp || send.busy}
              onClick={openInWhatsapp}
              data-testid="composer-whatsapp-send"
            >
              {t('whatsapp.send')}
            </Button>
          </Tooltip>
        ) : (
          <Tooltip content={t('composer.ctrlEnter')} relationship="description">
            <Button
              appearance="primary"
              icon={send.busy ? <Spinner size="tiny" /> : mode === 'note' ? <NoteRegular /> : <SendRegular />}
              disabled={!text.trim() || send.busy}
              onClick={() => void submit()}
            >
              {mode === 'note' ? t('composer.saveNote') : recordsAnswers && sendVia === null ? t('composer.saveAnswer') : t('composer.send')}
            </Button>
          </Tooltip>
        )}
      </div>
      {mode === 'reply' && viaWhatsapp && openedInWhatsapp !== null && (
        <div className={styles.bar} data-testid="whatsapp-confirm">
          <Text weight="semibold">{t('whatsapp.confirmQuestion')}</Text>
          <Button
            appearance="primary"
            icon={send.busy ? <Spinner size="tiny" /> : <CheckmarkRegular />}
            disabled={send.busy || openedInWhatsapp !== text.trim()}
            onClick={() => void submit()}
          >
            {t('whatsapp.confirmSent')}
          </Button>
          <Button appearance="subtle" onClick={() => setOpenedInWhatsapp(null)}>
            {t('whatsapp.notSent')}
          </Button>
        </div>
      )}
      {fillIns.length > 0 && (
        <FillInDialog
          labels={fillIns}
          onClose={() => setFillIns([])}
          onDone={(answers) => {
            setText((current) => fillIn(current, answers));
            setFillIns([]);
            requestAnimationFrame(() => input.current?.focus());
          }}
        />
      )}
    </div>
  );
}
