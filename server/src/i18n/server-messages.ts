/**
 * Messages the server sends to people (problem titles and details), Vietnamese
 * first. Keys are stable; `{name}` placeholders are filled from the problem's params.
 */
export type Language = 'vi' | 'en';

const vi = {
  'bad-request': 'Yêu cầu không hợp lệ',
  'not-found': 'Không tìm thấy',
  'internal': 'Lỗi máy chủ',
  'service-unavailable': 'Cơ sở dữ liệu tạm thời không sẵn sàng',
  'payload-too-large': 'Dữ liệu gửi lên quá lớn',
  'unknown-layer': 'Không có lớp bản đồ "{layer}". Các lớp có: {layers}.',
  'unknown-parameter': 'Tham số "{parameter}" không dùng được với yêu cầu này. Tham số hợp lệ: {allowed}.',
  'repeated-parameter': 'Tham số "{parameter}" chỉ được gửi một lần.',
  'bbox-format': 'bbox phải gồm 4 số thập phân cách nhau bởi dấu phẩy: kinh độ nhỏ nhất, vĩ độ nhỏ nhất, kinh độ lớn nhất, vĩ độ lớn nhất (ví dụ 105.8,10.2,106.8,10.6).',
  'bbox-range': 'bbox nằm ngoài phạm vi: kinh độ phải trong [-180, 180], vĩ độ trong [-90, 90].',
  'bbox-order': 'bbox sai thứ tự: giá trị nhỏ nhất phải nhỏ hơn giá trị lớn nhất.',
  'unknown-value': 'Giá trị "{value}" của tham số "{parameter}" không hợp lệ. Giá trị hợp lệ: {allowed}.',
  'too-many-values': 'Tham số "{parameter}" có quá nhiều giá trị (tối đa {max}).',
  'unknown-unit': 'Không có đơn vị hành chính mã "{unit}" trong bộ ranh giới "{boundarySet}".',
  'unknown-boundary-set': 'Không có bộ ranh giới "{boundarySet}". Các bộ có: {allowed}.',
  'unknown-site': 'Không có vị trí trạm mã "{code}".',
  'unknown-route': 'Không có đường dẫn API "{path}".',
  'search-empty': 'Hãy nhập ít nhất {min} ký tự để tìm kiếm.',
  'search-too-long': 'Chuỗi tìm kiếm dài quá {max} ký tự.',
  'search-control-chars': 'Chuỗi tìm kiếm chứa ký tự điều khiển không hợp lệ.',
  'limit-range': 'limit phải là số nguyên từ 1 đến {max}.',
  'code-format': 'Mã "{code}" không hợp lệ: chỉ gồm chữ, số, dấu gạch ngang, gạch dưới hoặc dấu chấm, tối đa 64 ký tự.',
  'required-parameter': 'Thiếu tham số "{parameter}".',
  'number-format': 'Tham số "{parameter}" phải là một số, nhận được "{value}".',
  'integer-format': 'Tham số "{parameter}" phải là một số nguyên, nhận được "{value}".',
  'number-range': 'Tham số "{parameter}" phải nằm trong khoảng {min} đến {max}{unit}.',
  'unknown-band': 'Băng tần {band} MHz không dùng cho {technology}. Băng tần hợp lệ: {allowed} MHz.',
  'range-needs-mapl': 'Cần maplDb (suy hao cho phép tối đa, dB) hoặc eirpDbm (công suất phát xạ đẳng hướng tương đương, dBm).',
  'unknown-hamlet': 'Không có ấp, khu phố mã "{code}".',
  'invalid-body': 'Dữ liệu gửi lên không hợp lệ: {count} lỗi.',
  'body-not-json': 'Nội dung gửi lên phải là JSON hợp lệ (Content-Type: application/json).',
  'field-required': 'Thiếu trường này.',
  'field-type': 'Sai kiểu dữ liệu: cần {expected}.',
  'field-min': 'Phải {op} {minimum}.',
  'field-max': 'Phải {op} {maximum}.',
  'field-enum': 'Giá trị không hợp lệ. Giá trị hợp lệ: {allowed}.',
  'field-integer': 'Phải là số nguyên.',
  'field-unknown': 'Trường này không được dùng.',
  'field-invalid': 'Giá trị không hợp lệ.',
  'what-if-needs-power': 'Cần một trong eirpDbm, maplDb hoặc radiusM.',
  'unknown-operator': 'Không có nhà mạng mã "{operator}".',
  'csv-unreadable': 'Không đọc được tệp CSV: {reason}',
  'csv-empty': 'Tệp CSV không có dòng dữ liệu nào.',
  'csv-missing-column': 'Thiếu cột "{column}" (tên cột tiếng Việt hoặc tiếng Anh, ví dụ Kinh độ / lon).',
  'csv-not-number': '"{value}" không phải là số.',
  'csv-out-of-range': '{value} nằm ngoài khoảng {min} đến {max}.',
  'csv-unknown-operator': 'Không có nhà mạng "{value}".',
  'csv-unknown-technology': 'Công nghệ "{value}" không hợp lệ. Giá trị hợp lệ: {allowed}.',
  'csv-bad-time': 'Thời gian "{value}" không đúng dạng ISO 8601 (ví dụ 2026-11-20T09:30:00+07:00).',
  'csv-rejected': 'Tệp đo kiểm không được nhập: {count} lỗi, không dòng nào được lưu.',
  'csv-too-many-rows': 'Tệp có {rows} dòng, nhiều hơn giới hạn {max} dòng một lần nhập.',
  'batch-format': 'Tên đợt đo "{batch}" không hợp lệ (1–100 ký tự, không có ký tự điều khiển).',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'bad-request': 'Invalid request',
  'not-found': 'Not found',
  'internal': 'Server error',
  'service-unavailable': 'The database is temporarily unavailable',
  'payload-too-large': 'Request body too large',
  'unknown-layer': 'There is no map layer "{layer}". Layers: {layers}.',
  'unknown-parameter': 'Parameter "{parameter}" is not accepted here. Accepted parameters: {allowed}.',
  'repeated-parameter': 'Parameter "{parameter}" may be sent only once.',
  'bbox-format': 'bbox must be 4 comma-separated decimal numbers: min longitude, min latitude, max longitude, max latitude (e.g. 105.8,10.2,106.8,10.6).',
  'bbox-range': 'bbox out of range: longitudes must be within [-180, 180], latitudes within [-90, 90].',
  'bbox-order': 'bbox in the wrong order: each minimum must be less than its maximum.',
  'unknown-value': 'Value "{value}" of parameter "{parameter}" is not valid. Valid values: {allowed}.',
  'too-many-values': 'Parameter "{parameter}" has too many values (at most {max}).',
  'unknown-unit': 'There is no administrative unit with code "{unit}" in boundary set "{boundarySet}".',
  'unknown-boundary-set': 'There is no boundary set "{boundarySet}". Sets: {allowed}.',
  'unknown-site': 'There is no site with code "{code}".',
  'unknown-route': 'There is no API path "{path}".',
  'search-empty': 'Type at least {min} characters to search.',
  'search-too-long': 'The search text is longer than {max} characters.',
  'search-control-chars': 'The search text contains invalid control characters.',
  'limit-range': 'limit must be a whole number from 1 to {max}.',
  'code-format': 'Code "{code}" is not valid: letters, digits, hyphen, underscore or dot only, at most 64 characters.',
  'required-parameter': 'Parameter "{parameter}" is missing.',
  'number-format': 'Parameter "{parameter}" must be a number, got "{value}".',
  'integer-format': 'Parameter "{parameter}" must be a whole number, got "{value}".',
  'number-range': 'Parameter "{parameter}" must be between {min} and {max}{unit}.',
  'unknown-band': 'Band {band} MHz is not used for {technology}. Valid bands: {allowed} MHz.',
  'range-needs-mapl': 'Give maplDb (maximum allowed path loss, dB) or eirpDbm (effective isotropic radiated power, dBm).',
  'unknown-hamlet': 'There is no hamlet with code "{code}".',
  'invalid-body': 'The request body is not valid: {count} error(s).',
  'body-not-json': 'The request body must be valid JSON (Content-Type: application/json).',
  'field-required': 'This field is required.',
  'field-type': 'Wrong type: expected {expected}.',
  'field-min': 'Must be {op} {minimum}.',
  'field-max': 'Must be {op} {maximum}.',
  'field-enum': 'Invalid value. Valid values: {allowed}.',
  'field-integer': 'Must be a whole number.',
  'field-unknown': 'This field is not accepted.',
  'field-invalid': 'Invalid value.',
  'what-if-needs-power': 'Give one of eirpDbm, maplDb or radiusM.',
  'unknown-operator': 'There is no operator with code "{operator}".',
  'csv-unreadable': 'The CSV file cannot be read: {reason}',
  'csv-empty': 'The CSV file has no data rows.',
  'csv-missing-column': 'Column "{column}" is missing (Vietnamese or English header, e.g. Kinh độ / lon).',
  'csv-not-number': '"{value}" is not a number.',
  'csv-out-of-range': '{value} is outside {min} to {max}.',
  'csv-unknown-operator': 'There is no operator "{value}".',
  'csv-unknown-technology': 'Technology "{value}" is not valid. Valid values: {allowed}.',
  'csv-bad-time': 'Time "{value}" is not ISO 8601 (e.g. 2026-11-20T09:30:00+07:00).',
  'csv-rejected': 'The measurement file was not imported: {count} error(s), no row was stored.',
  'csv-too-many-rows': 'The file has {rows} rows, more than the limit of {max} per import.',
  'batch-format': 'Batch name "{batch}" is not valid (1–100 characters, no control characters).',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { vi, en };

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** ?lang= wins, then the first supported language of Accept-Language; Vietnamese by default. */
export function pickLanguage(queryLang: unknown, acceptLanguage: string | undefined): Language {
  if (queryLang === 'en' || queryLang === 'vi') return queryLang;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'vi' || tag === 'en') return tag;
  }
  return 'vi';
}
