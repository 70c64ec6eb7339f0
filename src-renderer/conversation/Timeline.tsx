import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef } from 'react';
import type { MessageView } from '../../src-preload/contract';
import { useT } from '../i18n';
import { MessageBubble } from './MessageBubble';

const useStyles = makeStyles({
  timeline: {
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  older: { alignSelf: 'center' },
  empty: { color: tokens.colorNeutralForeground3, alignSelf: 'center' },
});

/** The messages oldest first; opens at the newest and follows new ones, pages back on request. */
export function Timeline(props: {
  messages: MessageView[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder(): void;
  onPromote(message: MessageView): void;
}) {
  const styles = useStyles();
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const newestId = props.messages[props.messages.length - 1]?.id;

  // Only a new newest message scrolls down; loading older ones keeps the officer's place. Before the
  // first paint: files load when they come into view, and the top of a long thread never shows.
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  }, [newestId]);

  return (
    <div ref={scroller} className={styles.timeline} data-testid="timeline">
      {props.hasOlder && (
        <Button className={styles.older} size="small" disabled={props.loadingOlder} onClick={props.onLoadOlder}>
          {t('conversation.older')}
        </Button>
      )}
      {props.messages.length === 0 && <Text className={styles.empty}>{t('conversation.noMessages')}</Text>}
      {props.messages.map((m) => (
        <MessageBubble key={m.id} message={m} onPromote={props.onPromote} />
      ))}
    </div>
  );
}
