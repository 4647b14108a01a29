// Reminders of outbound calls (外呼任务) from the live stream: when a call task falls due,
// whoever it is assigned to (or whose queue it sits in) is told in a notification that
// opens the call; when one goes overdue to the manager, managers are told. The task is read
// through the API, so the usual rules decide what is shown.
import { useEffect } from 'react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, must } from '../api/client';
import { onLiveEvent } from '../live/stream';
import { useCan, useSession } from '../shell/permissions';
import { reminderFor } from './calls';

/** Listens for call tasks falling due while signed in; renders nothing itself. */
export function CallReminders() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const { me } = useSession();
  const can = useCan('getCallTask');
  const role = me?.role;
  const accountId = me?.account_id;
  useEffect(() => {
    if (!can) return undefined;
    return onLiveEvent((e) => {
      if (!e.task_id || !e.type.startsWith('survey.call_task.')) return;
      // Only managers are told of an escalation: nobody else reads the task for it.
      if (e.type === 'survey.call_task.escalated' && role !== 'manager') return;
      const id = e.task_id;
      void must(api.GET('/api/v1/call-tasks/{id}', { params: { path: { id } } }))
        .then((task) => {
          const reminder = reminderFor(e.type, task, role, accountId);
          if (!reminder) return;
          const key = `call-task-${reminder}-${task.id}`;
          const open = () => {
            notification.destroy(key);
            navigate(`/calls?task=${task.id}`);
          };
          notification[reminder === 'due' ? 'info' : 'warning']({
            key,
            message: t(`calls:reminder.${reminder}`),
            description: t('calls:reminder.text', { kind: t(`calls:kinds.${task.kind}`), who: task.customer_name.trim() || task.reference }),
            actions: (
              <Button type="primary" size="small" onClick={open} data-testid="reminder-open">
                {t('calls:reminder.open')}
              </Button>
            ),
            duration: 0,
            placement: 'bottomRight',
          });
        })
        // A task the caller may not read, or gone: no reminder.
        .catch(() => undefined);
    });
  }, [can, role, accountId, navigate, notification, t]);
  return null;
}
