import type { I18n, Lang } from '../i18n/i18n-context.js';
import { sameValue } from './record-value-text.js';

// An edit form's fields as typed text (so a half-typed number stays on screen),
// read back into record values with the limits of the write contracts
// (server/src/contracts/record-contracts.ts); only the fields that differ from
// the record the form was loaded from are sent.

interface BaseSpec {
  key: string;
  label: string;
  hint?: string;
  /** Blank means null (name, address, range override). */
  nullable?: boolean;
  disabled?: boolean;
}

export type FieldSpec =
  | (BaseSpec & { type: 'text'; maxLength: number })
  | (BaseSpec & { type: 'number'; min: number; max: number; minExclusive?: boolean; integer?: boolean; fractionDigits?: number })
  | (BaseSpec & { type: 'select'; options: readonly { value: string; label: string }[] });

export type Draft = Record<string, string>;

/** A number as typed in the form's language: a decimal comma in Vietnamese. */
export function numberText(lang: Lang, value: number): string {
  const text = String(value);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** Reads "12,5" or "12.5"; null when it is not a plain decimal number. */
export function parseDecimal(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

export function initialDraft(specs: readonly FieldSpec[], base: Record<string, unknown>, lang: Lang): Draft {
  const draft: Draft = {};
  for (const spec of specs) {
    const value = base[spec.key];
    draft[spec.key] = value === null || value === undefined ? '' : spec.type === 'number' && typeof value === 'number' ? numberText(lang, value) : String(value);
  }
  return draft;
}

export interface ParsedDraft {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

export function parseDraft(specs: readonly FieldSpec[], draft: Draft, i18n: I18n): ParsedDraft {
  const { t } = i18n;
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const text = (draft[spec.key] ?? '').trim();
    if (text === '') {
      if (spec.nullable) values[spec.key] = null;
      else errors[spec.key] = t('edit.required');
      continue;
    }
    if (spec.type === 'number') {
      const value = parseDecimal(text);
      const tooLow = value !== null && (spec.minExclusive ? value <= spec.min : value < spec.min);
      if (value === null || tooLow || value > spec.max || (spec.integer && !Number.isInteger(value))) {
        const range = { min: numberText(i18n.lang, spec.min), max: numberText(i18n.lang, spec.max) };
        errors[spec.key] = t(spec.integer ? 'edit.integerRange' : 'edit.numberRange', range);
      } else values[spec.key] = value;
    } else if (spec.type === 'text') {
      values[spec.key] = text.slice(0, spec.maxLength);
    } else {
      values[spec.key] = text;
    }
  }
  return { values, errors };
}

/** The fields whose value differs from the record's: what a PATCH sends. */
export function changedValues(values: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!sameValue(value, base[key])) changes[key] = value;
  }
  return changes;
}
