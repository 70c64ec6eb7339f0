import { Card, makeStyles, Subtitle1, Text, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useSession } from '../state/session';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { BrandMark } from './BrandMark';

const useStyles = makeStyles({
  page: {
    minHeight: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
    overflowY: 'auto',
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  card: { width: '420px', maxWidth: '100%', padding: tokens.spacingHorizontalXXL, gap: tokens.spacingVerticalL },
  intro: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
  office: { color: tokens.colorNeutralForeground2 },
});

/** The frame of the first-run and login screens: brand, office name, one card, language switch. */
export function AuthCard(props: { title: string; intro: string; children: ReactNode }) {
  const styles = useStyles();
  const t = useT();
  const officeName = useSession((s) => s.settings?.officeName);
  return (
    <main className={styles.page}>
      <div className={styles.brand}>
        <BrandMark size={40} />
        <div>
          <Subtitle1 as="p" block className={styles.heading}>
            {t('app.name')}
          </Subtitle1>
          {officeName && <Text className={styles.office}>{officeName}</Text>}
        </div>
      </div>
      <Card className={styles.card}>
        <Title2 as="h1" className={styles.heading}>
          {props.title}
        </Title2>
        <Text className={styles.intro}>{props.intro}</Text>
        {props.children}
      </Card>
      <LanguageSwitch />
    </main>
  );
}
