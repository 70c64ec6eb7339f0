import { Button, Menu, MenuItem, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { PeopleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConversationDetail } from '../../src-preload/contract';
import { api } from '../api/client';
import type { ActionState } from '../api/use-action';
import { useCall } from '../api/use-call';
import { useT } from '../i18n';

const NOBODY = 'none';

/** A supervisor gives the consultation to any active officer, or to nobody. */
export function AssignMenu(props: { conversation: ConversationDetail; action: ActionState; onChanged(detail: ConversationDetail): void }) {
  const t = useT();
  // Asked for on the first opening only: most consultations are never reassigned.
  const [opened, setOpened] = useState(false);
  const list = useCall('officers.list', {}, { enabled: opened });
  const officers = list.data?.filter((o) => !o.disabled) ?? [];
  const c = props.conversation;
  return (
    <Menu
      checkedValues={{ assignee: [c.assigneeId === null ? NOBODY : String(c.assigneeId)] }}
      onOpenChange={(_, d) => {
        if (d.open) setOpened(true);
      }}
      onCheckedValueChange={async (_, d) => {
        const picked = d.checkedItems[0];
        const officerId = !picked || picked === NOBODY ? null : Number(picked);
        const detail = await props.action.run(() => api.call('conversations.assign', { id: c.id, officerId }));
        if (detail) props.onChanged(detail);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" icon={<PeopleRegular />}>
          {t('actions.assign')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItemRadio name="assignee" value={NOBODY}>
            {t('inbox.unassigned')}
          </MenuItemRadio>
          {list.error && <MenuItem disabled>{list.error.message}</MenuItem>}
          {officers.map((o) => (
            <MenuItemRadio key={o.id} name="assignee" value={String(o.id)}>
              {o.displayName} · {t(`role.${o.role}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
