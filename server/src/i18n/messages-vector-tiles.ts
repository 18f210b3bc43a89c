/** Messages of vector tiles, Vietnamese first; merged into the server's catalogue. */
export const vi = {
  'tile-unknown-layer': 'Không có lớp ô bản đồ vector "{layer}". Các lớp có: {layers}.',
  'tile-zoom': 'Mức thu phóng z phải là số nguyên từ 0 đến {max}, nhận được "{value}".',
  'tile-index': 'Chỉ số {parameter} của ô phải là số nguyên từ 0 đến {max} ở mức thu phóng {z}, nhận được "{value}".',
  'tile-unknown-path': 'Không có ô bản đồ "{path}". Đường dẫn ô có dạng /tiles/{lớp}/{z}/{x}/{y}.mvt.',
  'tile-count-unknown-layer': 'Không đếm được lớp "{layer}": chỉ đếm các lớp vẽ bằng ô bản đồ vector ({layers}).',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'tile-unknown-layer': 'There is no vector tile layer "{layer}". Layers: {layers}.',
  'tile-zoom': 'Zoom z must be a whole number from 0 to {max}, got "{value}".',
  'tile-index': 'Tile index {parameter} must be a whole number from 0 to {max} at zoom {z}, got "{value}".',
  'tile-unknown-path': 'There is no tile "{path}". Tile paths look like /tiles/{layer}/{z}/{x}/{y}.mvt.',
  'tile-count-unknown-layer': 'Layer "{layer}" cannot be counted: only the layers drawn from vector tiles are ({layers}).',
};
