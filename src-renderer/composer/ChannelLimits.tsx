import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Channel } from '../../src-preload/contract';
import { useT } from '../i18n';
import type { ComposerMode } from './drafts';
import { splitTelegramText, TELEGRAM_MAX_TEXT } from '../../src-common/telegram-text';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
});

// One formatter for every render: toLocaleString builds a new one per call, which showed in the profile.
const count = new Intl.NumberFormat('id-ID');

/** What the channel allows, next to what the officer is writing. */
export function ChannelLimits(props: { channel: Channel; mode: ComposerMode; text: string; canSendToo?: boolean }) {
  const styles = useStyles();
  const t = useT();
  if (props.mode === 'note')
    return (
      <Text size={200} className={styles.hint}>
        {t('composer.noteHint')}
      </Text>
    );
  if (props.channel === 'email')
    return (
      <Text size={200} className={styles.hint}>
        {t('composer.emailLimits')}
      </Text>
    );
  if (props.channel === 'whatsapp')
    return (
      <Text size={200} className={styles.hint}>
        {t('whatsapp.composerHint')}
      </Text>
    );
  if (props.channel === 'manual')
    return (
      <Text size={200} className={styles.hint}>
        {t(props.canSendToo ? 'composer.manualHintSend' : 'composer.manualHint')}
      </Text>
    );
  const length = props.text.trim().length;
  const parts = splitTelegramText(props.text.trim()).length;
  return (
    <Text size={200} className={parts > 1 ? styles.warn : styles.hint} data-testid="composer-limit">
      {parts > 1
        ? t('composer.telegramSplit', { n: count.format(length), max: count.format(TELEGRAM_MAX_TEXT), parts })
        : t('composer.telegramCount', { n: count.format(length), max: count.format(TELEGRAM_MAX_TEXT) })}
    </Text>
  );
}
