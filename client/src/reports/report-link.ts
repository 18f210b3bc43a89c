import { serializeViewState, type ReportView, type ViewState } from '../url/view-state.js';

/**
 * The link of the printable report for a boundary set, unit and period, in
 * the view's language and scenario (e.g. the dashboard's "Báo cáo" button):
 * `#lang=vi&layers=…&screen=report&rbs=2025&runit=…&rperiod=2024`.
 */
export function reportHref(state: ViewState, report: ReportView): string {
  return `#${serializeViewState({ ...state, screen: 'report', selection: null, panel: null, tool: null, dataTool: null, whatIf: false, report })}`;
}
