import { describe, expect, it } from 'vitest';
import { defaultViewState, parseViewState, serializeViewState, type ViewState } from '../../client/src/url/view-state.js';

describe('the view state in the URL hash', () => {
  it('gives back the coverage choice, the open panel, the table verdicts, the what-if tool and a gap selection', () => {
    const view: ViewState = {
      ...defaultViewState('en'),
      layers: ['districts', 'hamlet-verdicts', 'gaps', 'coverage'],
      coverage: { operator: 'viettel', group: '4G' },
      panel: 'hamlet-table',
      tableVerdicts: ['lom_song', 'trang_song'],
      whatIf: true,
      selection: { layer: 'gaps', code: '2839601/1' },
    };
    const hash = serializeViewState(view);
    expect(hash).toContain('covop=viettel&covtech=4G&panel=hamlet-table&verdict=lom_song,trang_song&whatif=1&sel=gaps:2839601/1');
    expect(parseViewState(hash)).toEqual(view);
  });

  it('leaves the default coverage choice (any operator, broadband) out of the link', () => {
    const hash = serializeViewState(defaultViewState('vi'));
    expect(hash).not.toMatch(/covop|covtech|panel|verdict|whatif/);
    expect(parseViewState(hash).coverage).toEqual({ operator: '*', group: 'broadband' });
  });

  it('drops coverage values that are not in the contract', () => {
    const view = parseViewState('#covop=<script>&covtech=6G&panel=nope&verdict=covered,maybe&layers=sites,hamlet-verdicts,bogus');
    expect(view.coverage).toEqual({ operator: '*', group: 'broadband' });
    expect(view.panel).toBeNull();
    expect(view.tableVerdicts).toEqual(['covered']);
    expect(view.layers).toEqual(['sites', 'hamlet-verdicts']);
  });
});
