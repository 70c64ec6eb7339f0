import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import type { Language } from '../../src-preload/contract';
import { useLanguage, useT } from '../i18n';

const LANGUAGES: readonly Language[] = ['id', 'en'];

/** Bahasa Indonesia / English; the choice is remembered on this PC. */
export function LanguageSwitch(props: { appearance?: 'subtle' | 'transparent' }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const choose = useLanguage((s) => s.choose);
  return (
    <Menu
      checkedValues={{ language: [language] }}
      onCheckedValueChange={(_, data) => {
        const picked = data.checkedItems[0];
        if (picked === 'id' || picked === 'en') choose(picked);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button appearance={props.appearance ?? 'subtle'} icon={<LocalLanguageRegular />} aria-label={`${t('header.language')}: ${t(`language.${language}`)}`}>
          {t(`language.${language}`)}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {LANGUAGES.map((lang) => (
            <MenuItemRadio key={lang} name="language" value={lang} lang={lang}>
              {t(`language.${lang}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
