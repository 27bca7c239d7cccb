import { useI18n } from 'vue-i18n'
import { exportTables, type Sheet } from '../components/reports/report-sheet'
import { useProjectStore } from '../stores/project'
import { buildWorkbookSheets, download, exportFileName, fileStamp } from './useTableExport'

/**
 * A daily report's workbook, downloaded: the one way the report page and its archived versions
 * make the file, headed with the project and the lines the caller adds.
 */
export function useReportDownload() {
  const { t } = useI18n()
  const project = useProjectStore()
  const tr = (key: string, params?: Record<string, unknown>) => t(key, params ?? {})

  /** Builds and downloads the file; returns its name. `stamp` is the `YYYY-MM-DD HH:MM` in its name. */
  async function downloadReport(
    sheet: Sheet,
    title: string,
    lines: string[],
    stamp: string,
  ): Promise<string> {
    const current = project.current
    const subtitle = [
      ...(current ? [t('export.projectLine', { name: current.name, code: current.code })] : []),
      ...lines,
      t('reports.exportNote'),
    ]
    const blob = await buildWorkbookSheets(exportTables(sheet, tr, subtitle))
    const fileName = exportFileName(title, current?.code ?? null, fileStamp(stamp))
    download(blob, fileName)
    return fileName
  }

  return { downloadReport }
}
