import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { messagesEn } from './messages-en.js';
import { messagesVi, type MessageCatalogue, type MessageKey } from './messages-vi.js';

export const languages = ['vi', 'en'] as const;
export type Lang = (typeof languages)[number];

const catalogues: Record<Lang, MessageCatalogue> = { vi: messagesVi, en: messagesEn };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  t: Translate;
  /** Locale-aware number, e.g. 1.790.700 in Vietnamese, 1,790,700 in English. */
  formatNumber: (value: number, maximumFractionDigits?: number) => string;
  formatDate: (iso: string) => string;
  /** Date and time to the minute, in the reader's time zone, e.g. 21/11/2026 09:05. */
  formatDateTime: (iso: string) => string;
}

export function makeI18n(lang: Lang): I18n {
  const catalogue = catalogues[lang];
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const t: Translate = (key, params) => {
    const template = catalogue[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? formatNumber(value) : value;
    });
  };
  const formatNumber = (value: number, maximumFractionDigits = 0): string => {
    let format = numberFormats.get(maximumFractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits });
      numberFormats.set(maximumFractionDigits, format);
    }
    return format.format(value);
  };
  // dd/mm/yyyy, as dates are written in Vietnamese documents.
  const dateFormat = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const formatDate = (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  };
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  const formatDateTime = (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
  };
  return { lang, t, formatNumber, formatDate, formatDateTime };
}

const I18nContext = createContext<I18n>(makeI18n('vi'));

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
