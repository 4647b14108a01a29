// The day's work orders and the technicians' routes on a plane of positions: Web Mercator,
// scaled to the day's bounding box, one colour per technician, the route's polyline in
// visiting order from where the technician starts. Works without any tile server; when the
// operator configured one (`AFTERCARE_MAP_TILE_URL`, read from /map-settings) its tiles are
// drawn under the same plane. Each work order is a focusable marker: hover or focus shows
// it, Enter or a click keeps it shown.
import { Empty, Space, Typography } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import type { Lane, WorkOrder } from './board';
import { fitView, project, spread, tilesFor, tileUrl, type GeoPoint, type XY } from './geo';

/** Plane size in SVG units (it scales to the page's width). */
const W = 1000;
const H = 420;
const PAD = 36;

/** Route colours, dark enough for white stop numbers; technicians take them in lane order. */
export const ROUTE_COLORS = ['#1d5fc2', '#b0360c', '#2b7a0b', '#6929c4', '#a3175e', '#006d75', '#8c5300', '#3d3d9e'];
const UNASSIGNED = '#595959';

interface Marker {
  order: WorkOrder;
  at: XY;
  color: string;
  technician: string | null;
  stop: number | null;
}

function timeOf(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The plane. */
export function MapPlane({ lanes, unassigned, tileTemplate }: { lanes: Lane[]; unassigned: WorkOrder[]; tileTemplate: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [hover, setHover] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);

  const { view, markers, routes, starts, tiles, unplaced } = useMemo(() => {
    const points: GeoPoint[] = [];
    let unplaced = 0;
    for (const lane of lanes) {
      if (lane.technician.start_location && lane.orders.length > 0) points.push(lane.technician.start_location);
      for (const o of lane.orders) if (o.location) points.push(o.location);
    }
    for (const o of [...unassigned, ...lanes.flatMap((l) => l.orders)]) if (!o.location) unplaced++;
    for (const o of unassigned) if (o.location) points.push(o.location);
    const view = fitView(points, W, H, PAD, tileTemplate !== null);
    const markers: Marker[] = [];
    const starts: { id: string; color: string; at: XY }[] = [];
    const lines: { id: string; color: string; name: string; stops: (XY | Marker)[] }[] = [];
    lanes.forEach((lane, i) => {
      const color = ROUTE_COLORS[i % ROUTE_COLORS.length] ?? UNASSIGNED;
      const stops: (XY | Marker)[] = [];
      const start = lane.technician.start_location;
      if (start && lane.orders.length > 0) {
        const at = project(start, view);
        starts.push({ id: lane.technician.id, color, at });
        stops.push(at);
      }
      // With a published route the line runs through its stops; without one, the lane's order.
      const planned = lane.stops.size > 0;
      lane.orders.forEach((o, n) => {
        if (!o.location) return;
        const s = lane.stops.get(o.id);
        const m: Marker = { order: o, at: project(o.location, view), color, technician: lane.technician.name, stop: planned ? (s ? s.index + 1 : null) : n + 1 };
        markers.push(m);
        if (!planned || s) stops.push(m);
      });
      lines.push({ id: lane.technician.id, color, name: lane.technician.name, stops });
    });
    for (const o of unassigned) {
      if (o.location) markers.push({ order: o, at: project(o.location, view), color: UNASSIGNED, technician: null, stop: null });
    }
    spread(markers);
    const routes = lines
      .filter((l) => l.stops.length > 1)
      .map((l) => ({ id: l.id, color: l.color, name: l.name, points: l.stops.map((p) => ('order' in p ? p.at : p)) }));
    const tiles = tileTemplate ? tilesFor(view) : [];
    return { view, markers, routes, starts, tiles, unplaced };
  }, [lanes, unassigned, tileTemplate]);

  const shownId = hover ?? focus ?? pinned;
  const shown = markers.find((m) => m.order.id === shownId) ?? null;

  const describe = (m: Marker) =>
    [
      m.order.number,
      t(`board:state.${m.order.status}`),
      m.order.customer_name,
      m.technician ? t('board:map.technician', { name: m.technician }) : t('board:lane.unassigned'),
      m.stop !== null ? t('board:card.stop', { n: m.stop }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const onKey = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setPinned((p) => (p === id ? null : id));
    } else if (e.key === 'Escape') {
      setPinned(null);
    }
  };

  if (markers.length === 0) {
    return (
      <div data-testid="map" data-markers={0}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board:map.empty')} />
        {unplaced > 0 && <Typography.Text type="secondary">{t('board:map.unplaced', { count: unplaced })}</Typography.Text>}
      </div>
    );
  }

  return (
    <div data-testid="map" data-markers={markers.length} data-tiles={tiles.length} data-zoom={view.zoom.toFixed(2)}>
      <div style={{ position: 'relative' }}>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          width="100%"
          role="group"
          aria-label={t('board:map.title')}
          style={{ display: 'block', background: '#f4f6f9', border: '1px solid #d9d9d9', borderRadius: 6 }}
          onMouseLeave={() => setHover(null)}
        >
          <g aria-hidden="true">
            {tiles.map((tile) => (
              <image
                key={`${tile.z}/${tile.left}/${tile.top}`}
                href={tileUrl(tileTemplate ?? '', tile)}
                x={tile.left}
                y={tile.top}
                width={tile.size}
                height={tile.size}
                preserveAspectRatio="none"
                data-testid="map-tile"
              />
            ))}
            {tiles.length === 0 &&
              Array.from({ length: 9 }, (_, i) => (
                <line key={`v${i}`} x1={(W / 10) * (i + 1)} y1={0} x2={(W / 10) * (i + 1)} y2={H} stroke="#e3e7ed" />
              ))}
            {tiles.length === 0 &&
              Array.from({ length: 3 }, (_, i) => <line key={`h${i}`} x1={0} y1={(H / 4) * (i + 1)} x2={W} y2={(H / 4) * (i + 1)} stroke="#e3e7ed" />)}
            {routes.map((r) => (
              <polyline
                key={r.id}
                points={r.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
                fill="none"
                stroke={r.color}
                strokeWidth={3}
                strokeLinejoin="round"
                strokeOpacity={0.85}
                data-testid={`route-${r.name}`}
              />
            ))}
            {starts.map((s) => (
              <rect key={s.id} x={s.at.x - 7} y={s.at.y - 7} width={14} height={14} fill="#fff" stroke={s.color} strokeWidth={3} />
            ))}
          </g>
          {markers.map((m) => {
            const id = m.order.id;
            const on = shownId === id;
            return (
              <g
                key={id}
                role="button"
                tabIndex={0}
                aria-label={describe(m)}
                aria-pressed={pinned === id}
                data-testid={`marker-${m.order.number}`}
                transform={`translate(${m.at.x.toFixed(1)} ${m.at.y.toFixed(1)})`}
                style={{ cursor: 'pointer', outline: 'none' }}
                onMouseEnter={() => setHover(id)}
                onFocus={() => setFocus(id)}
                onBlur={() => setFocus((f) => (f === id ? null : f))}
                onClick={() => setPinned((p) => (p === id ? null : id))}
                onKeyDown={onKey(id)}
              >
                {on && <circle r={17} fill="none" stroke="#000" strokeWidth={2} strokeDasharray="4 3" />}
                <circle r={12} fill={m.color} stroke="#fff" strokeWidth={2} />
                <text textAnchor="middle" dominantBaseline="central" fontSize={12} fontWeight={600} fill="#fff" aria-hidden="true">
                  {m.stop ?? '·'}
                </text>
              </g>
            );
          })}
        </svg>
        {shown && (
          <div
            role="status"
            data-testid="map-tip"
            style={{
              position: 'absolute',
              left: `${(Math.min(Math.max(shown.at.x, 0), W) / W) * 100}%`,
              top: `${(Math.min(Math.max(shown.at.y, 0), H) / H) * 100}%`,
              transform: shown.at.x > W * 0.6 ? 'translate(calc(-100% - 18px), -50%)' : 'translate(18px, -50%)',
              background: '#fff',
              border: '1px solid #bfbfbf',
              borderRadius: 6,
              padding: '6px 10px',
              boxShadow: '0 2px 8px rgba(0,0,0,0.15)',
              pointerEvents: 'none',
              maxWidth: 320,
              zIndex: 2,
            }}
          >
            <Typography.Text strong>{shown.order.number}</Typography.Text> · {t(`board:state.${shown.order.status}`)}
            <div>
              {shown.order.customer_name} · {shown.order.district}
            </div>
            {shown.order.address && <div>{shown.order.address}</div>}
            <div>{shown.technician ? t('board:map.technician', { name: shown.technician }) : t('board:lane.unassigned')}</div>
            {shown.order.appointment && (
              <div>{t('board:card.window', { from: timeOf(shown.order.appointment.start, lang), to: timeOf(shown.order.appointment.end, lang) })}</div>
            )}
          </div>
        )}
      </div>
      <Space size={12} wrap style={{ marginTop: 8 }}>
        <ul aria-label={t('board:map.legend')} style={{ display: 'flex', flexWrap: 'wrap', gap: 12, padding: 0, margin: 0 }}>
          {lanes.map((lane, i) => (
            <li key={lane.technician.id} style={{ listStyle: 'none', display: 'flex', alignItems: 'center', gap: 4 }}>
              <span aria-hidden="true" style={{ width: 14, height: 4, background: ROUTE_COLORS[i % ROUTE_COLORS.length] }} />
              {lane.technician.name}
            </li>
          ))}
          <li style={{ listStyle: 'none', display: 'flex', alignItems: 'center', gap: 4 }}>
            <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: 5, background: UNASSIGNED }} />
            {t('board:lane.unassigned')}
          </li>
        </ul>
        {unplaced > 0 && <Typography.Text type="secondary">{t('board:map.unplaced', { count: unplaced })}</Typography.Text>}
        {tiles.length === 0 && <Typography.Text type="secondary">{t('board:map.plain')}</Typography.Text>}
      </Space>
    </div>
  );
}
