import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { PeopleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConversationDetail, OfficerView } from '../../src-preload/contract';
import { api } from '../api/client';
import type { ActionState } from '../api/use-action';
import { useT } from '../i18n';

const NOBODY = 'none';

/** A supervisor gives the consultation to any active officer, or to nobody. */
export function AssignMenu(props: { conversation: ConversationDetail; action: ActionState; onChanged(detail: ConversationDetail): void }) {
  const t = useT();
  const [officers, setOfficers] = useState<OfficerView[] | null>(null);
  const c = props.conversation;
  return (
    <Menu
      checkedValues={{ assignee: [c.assigneeId === null ? NOBODY : String(c.assigneeId)] }}
      onOpenChange={(_, d) => {
        if (d.open && officers === null) void api.call('officers.list', {}).then((r) => setOfficers(r.ok ? r.value.filter((o) => !o.disabled) : []));
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
          {(officers ?? []).map((o) => (
            <MenuItemRadio key={o.id} name="assignee" value={String(o.id)}>
              {o.displayName} · {t(`role.${o.role}`)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
