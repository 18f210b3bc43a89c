// The import of reported indicator values (layer 'indicator-values'), Vietnamese: merged into messages-vi.ts.
export const messagesViImportsIndicators = {
  'import.layer.indicator-values': 'Số liệu chỉ tiêu báo cáo',
  'import.indicatorValuesHint':
    'Mỗi dòng một số liệu: Mã chỉ tiêu (hoặc tên chỉ tiêu), Mã đơn vị hành chính, Kỳ báo cáo (2023, 2025-Q2, Quý 2/2025, 6 tháng đầu năm 2025, 2025-06), Giá trị; có thể thêm Tên đơn vị, Văn bản nguồn, Ghi chú. Tỷ lệ ghi theo phần trăm (74,6 hoặc 74,6%), thuê bao/100 dân và Mbit/s ghi như báo cáo. Kỳ báo cáo phải có sẵn trong danh mục; số liệu đã có của cùng chỉ tiêu, đơn vị và kỳ được cập nhật.',
  'import.indicatorValuesBoundarySetHint': 'Mã đơn vị trong tệp được tìm trong bộ địa giới này.',
  'import.previewNotOnMap': 'Số liệu chỉ tiêu không có vị trí nên không xem trước trên bản đồ; các con số ở trên cho biết bao nhiêu dòng sẽ được thêm, cập nhật hay giữ nguyên.',
  'import.requiredLegendNoPosition': '* bắt buộc',
} as const;
