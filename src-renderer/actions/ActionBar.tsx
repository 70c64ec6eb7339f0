import { Button, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, tokens, Toolbar } from '@fluentui/react-components';
import {
  ArrowReplyRegular,
  ArrowUndoRegular,
  ChatRegular,
  CheckmarkCircleRegular,
  ClipboardCheckmarkRegular,
  HandRightRegular,
  MegaphoneRegular,
  MoreHorizontalRegular,
  PauseRegular,
  PersonArrowRightRegular,
  PlayRegular,
  StarRegular,
} from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ConversationDetail, MessageView } from '../../src-preload/contract';
import { api } from '../api/client';
import { useAction } from '../api/use-action';
import { ErrorBar } from '../components/ErrorBar';
import { FormDialog } from '../components/FormDialog';
import { CreateComplaintDialog } from '../complaints/CreateComplaintDialog';
import { useT } from '../i18n';
import { roleAllows } from '../../src-common/roles';
import { useCommands } from '../shortcuts/commands';
import { useSession } from '../state/session';
import { AssignMenu } from './AssignMenu';
import { RatingDialog } from './RatingDialog';
import { ImportChatDialog } from '../whatsapp/ImportChatDialog';
import { whatsappChatLink } from '../../src-common/whatsapp';

/** Click-to-chat: WhatsApp Desktop or the browser opens with the text typed in. */
const openWhatsapp = (number: string, text: string) => void window.open(whatsappChatLink(number, text), '_blank', 'noopener,noreferrer');
import { ReasonDialog } from './ReasonDialog';
import { ResolveDialog } from './ResolveDialog';

type DialogName = 'resolve' | 'reopen' | 'wait' | 'requirementsOn' | 'requirementsOff' | 'rating' | 'complaint' | 'takeOver' | 'whatsappImport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  toolbar: { flexWrap: 'wrap', padding: 0 },
});

