// The parts catalogue: search by SKU, name or a model it fits (`/` focuses it; Enter on a
// single match opens it), by category; a row opens the part's drawer (`?part=<sku>`).
import { useRef, useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { useOpenSingleMatch, useParamSetter, useSearchFocus } from '../lib/listSearch';
import { formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { useCan } from '../shell/permissions';
import { PartDialog } from './PartDialogs';
import PartDrawer from './PartDrawer';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { useParts } from './queries';
import type { Part, PartCategory } from './warehouse';

export default function PartsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = (params.get('category') as PartCategory | null) ?? undefined;
  const [text, setText] = useState(q);
  const [creating, setCreating] = useState(false);
  const canCreate = useCan('createPart');
  const parts = useParts(q, category);
  const rows = parts.data?.pages.flatMap((p) => p.items) ?? [];
  const search = useRef<InputRef>(null);

  const set = useParamSetter();
  const open = (sku: string) => set({ part: sku });

  useSearchFocus(search);

  // Enter on a search with a single match opens it, once that search's answer is in.
  const setPendingOpen = useOpenSingleMatch(q, parts, rows, (r) => open(r.sku));

  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('warehouse:parts.filters')} onFinish={() => undefined} style={{ rowGap: 8 }}>
          <Form.Item label={t('warehouse:parts.search')} htmlFor="part-search">
            <Input.Search
              id="part-search"
              ref={search}
              allowClear
              value={text}
              placeholder={t('warehouse:parts.searchPlaceholder')}
              style={{ width: 'min(360px, calc(100vw - 130px))' }}
              enterButton={t('common:search')}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => {
                set({ q: v.trim() || undefined });
                setPendingOpen(v.trim());
              }}
              data-testid="part-search"
            />
          </Form.Item>
          <Form.Item label={t('warehouse:part.category')}>
            <Select
              aria-label={t('warehouse:part.category')}
              allowClear
              style={{ width: 150 }}
              placeholder={t('warehouse:parts.allCategories')}
              value={category}
              options={(['spare_part', 'consumable'] as const).map((c) => ({ value: c, label: t(`warehouse:category.${c}`) }))}
              onChange={(v) => set({ category: v })}
            />
          </Form.Item>
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-part">
              {t('warehouse:parts.new')}
            </Button>
          )}
        </Form>
        <ScrollRegion label={t('warehouse:tab.parts')}>
          <Table<Part>
            size="small"
            rowKey="sku"
            data-testid="parts"
            loading={parts.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: q ? t('warehouse:parts.noMatch') : t('warehouse:parts.empty') }}
            onRow={(r) => ({ onClick: () => open(r.sku), 'data-testid': `part-${r.sku}` }) as React.HTMLAttributes<HTMLElement>}
            footer={() => (
              <Space>
                <span>{t('warehouse:parts.total', { count: rows.length })}</span>
                <MoreButton query={parts} />
              </Space>
            )}
            columns={[
              {
                title: t('warehouse:part.sku'),
                key: 'sku',
                render: (_v, r) => <OpenLink onOpen={() => open(r.sku)}>{r.sku}</OpenLink>,
              },
              { title: t('warehouse:part.name'), key: 'name', render: (_v, r) => r.name },
              { title: t('warehouse:part.category'), key: 'category', render: (_v, r) => <Tag>{t(`warehouse:category.${r.category}`)}</Tag> },
              { title: t('warehouse:part.models'), key: 'models', responsive: ['md'], render: (_v, r) => r.compatible_models.join(', ') || '—' },
              { title: t('warehouse:stock.onHand'), key: 'on_hand', align: 'right', render: (_v, r) => r.on_hand },
              { title: t('warehouse:stock.reserved'), key: 'reserved', align: 'right', responsive: ['sm'], render: (_v, r) => r.reserved },
              {
                title: t('warehouse:stock.available'),
                key: 'available',
                align: 'right',
                render: (_v, r) =>
                  r.available <= 0 ? (
                    <Tag color={TONE.danger} style={{ marginInlineEnd: 0 }}>
                      {r.available}
                    </Tag>
                  ) : (
                    r.available
                  ),
              },
              { title: t('warehouse:part.listPrice'), key: 'price', align: 'right', responsive: ['md'], render: (_v, r) => formatMoney(r.list_price.amount_minor, lang, r.list_price.currency) },
            ]}
          />
        </ScrollRegion>
        {parts.isError && <Typography.Text type="danger">{t('common:error', { detail: parts.error.message })}</Typography.Text>}
      </Space>
      <PartDialog
        open={creating}
        part={null}
        onClose={() => setCreating(false)}
        onSaved={(sku) => {
          setCreating(false);
          open(sku);
        }}
      />
      {params.has('part') && <PartDrawer />}
    </Card>
  );
}
