import { Button, Menu, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { messages } from '../messages/en.ts';
import { activeLanguage, LANGUAGE_NAMES, LANGUAGES, type Language, switchLanguage } from './language.ts';

const t = messages.language;

/** Changes the signed-in user's language on the account (`PATCH /me`), then reloads in it. */
export function useSaveLanguage() {
  return useMutation({
    mutationFn: (language: Language) => unwrap(api.PATCH('/api/v1/me', { body: { language } })),
    onSuccess: (_me, language) => switchLanguage(language),
  });
}

/** The six languages by their own names, as menu items; the active one checked. */
export function LanguageItems({ onChoose }: { onChoose: (language: Language) => void }) {
  const current = activeLanguage();
  return (
    <>
      {LANGUAGES.map((language) => (
        <Menu.Item
          key={language}
          lang={language}
          onClick={() => onChoose(language)}
          aria-current={language === current ? 'true' : undefined}
          fw={language === current ? 700 : undefined}
          data-testid={`language-${language}`}
          rightSection={language === current ? <CheckIcon /> : null}
        >
          {LANGUAGE_NAMES[language]}
        </Menu.Item>
      ))}
    </>
  );
}

/**
 * The language switch of a signed-out visitor (sign-in page, catalogue, invitation): the choice is
 * kept on this browser until sign-in, when the account's own language (if it has one) wins.
 */
export function LanguageMenu() {
  const current = activeLanguage();
  return (
    <Menu position="bottom-end" width={180} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="sm"
          px={8}
          leftSection={<GlobeIcon />}
          aria-label={t.current(LANGUAGE_NAMES[current])}
          data-testid="language-menu"
        >
          <Text component="span" fz="sm" visibleFrom="xs" lang={current}>
            {LANGUAGE_NAMES[current]}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t.label}</Menu.Label>
        <LanguageItems onChoose={switchLanguage} />
      </Menu.Dropdown>
    </Menu>
  );
}

function GlobeIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M5 12l5 5 9-10" />
    </svg>
  );
}
