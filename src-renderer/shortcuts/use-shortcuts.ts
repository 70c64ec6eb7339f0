import { useEffect } from 'react';
import { useCommands } from './commands';

/** Keys typed into a field belong to the field, never to a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

export const SHORTCUTS = [
  { key: 'j', label: 'shortcuts.next' },
  { key: 'k', label: 'shortcuts.previous' },
  { key: 'r', label: 'shortcuts.reply' },
  { key: 'e', label: 'shortcuts.resolve' },
  { key: '/', label: 'shortcuts.search' },
  { key: '?', label: 'shortcuts.help' },
  { key: 'Ctrl+Enter', label: 'shortcuts.send' },
  { key: 'Esc', label: 'shortcuts.escape' },
] as const;

/** The inbox's keys: j/k move, r reply, e resolve, / search, ? help. Not while typing or in a dialog. */
export function useInboxShortcuts(): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const commands = useCommands.getState();
      switch (event.key) {
        case 'j':
          commands.requestMove(1);
          break;
        case 'k':
          commands.requestMove(-1);
          break;
        case 'r':
          commands.requestReply();
          break;
        case 'e':
          commands.requestResolve();
          break;
        case '/':
          document.querySelector<HTMLInputElement>('[role="search"] input[type="search"]')?.focus();
          break;
        case '?':
          commands.setHelp(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
