import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useCan } from '../shell/permissions';
import { filtersOfView, MAX_VIEW_NAME, nameProblem, SAVED_PREFIX, withoutView, withView, type Filters, type SavedView } from './savedViews';

/** The account's saved views (kept in its preferences) and how to open one. */
export function useSavedViews() {
  const can = useCan('getPreferences');
  const q = useQuery({
    queryKey: ['preferences'],
    enabled: can,
    staleTime: 60_000,
    queryFn: () => must(api.GET('/api/v1/me/preferences')),
  });
  return { views: q.data?.queue_views ?? [], open: filtersOfView };
}

function useSaveViews() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (views: SavedView[]) => must(api.POST('/api/v1/me/preferences', { body: { queue_views: views } })),
    onSuccess: (prefs) => qc.setQueryData(['preferences'], prefs),
  });
}

/** "Save as view" for the current filters, and "delete view" while a saved view is open. */
export function SavedViewActions({ filters, onSaved, onDeleted }: { filters: Filters; onSaved: (f: Filters) => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan('savePreferences');
  const { views } = useSavedViews();
  const save = useSaveViews();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const current = filters.view?.startsWith(SAVED_PREFIX) ? views.find((v) => SAVED_PREFIX + v.name === filters.view) : undefined;
  if (!can) return null;
  const submit = async ({ name }: { name: string }) => {
    const problem = nameProblem(views, name);
    if (problem) {
      form.setFields([{ name: 'name', errors: [t(`desk:views.problem.${problem}`, { max: MAX_VIEW_NAME })] }]);
      return;
    }
    const next = withView(views, name, filters);
    try {
      await save.mutateAsync(next);
      setOpen(false);
      form.resetFields();
      void message.success(t('desk:views.saved', { name: name.trim() }));
      const added = next[next.length - 1];
      if (added) onSaved(filtersOfView(added));
    } catch (e) {
      const field = e instanceof ApiProblem ? e.problem.errors?.[0] : undefined;
      form.setFields([{ name: 'name', errors: [field?.message ?? (e instanceof Error ? e.message : String(e))] }]);
    }
  };
  return (
    <Space>
      <Button data-testid="save-view" onClick={() => setOpen(true)}>
        {t('desk:queue.saveView')}
      </Button>
      {current && (
        <Popconfirm
          title={t('desk:views.deleteConfirm', { name: current.name })}
          okText={t('desk:views.delete')}
          cancelText={t('common:cancel')}
          onConfirm={async () => {
            await save.mutateAsync(withoutView(views, current.name));
            void message.success(t('desk:views.deleted', { name: current.name }));
            onDeleted();
          }}
        >
          <Button danger data-testid="delete-view">
            {t('desk:views.delete')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={open}
        title={t('desk:queue.saveView')}
        okText={t('common:save')}
        cancelText={t('common:cancel')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="view" onFinish={(v) => void submit(v)}>
          <Form.Item name="name" label={t('desk:queue.viewName')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: MAX_VIEW_NAME, message: t('common:tooLong', { max: MAX_VIEW_NAME }) }]}>
            <Input autoFocus maxLength={MAX_VIEW_NAME + 10} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
