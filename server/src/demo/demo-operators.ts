/**
 * The operators of the demo: the five Vietnamese mobile network operators with
 * their MNCs (452-xx), and one clearly synthetic tower company. Colours are
 * chosen to be told apart on the map: Viettel red, VinaPhone blue, MobiFone
 * teal, Vietnamobile orange, Gmobile purple, tower company grey-brown.
 */
export interface DemoOperator {
  code: string;
  name: string;
  shortName: string;
  kind: 'mno' | 'towerco';
  colour: string;
  mnc: string | null;
  /** Prefix of its BTS and fibre codes. */
  codePrefix: string;
}

export const DEMO_OPERATORS: DemoOperator[] = [
  { code: 'viettel', name: 'Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel)', shortName: 'Viettel', kind: 'mno', colour: '#e4002b', mnc: '04', codePrefix: 'VT' },
  { code: 'vnpt', name: 'VNPT-VinaPhone', shortName: 'VinaPhone', kind: 'mno', colour: '#0066cc', mnc: '02', codePrefix: 'VNP' },
  { code: 'mobifone', name: 'Tổng Công ty Viễn thông MobiFone', shortName: 'MobiFone', kind: 'mno', colour: '#00a79d', mnc: '01', codePrefix: 'MBF' },
  { code: 'vietnamobile', name: 'Vietnamobile', shortName: 'Vietnamobile', kind: 'mno', colour: '#f58220', mnc: '05', codePrefix: 'VNM' },
  { code: 'gmobile', name: 'Gmobile', shortName: 'Gmobile', kind: 'mno', colour: '#7b3fa0', mnc: '07', codePrefix: 'GM' },
  { code: 'mekong-towers', name: 'Công ty Hạ tầng Tháp Mekong (giả lập)', shortName: 'Tháp Mekong', kind: 'towerco', colour: '#8c6d46', mnc: null, codePrefix: 'TMK' },
];

export const TOWER_COMPANY_CODE = 'mekong-towers';

/** Mobile operators that carry BTS in the demo and their weight as a site's first tenant. */
export const RADIO_OPERATOR_WEIGHTS: [string, number][] = [
  ['viettel', 0.41],
  ['vnpt', 0.27],
  ['mobifone', 0.245],
  ['vietnamobile', 0.075],
];

export function operatorPrefix(code: string): string {
  const op = DEMO_OPERATORS.find((o) => o.code === code);
  if (!op) throw new Error(`unknown demo operator ${code}`);
  return op.codePrefix;
}
