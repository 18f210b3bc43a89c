/** Messages of reading uploaded files (CSV, XLSX, GeoJSON, KML/KMZ, zipped Shapefile), Vietnamese first; merged into the server's catalogue. */
export const vi = {
  'import-file-empty': 'Tệp "{file}" rỗng (0 byte).',
  'import-file-too-large': 'Tệp "{file}" lớn {size}, vượt giới hạn tải lên {max}.',
  'import-format-unknown':
    'Không nhận ra định dạng của tệp "{file}". Định dạng nhận được: CSV (.csv, .txt), Excel (.xlsx), GeoJSON (.geojson, .json), KML, KMZ và Shapefile nén ZIP (.zip).',
  'import-xls-legacy':
    'Tệp "{file}" là Excel 97–2003 (.xls), định dạng cũ không được hỗ trợ: hãy mở bằng Excel và lưu lại thành .xlsx (Excel Workbook) hoặc CSV UTF-8.',
  'import-shapefile-not-zipped':
    'Tệp "{file}" chỉ là một phần của Shapefile: hãy nén các tệp .shp, .shx, .dbf, .prj (và .cpg nếu có) cùng tên thành một tệp .zip rồi tải lên.',
  'import-no-rows': 'Tệp "{file}" không có dòng dữ liệu nào.',
  'import-too-many-rows': 'Tệp có hơn {max} dòng dữ liệu, vượt giới hạn của một lần nhập: hãy chia thành nhiều tệp.',
  'import-encoding-tcvn3':
    'Tệp dùng bảng mã TCVN3 (ABC, phông .VnTime/.VnArial), không phải Unicode. Hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã: Nguồn TCVN3 (ABC), Đích Unicode) rồi lưu lại và tải lên.',
  'import-encoding-unknown':
    'Không đọc được chữ trong tệp: bảng mã không nhận ra. Bảng mã được nhận: UTF-8 (có hoặc không có BOM), UTF-16 có BOM ("Unicode Text" của Excel) và Windows-1258. Với Excel, hãy lưu bằng "CSV UTF-8 (Comma delimited)".',
  'import-csv-unreadable': 'Không đọc được CSV ở dòng {line}: {reason}.',
  'import-csv-extra-cells': 'Dòng {row} có {count} ô nhưng dòng tiêu đề chỉ có {columns} cột: kiểm tra dấu phân cách hoặc dấu ngoặc kép.',
  'import-header-empty': 'Cột {columns} có dữ liệu nhưng không có tên ở dòng tiêu đề: hãy đặt tên cho cột.',
  'import-header-duplicate': 'Dòng tiêu đề có tên cột bị trùng: {names}. Mỗi cột phải có một tên riêng.',
  'import-xlsx-unreadable': 'Không đọc được tệp Excel "{file}": tệp hỏng hoặc không phải .xlsx ({reason}).',
  'import-sheet-unknown': 'Tệp không có trang tính "{sheet}". Các trang tính có: {sheets}.',
  'import-zip-corrupt': 'Tệp nén "{file}" bị hỏng, không đầy đủ, hoặc dùng kiểu nén không hỗ trợ (chỉ nhận Deflate hoặc không nén).',
  'import-zip-encrypted': 'Tệp nén "{file}" có mật khẩu: hãy nén lại không đặt mật khẩu.',
  'import-zip-too-large': 'Tệp nén "{file}" khi giải nén vượt quá {max}: không thể nhập.',
  'import-json-invalid': 'Tệp GeoJSON không phải JSON hợp lệ: lỗi ở dòng {line}, cột {column} (ký tự thứ {position}).',
  'import-geojson-not-geojson': 'Tệp JSON không phải GeoJSON: cần FeatureCollection, Feature hoặc một hình học (type là "{type}").',
  'import-geojson-bad-geometry':
    'Đối tượng thứ {feature} có hình học {type} không hợp lệ: tọa độ phải là các số, một đường cần ít nhất 2 điểm, một vòng đa giác ít nhất 4 điểm và phải khép kín.',
  'import-xml-invalid': 'Tệp KML không phải XML hợp lệ: {reason}.',
  'import-xml-doctype': 'Tệp KML có khai báo DOCTYPE: không được nhận vì lý do an toàn (có thể mở rộng thực thể XML). Hãy xóa dòng <!DOCTYPE …>.',
  'import-kml-not-kml': 'Tệp XML không phải KML: phần tử gốc là <{root}>, cần <kml>.',
  'import-kmz-no-kml': 'Tệp KMZ "{file}" không chứa tệp .kml nào.',
  'import-shapefile-missing': 'Shapefile "{layer}" trong tệp nén thiếu {missing}.',
  'import-shapefile-no-layer': 'Tệp nén "{file}" không chứa Shapefile: thiếu tệp .shp (và .dbf).',
  'import-shapefile-many-layers': 'Tệp nén có {count} lớp Shapefile: {layers}. Hãy chọn một lớp (tùy chọn sheet) hoặc tải lên từng lớp.',
  'import-shapefile-unknown-layer': 'Tệp nén không có lớp Shapefile "{layer}". Các lớp có: {layers}.',
  'import-shapefile-unreadable': 'Không đọc được Shapefile "{layer}": {reason}.',
  'import-dbf-encoding-unknown': 'Tệp .cpg khai báo bảng mã "{encoding}", không được hỗ trợ. Bảng mã nhận: UTF-8, Windows-1258 (1258) và các bảng mã Windows.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'import-file-empty': 'File "{file}" is empty (0 bytes).',
  'import-file-too-large': 'File "{file}" is {size}, over the upload limit of {max}.',
  'import-format-unknown':
    'The format of file "{file}" is not recognised. Accepted: CSV (.csv, .txt), Excel (.xlsx), GeoJSON (.geojson, .json), KML, KMZ and a zipped Shapefile (.zip).',
  'import-xls-legacy':
    'File "{file}" is an Excel 97–2003 workbook (.xls), an old format that is not supported: open it in Excel and save it as .xlsx (Excel Workbook) or CSV UTF-8.',
  'import-shapefile-not-zipped':
    'File "{file}" is only one part of a Shapefile: zip the .shp, .shx, .dbf, .prj (and .cpg if any) files of the same name into one .zip and upload that.',
  'import-no-rows': 'File "{file}" has no data rows.',
  'import-too-many-rows': 'The file has more than {max} data rows, over the limit of one import: split it into several files.',
  'import-encoding-tcvn3':
    'The file is in the TCVN3 (ABC) encoding of the .VnTime/.VnArial fonts, not Unicode. Convert it to Unicode with Unikey (Conversion tool: source TCVN3 (ABC), destination Unicode), save it and upload it again.',
  'import-encoding-unknown':
    'The text of the file cannot be read: its character encoding is not recognised. Accepted encodings: UTF-8 (with or without BOM), UTF-16 with BOM (Excel\'s "Unicode Text") and Windows-1258. From Excel, save as "CSV UTF-8 (Comma delimited)".',
  'import-csv-unreadable': 'The CSV cannot be read at line {line}: {reason}.',
  'import-csv-extra-cells': 'Row {row} has {count} cells but the header row only {columns} columns: check the delimiter and the quotes.',
  'import-header-empty': 'Column {columns} holds data but has no name in the header row: give the column a name.',
  'import-header-duplicate': 'The header row repeats column names: {names}. Every column needs a name of its own.',
  'import-xlsx-unreadable': 'The Excel file "{file}" cannot be read: it is damaged or not an .xlsx ({reason}).',
  'import-sheet-unknown': 'The file has no sheet "{sheet}". Its sheets: {sheets}.',
  'import-zip-corrupt': 'The archive "{file}" is damaged, incomplete, or compressed in an unsupported way (only Deflate or stored entries are read).',
  'import-zip-encrypted': 'The archive "{file}" is password-protected: zip it again without a password.',
  'import-zip-too-large': 'The archive "{file}" expands to more than {max}: it cannot be imported.',
  'import-json-invalid': 'The GeoJSON file is not valid JSON: error at line {line}, column {column} (character {position}).',
  'import-geojson-not-geojson': 'The JSON file is not GeoJSON: expected a FeatureCollection, a Feature or a geometry (its type is "{type}").',
  'import-geojson-bad-geometry':
    'Feature {feature} has an invalid {type} geometry: coordinates must be numbers, a line needs 2 positions at least, a polygon ring 4 at least and closed.',
  'import-xml-invalid': 'The KML file is not valid XML: {reason}.',
  'import-xml-doctype': 'The KML file has a DOCTYPE declaration, refused for safety (XML entity expansion). Remove the <!DOCTYPE …> line.',
  'import-kml-not-kml': 'The XML file is not KML: its root element is <{root}>, expected <kml>.',
  'import-kmz-no-kml': 'The KMZ file "{file}" holds no .kml file.',
  'import-shapefile-missing': 'Shapefile "{layer}" in the archive lacks {missing}.',
  'import-shapefile-no-layer': 'The archive "{file}" holds no Shapefile: there is no .shp file (and .dbf).',
  'import-shapefile-many-layers': 'The archive holds {count} Shapefile layers: {layers}. Choose one (the sheet option) or upload each layer on its own.',
  'import-shapefile-unknown-layer': 'The archive has no Shapefile layer "{layer}". Its layers: {layers}.',
  'import-shapefile-unreadable': 'Shapefile "{layer}" cannot be read: {reason}.',
  'import-dbf-encoding-unknown': 'The .cpg file declares the encoding "{encoding}", which is not supported. Accepted: UTF-8, Windows-1258 (1258) and the Windows code pages.',
};
