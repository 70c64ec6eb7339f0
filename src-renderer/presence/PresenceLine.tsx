import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { EditRegular, EyeRegular } from '@fluentui/react-icons';
import { useShallow } from 'zustand/react/shallow';
import type { MessageView } from '../../src-preload/contract';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';
import { useSession } from '../state/session';
import { othersIn, usePresence } from './presence';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `0 ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground3 },
  typing: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  viewing: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
});

/**
 * Under the conversation's title: the colleagues who have it open (and who is typing in it), and
 * the last reply someone else sent, so two officers do not answer the same requester twice.
 */
export function PresenceLine(props: { conversationId: number; messages: MessageView[] }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const me = useSession((s) => s.officer?.id);
  const others = usePresence(useShallow((s) => othersIn(s.board, props.conversationId, me)));
  const typing = others.filter((p) => p.typing).map((p) => p.name);
  const viewing = others.filter((p) => !p.typing).map((p) => p.name);
  const lastOther = [...props.messages].reverse().find((m) => m.direction === 'outgoing' && m.authorOfficerId !== null && m.authorOfficerId !== me);
  if (typing.length === 0 && viewing.length === 0 && !lastOther) return null;
  return (
    <Text size={200} className={styles.line} data-testid="presence-line">
      {typing.length > 0 && (
        <span className={styles.typing} data-testid="presence-typing">
          <EditRegular aria-hidden />
          {t('presence.typing', { names: typing.join(', ') })}
        </span>
      )}
      {viewing.length > 0 && (
        <span className={styles.viewing} data-testid="presence-viewing">
          <EyeRegular aria-hidden />
          {t('presence.viewing', { names: viewing.join(', ') })}
        </span>
      )}
      {lastOther && (
        <span data-testid="presence-last-reply">
          {t('presence.lastReply', { name: lastOther.authorName ?? '', time: formatDateTime(lastOther.createdAt, language) })}
        </span>
      )}
    </Text>
  );
}

/** In an inbox row: who else has this consultation open (an eye, or a pencil while typing). */
export function RowPresence(props: { conversationId: number }) {
  const t = useT();
  const me = useSession((s) => s.officer?.id);
  const others = usePresence(useShallow((s) => othersIn(s.board, props.conversationId, me)));
  if (others.length === 0) return null;
  const names = others.map((p) => p.name).join(', ');
  const typing = others.some((p) => p.typing);
  return (
    <span title={typing ? t('presence.typing', { names }) : t('presence.viewing', { names })} data-testid="row-presence">
      {typing ? <EditRegular aria-label={t('presence.typing', { names })} /> : <EyeRegular aria-label={t('presence.viewing', { names })} />}
    </span>
  );
}
