// ECharts with only what the dashboards draw: bars, lines, the grid, legend and tooltip, on
// SVG. Imported dynamically by EChart, so it loads with the manager's pages only.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export default echarts;
