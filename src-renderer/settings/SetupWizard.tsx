import { Button, makeStyles, mergeClasses, Text, Title2, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { BrandMark } from '../components/BrandMark';
import { useT, type MessageKey } from '../i18n';
import { OfficersCard } from './OfficersCard';
import { useSession } from '../state/session';
import { CalendarSettings } from './CalendarSettings';
import { EmailSettings } from './EmailSettings';
import { SignatureSettings } from './SignatureSettings';
import { TelegramSettings } from './TelegramSettings';
import { TemplatesSettings } from './TemplatesSettings';

const useStyles = makeStyles({
  page: {
    height: '100%',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground2,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
  },
  inner: { maxWidth: '920px', margin: '0 auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, '> *': { flexShrink: 0 } },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  steps: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', margin: 0, padding: 0, listStyle: 'none' },
  step: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  current: { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackground, border: `1px solid ${tokens.colorBrandBackground}` },
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'flex-end',
    position: 'sticky',
    bottom: 0,
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const STEPS: { label: MessageKey; view: () => ReactElement }[] = [
  { label: 'wizard.telegram', view: () => <TelegramSettings /> },
  { label: 'wizard.email', view: () => <EmailSettings /> },
  { label: 'wizard.calendar', view: () => <CalendarSettings /> },
  { label: 'wizard.templates', view: () => <TemplatesSettings /> },
  { label: 'wizard.officers', view: () => <OfficersCard /> },
  { label: 'wizard.signature', view: () => <SignatureSettings /> },
];

/** After the admin account: the channels, hours, templates, officers and signature, one step at a time; each skippable. */
export function SetupWizard() {
  const styles = useStyles();
  const t = useT();
  const endWizard = useSession((s) => s.endWizard);
  const [step, setStep] = useState(0);
  const last = step === STEPS.length - 1;
  return (
    <main className={styles.page} data-testid="setup-wizard">
      <div className={styles.inner}>
        <div className={styles.brand}>
          <BrandMark size={40} />
          <div>
            <Title2 as="h1" block>
              {t('wizard.title')}
            </Title2>
            <Text as="p" block className={styles.muted}>
              {t('wizard.intro')}
            </Text>
          </div>
        </div>
        <ol className={styles.steps} aria-label={t('wizard.steps')}>
          {STEPS.map((s, i) => (
            <li key={s.label} className={mergeClasses(styles.step, i === step && styles.current)} aria-current={i === step ? 'step' : undefined}>
              {i + 1}. {t(s.label)}
            </li>
          ))}
        </ol>
        {STEPS[step]!.view()}
        <div className={styles.bar}>
          <Button appearance="subtle" onClick={endWizard}>
            {t('wizard.skipAll')}
          </Button>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('wizard.back')}</Button>}
          {!last && <Button onClick={() => setStep(step + 1)}>{t('wizard.skip')}</Button>}
          <Button appearance="primary" onClick={() => (last ? endWizard() : setStep(step + 1))}>
            {last ? t('wizard.finish') : t('wizard.next')}
          </Button>
        </div>
      </div>
    </main>
  );
}
