import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { AttachRegular } from '@fluentui/react-icons';
import type { MessageView } from '../../src-preload/contract';
import { formatDateTime } from '../format/time';
import { useLanguage, useT } from '../i18n';

const useStyles = makeStyles({
  bubble: {
    maxWidth: '78%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  incoming: { alignSelf: 'flex-start', backgroundColor: tokens.colorNeutralBackground1 },
  outgoing: { alignSelf: 'flex-end', backgroundColor: tokens.colorBrandBackground2 },
  note: { alignSelf: 'flex-end', backgroundColor: tokens.colorPaletteYellowBackground1, border: `1px dashed ${tokens.colorPaletteYellowBorder2}` },
  activity: { alignSelf: 'center', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, textAlign: 'center', maxWidth: '90%' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  attachments: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** One entry of the timeline: direction, channel, delivery state, time in WITA, plain text. */
export function MessageItem(props: { message: MessageView }) {
  const styles = useStyles();
  const t = useT();
  const language = useLanguage((s) => s.language);
  const m = props.message;
  const time = formatDateTime(m.createdAt, language);

  if (m.direction === 'activity') {
    return (
      <div className={styles.activity} data-testid="message" data-direction="activity">
        {m.text} · {time}
      </div>
    );
  }
  return (
    <article className={mergeClasses(styles.bubble, styles[m.direction])} data-testid="message" data-direction={m.direction}>
      <div className={styles.meta}>
        <span>{t(`direction.${m.direction}`)}</span>
        <span>· {t(`channel.${m.channel}`)}</span>
        <span>· {time}</span>
        {m.delivery && (
          <span className={m.delivery === 'failed' ? styles.failed : undefined} title={m.failureReason ?? undefined}>
            · {t(`delivery.${m.delivery}`)}
            {m.delivery === 'failed' && m.failureReason ? `: ${m.failureReason}` : ''}
          </span>
        )}
      </div>
      <Text className={styles.text}>{m.text}</Text>
      {m.attachments.length > 0 && (
        <span className={styles.attachments}>
          <AttachRegular aria-hidden />
          {m.attachments.map((a) => a.fileName).join(', ')}
        </span>
      )}
    </article>
  );
}
