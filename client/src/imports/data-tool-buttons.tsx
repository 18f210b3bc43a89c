import { useSession } from '../auth/use-session.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { DataTool } from '../url/view-state.js';
import { importLayersFor } from './import-layers.js';

interface Props {
  tool: DataTool | null;
  onToolChange: (tool: DataTool | null) => void;
}

const icons: Record<DataTool, string> = { import: '⇪', export: '⇩' };

/** The tool bar's Nhập dữ liệu (only for accounts that may import something) and Xuất dữ liệu (anyone who reads the map). */
export function DataToolButtons({ tool, onToolChange }: Props) {
  const { t } = useI18n();
  const session = useSession();
  const shown: DataTool[] = importLayersFor(session.info).length > 0 ? ['import', 'export'] : ['export'];
  return (
    <>
      {shown.map((key) => (
        <button
          key={key}
          type="button"
          className="map-tools__button map-tools__button--data"
          aria-pressed={tool === key}
          onClick={() => onToolChange(tool === key ? null : key)}
          title={t(`tools.${key}`)}
          data-testid={`open-${key}`}
        >
          <span aria-hidden="true">{icons[key]}</span> <span className="map-tools__label">{t(`tools.${key}`)}</span>
        </button>
      ))}
    </>
  );
}
