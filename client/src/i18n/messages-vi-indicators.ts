// Vietnamese messages of the plan indicators (dashboard Chỉ tiêu quy hoạch, and
// the formats, chart and map the printable report reuses); spread into messagesVi.
export const messagesViIndicators = {
  'indicators.unit.points': 'điểm %',
  'indicators.counts.hamlets': 'ấp',
  'indicators.counts.people': 'người',
  'indicators.counts.m': 'm',
  'indicators.counts.sites': 'vị trí',
  'indicators.counts.subscriptions': 'thuê bao',
  'indicators.counts.households': 'hộ',
  'indicators.status.met': 'Đạt',
  'indicators.status.below': 'Chưa đạt',
  'indicators.status.no-target': 'Chưa có chỉ tiêu',
  'indicators.status.no-value': 'Chưa có số liệu',

  'indicators.map.noData': 'không có số liệu',
  'indicators.map.class': 'từ {low} đến dưới {high}{unit}',
  'indicators.map.classLast': 'từ {low} đến {high}{unit}',
  'indicators.map.noDataCount': 'Không có số liệu ({count} đơn vị)',
  'indicators.map.classesNote': 'Năm khoảng đều nhau từ giá trị nhỏ nhất đến lớn nhất của các đơn vị trên bản đồ.',

  'indicators.chart.label': 'Giá trị chỉ tiêu theo đơn vị; đường nét đứt là mục tiêu {target}. Xanh: đạt mục tiêu, vàng cam: chưa đạt.',
  'indicators.chart.labelNoTarget': 'Giá trị chỉ tiêu theo đơn vị (chưa có mục tiêu).',
  'indicators.chart.barTarget': 'mục tiêu {target}',
  'indicators.chart.targetLine': 'Mục tiêu {target}',
} as const satisfies Record<string, string>;