/** What the officer can do with this consultation now, each through its contract method. */
export function ActionBar(props: {
  conversation: ConversationDetail;
  promote: MessageView | null;
  onPromoteDone(): void;
  onChanged(detail: ConversationDetail): void;
}) {
  const styles = useStyles();
  const t = useT();
  const c = props.conversation;
  const officer = useSession((s) => s.officer);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const action = useAction();
  const resolveRequests = useCommands((s) => s.resolve);
  const seen = useRef(resolveRequests);
  const open = c.status !== 'resolved' && c.status !== 'rated';

  // The `e` shortcut asks for the resolve dialog.
  useEffect(() => {
    if (resolveRequests !== seen.current && open) setDialog('resolve');
    seen.current = resolveRequests;
  }, [resolveRequests, open]);
  useEffect(() => {
    if (props.promote) setDialog('complaint');
  }, [props.promote]);

  const close = () => {
    setDialog(null);
    action.clearError();
    if (props.promote) props.onPromoteDone();
  };
  async function apply(call: () => ReturnType<typeof api.call<'conversations.get'>>) {
    const detail = await action.run(call);
    if (detail) {
      props.onChanged(detail);
      setDialog(null);
    }
  }

  const mine = c.assigneeId === officer?.id;
  const colleagues = c.assigneeId !== null && !mine;
  const supervisor = officer ? roleAllows(officer.role, 'supervisor') : false;
  const requestReply = useCommands((s) => s.requestReply);
  // One primary action, the next step: take it, answer it, then close it. A manual consultation is answered through "Catat jawaban" in the composer.
  const next: 'claim' | 'reply' | 'resolve' | null = !open ? null : !mine ? 'claim' : c.firstResponseAt === null ? 'reply' : 'resolve';
  const claim = () => (colleagues ? setDialog('takeOver') : void apply(() => api.call('conversations.claim', { id: c.id })));
  return (
    <div className={styles.root}>
      <Toolbar size="small" className={styles.toolbar} aria-label={t('actions.label')} data-testid="action-bar">
        {open && !mine && (
          <Button
            size="small"
            appearance={next === 'claim' ? 'primary' : 'secondary'}
            icon={<HandRightRegular />}
            onClick={claim}
            data-testid={next === 'claim' ? 'next-action' : undefined}
          >
            {t('actions.claim')}
          </Button>
        )}
        {next === 'reply' && (
          <Button size="small" appearance="primary" icon={<ArrowReplyRegular />} onClick={requestReply} data-testid="next-action">
            {t('actions.reply')}
          </Button>
        )}
        {open && supervisor && <AssignMenu conversation={c} action={action} onChanged={props.onChanged} />}
        {open && c.requirementsCompleteAt === null && (
          <Button size="small" icon={<ClipboardCheckmarkRegular />} onClick={() => setDialog('requirementsOn')}>
            {t('actions.requirementsOn')}
          </Button>
        )}
        {c.status === 'in_progress' && (
          <Button size="small" icon={<PauseRegular />} onClick={() => setDialog('wait')}>
            {t('actions.wait')}
          </Button>
        )}
        {c.status === 'waiting_requester' && (
          <Button size="small" icon={<PlayRegular />} onClick={() => void apply(() => api.call('conversations.resume', { id: c.id }))}>
            {t('actions.resume')}
          </Button>
        )}
        {open && (
          <Button
            size="small"
            appearance={next === 'resolve' ? 'primary' : 'secondary'}
            icon={<CheckmarkCircleRegular />}
            onClick={() => setDialog('resolve')}
            data-testid={next === 'resolve' ? 'next-action' : undefined}
          >
            {t('actions.resolve')}
          </Button>
        )}
        {!open && (
          <Button size="small" icon={<ArrowUndoRegular />} onClick={() => setDialog('reopen')}>
            {t('actions.reopen')}
          </Button>
        )}
        {c.status === 'resolved' && c.channel === 'whatsapp' && c.requester.whatsapp && (
          <Button
            size="small"
            icon={<ChatRegular />}
            onClick={() => openWhatsapp(c.requester.whatsapp!, t('whatsapp.ratingText', { nama: c.requester.name ?? '', tiket: c.ticket }))}
            data-testid="whatsapp-ask-rating"
          >
            {t('whatsapp.askRating')}
          </Button>
        )}
        {c.status === 'resolved' && (
          <Button size="small" icon={<StarRegular />} onClick={() => setDialog('rating')}>
            {t('actions.rating')}
          </Button>
        )}
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button size="small" appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={t('actions.more')} />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<MegaphoneRegular />} onClick={() => setDialog('complaint')}>
                {t('actions.complaint')}
              </MenuItem>
              {c.channel === 'whatsapp' && (
                <MenuItem icon={<ChatRegular />} onClick={() => setDialog('whatsappImport')} data-testid="whatsapp-import-into">
                  {t('whatsapp.importButton')}
                </MenuItem>
              )}
              {open && c.requirementsCompleteAt !== null && (
                <MenuItem icon={<ClipboardCheckmarkRegular />} onClick={() => setDialog('requirementsOff')}>
                  {t('actions.requirementsOff')}
                </MenuItem>
              )}
              {open && mine && (
                <MenuItem icon={<PersonArrowRightRegular />} onClick={() => void apply(() => api.call('conversations.assign', { id: c.id, officerId: null }))}>
                  {t('actions.release')}
                </MenuItem>
              )}
            </MenuList>
          </MenuPopover>
        </Menu>
      </Toolbar>
      {dialog === null && <ErrorBar error={action.error} testId="action-error" />}
      {dialog === 'resolve' && (
        <ResolveDialog
          initialTopic={c.topic}
          action={action}
          onClose={close}
          onSubmit={(summary, topic) => void apply(() => api.call('conversations.resolve', { id: c.id, summary, topic }))}
        />
      )}
      {dialog === 'reopen' && (
        <ReasonDialog
          title={t('actions.reopenTitle')}
          label={t('actions.reason')}
          submitLabel={t('actions.reopen')}
          required
          action={action}
          onClose={close}
          onSubmit={(reason) => void apply(() => api.call('conversations.reopen', { id: c.id, reason }))}
        />
      )}
      {dialog === 'wait' && (
        <ReasonDialog
          title={t('actions.waitTitle')}
          label={t('actions.waitReason')}
          submitLabel={t('actions.wait')}
          required={false}
          action={action}
          onClose={close}
          onSubmit={(reason) => void apply(() => api.call('conversations.waitForRequester', { id: c.id, ...(reason ? { reason } : {}) }))}
        />
      )}
      {(dialog === 'requirementsOn' || dialog === 'requirementsOff') && (
        <ReasonDialog
          title={dialog === 'requirementsOn' ? t('actions.requirementsOnTitle') : t('actions.requirementsOffTitle')}
          label={t('actions.reason')}
          submitLabel={dialog === 'requirementsOn' ? t('actions.requirementsOn') : t('actions.requirementsOff')}
          required
          action={action}
          onClose={close}
          onSubmit={(reason) =>
            void apply(() => api.call('conversations.setRequirementsComplete', { id: c.id, complete: dialog === 'requirementsOn', reason }))
          }
        />
      )}
      {dialog === 'rating' && (
        <RatingDialog
          action={action}
          {...(c.channel === 'whatsapp' ? { defaultVia: 'whatsapp' as const } : {})}
          onClose={close}
          onSubmit={async (score, feedback, via) => {
            const rating = await action.run(() => api.call('ratings.record', { conversationId: c.id, score, via, ...(feedback ? { feedback } : {}) }));
            if (rating) {
              setDialog(null);
              const fresh = await api.call('conversations.get', { id: c.id });
              if (fresh.ok) props.onChanged(fresh.value);
            }
          }}
        />
      )}
      {dialog === 'takeOver' && (
        <FormDialog
          open
          title={t('actions.takeOverTitle')}
          submitLabel={t('actions.takeOver')}
          busy={action.busy}
          error={action.error}
          onClose={close}
          onSubmit={() => void apply(() => api.call('conversations.claim', { id: c.id, takeOver: true }))}
          testId="take-over-dialog"
        >
          {t('actions.takeOverBody', { name: c.assigneeName ?? '' })}
        </FormDialog>
      )}
      {dialog === 'whatsappImport' && (
        <ImportChatDialog
          into={c}
          onClose={close}
          onImported={(done) => {
            props.onChanged(done.conversation);
          }}
        />
      )}
      {dialog === 'complaint' && <CreateComplaintDialog fromMessage={props.promote ?? undefined} onClose={close} onCreated={close} />}
    </div>
  );
}
