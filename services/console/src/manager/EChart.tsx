// One ECharts chart. ECharts (the parts the dashboards use) is imported on first use, so it
// loads with the manager's pages only; the chart redraws when its option changes and follows its box's width.
import { useEffect, useRef } from 'react';
import type { EChartsType } from 'echarts/core';

/** A chart drawn from `option`, described to screen readers by `label`. */
export default function EChart({ option, label, height = 260, testId }: { option: Record<string, unknown>; label: string; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The option to draw when ECharts has loaded: the latest one, not the one of the first
  // render (the language may change while the library is still loading).
  const latest = useRef(option);
  latest.current = option;
  useEffect(() => {
    let alive = true;
    let observer: ResizeObserver | undefined;
    void import('./echarts').then(({ default: echarts }) => {
      if (!alive || !box.current) return;
      chart.current = echarts.init(box.current, undefined, { renderer: 'svg' });
      chart.current.setOption(latest.current, true);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
    });
    return () => {
      alive = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is made once per mount; option changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
