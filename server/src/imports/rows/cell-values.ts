import type { ImportLayer } from '../../contracts/import-contracts.js';
import { isCalendarInstant } from '../../http/calendar-instant.js';
import type { MessageKey } from '../../i18n/server-messages.js';
import { isValueProblem, parseInteger, parseNumber } from '../coordinate-parsing.js';
import { foldHeader, type ImportField } from '../import-fields.js';
import { periodCode } from './period-text.js';
import { codeMaxLength, defaultTextMaxLength, inRange, maxSectors, numberRanges, rangeText, textMaxLengths, type NumberRange } from './field-limits.js';

/** Why a cell was refused; only failures allocate one. */
export class CellFailure {
  constructor(readonly messageKey: MessageKey, readonly params: Record<string, string | number> = {}) {}
}

export type CellValue = string | number | number[];
export type CellReader = (text: string) => CellValue | CellFailure;

export interface ReaderContext {
  operatorCode(nameOrCode: string): string | undefined;
}

const codeShape = /^[\p{L}\p{N}_.-]+$/u;
const listSeparators = /[/;]/;
const listCommas = /,/;
const listSpaces = /\s+/;
// dd/mm/yyyy [hh:mm[:ss]] as Vietnamese Excel writes dates (also with . or -).
const dayMonthYear = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoWithoutOffset = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const pad2 = (n: string) => (n.length === 1 ? `0${n}` : n);
/** Instants without an offset are Vietnam's local time (UTC+7, no daylight saving). */
const vietnamOffset = '+07:00';

/** An instant as UTC ISO 8601 text, so two spellings of one instant are one key. */
export function parseInstant(text: string): string | null {
  let iso: string;
  const dmy = dayMonthYear.exec(text);
  if (dmy) {
    const [, d, m, y, hh, mm, ss] = dmy;
    iso = `${y}-${pad2(m!)}-${pad2(d!)}T${pad2(hh ?? '00')}:${mm ?? '00'}:${ss ?? '00'}${vietnamOffset}`;
  } else if (isoDate.test(text)) {
    iso = `${text}T00:00:00${vietnamOffset}`;
  } else if (isoWithoutOffset.test(text)) {
    iso = `${text.replace(' ', 'T')}${vietnamOffset}`;
  } else {
    iso = text;
  }
  if (!isCalendarInstant(iso)) return null;
  return new Date(Date.parse(iso)).toISOString();
}

function numberReader(range: NumberRange | undefined, integer: boolean): CellReader {
  return (text) => {
    const value = integer ? parseInteger(text) : parseNumber(text);
    if (isValueProblem(value)) return new CellFailure(value.messageKey);
    if (!Number.isFinite(value)) return new CellFailure('row-number-format');
    if (range && !inRange(value, range)) return new CellFailure('row-number-range', { range: rangeText(range) });
    return value;
  };
}

// A percent sign after a figure (also the full-width one), with or without a space: "74,6%", "74,6 %".
const percentSuffix = /\s*[%\uff05]$/;

/** Whether a reported figure was written with a percent sign; only shares may be. */
export function writtenInPercent(text: string): boolean {
  return percentSuffix.test(text);
}

/**
 * A reported figure as written: a number as `parseNumber` reads it
 * ("74,6", "1.234,5"), optionally followed by `%`. It stays as written here;
 * the row's indicator decides what it means (indicator-figure.ts).
 */
function figureReader(): CellReader {
  return (text) => {
    const value = parseNumber(text.replace(percentSuffix, ''));
    if (isValueProblem(value)) return new CellFailure(value.messageKey);
    return Number.isFinite(value) ? value : new CellFailure('row-number-format');
  };
}

/**
 * Lists (a BTS's azimuths, beamwidths, tilts): `0/120/240` or `0;120;240`
 * (a comma inside is then a decimal mark: `0/7,5`), `0,120,240`, or
 * `0 120 240`; each value parsed and checked against the field's range.
 */
function listReader(range: NumberRange | undefined): CellReader {
  return (text) => {
    const items = listSeparators.test(text) ? text.split(listSeparators) : listCommas.test(text) ? text.split(listCommas) : text.split(listSpaces);
    if (items.length > maxSectors) return new CellFailure('row-list-too-long', { count: items.length, max: maxSectors });
    const values: number[] = [];
    for (const item of items) {
      const value = parseNumber(item);
      if (typeof value !== 'number') return new CellFailure('row-list-format');
      if (range && !inRange(value, range)) return new CellFailure('row-list-range', { item: item.trim(), range: rangeText(range) });
      values.push(value);
    }
    return values;
  };
}

function enumReader(field: ImportField): CellReader {
  const values = field.values ?? [];
  const byFolded = new Map<string, string>();
  for (const v of values) byFolded.set(foldHeader(v), v);
  for (const [label, v] of Object.entries(field.valueSynonyms ?? {})) byFolded.set(label, v);
  const memo = new Map<string, string | null>();
  const allowed = values.join(', ');
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      value = values.includes(text) ? text : byFolded.get(foldHeader(text)) ?? null;
      memo.set(text, value);
    }
    return value ?? new CellFailure('row-enum-value', { allowed });
  };
}

function operatorReader(ctx: ReaderContext): CellReader {
  const memo = new Map<string, string | null>();
  return (text) => {
    let code = memo.get(text);
    if (code === undefined) {
      code = ctx.operatorCode(text) ?? null;
      memo.set(text, code);
    }
    return code ?? new CellFailure('row-operator-unknown');
  };
}

/** Operator fields of the catalogue (type `code`, resolved by name or code through the context). */
export const operatorFieldKeys: ReadonlySet<string> = new Set(['owner', 'operator']);

/**
 * The reader of one field's cells (already trimmed, never empty), by the
 * field's catalogue type; positions (`coordinate`, `planar`, `wkt`) are read
 * with the row's position, not here.
 */
export function cellReader(layer: ImportLayer, field: ImportField, ctx: ReaderContext): CellReader | null {
  const range = numberRanges[layer]?.[field.key];
  switch (field.type) {
    case 'code': {
      if (operatorFieldKeys.has(field.key)) return operatorReader(ctx);
      const max = codeMaxLength(layer, field.key);
      return (text) => (text.length <= max && codeShape.test(text) ? text : new CellFailure('row-code-format', { max }));
    }
    case 'text': {
      const max = textMaxLengths[field.key] ?? defaultTextMaxLength;
      return (text) => (text.length <= max ? text : new CellFailure('row-text-too-long', { length: text.length, max }));
    }
    case 'number':
      return numberReader(range, false);
    case 'integer':
      return numberReader(range, true);
    case 'enum':
      return enumReader(field);
    case 'list':
      return listReader(range);
    case 'instant':
      return (text) => parseInstant(text) ?? new CellFailure('row-instant-format');
    case 'period':
      return (text) => periodCode(text) ?? new CellFailure('row-period-format');
    case 'figure':
      return figureReader();
    case 'coordinate':
    case 'planar':
    case 'wkt':
      return null;
  }
}
