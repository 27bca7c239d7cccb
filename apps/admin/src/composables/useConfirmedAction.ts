import { useDialog, useMessage } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { useApiError } from './useApiError'

export interface ConfirmedAction {
  title: string
  content: string
  confirmText: string
  /** The change itself, sent only once the person confirms. */
  run: () => Promise<unknown>
  doneText: string
  /** Refreshes what the page shows, so the change is visible. */
  reload: () => Promise<void>
}

/** A change that cannot be taken back by a click, so it asks first; a refusal is a toast. */
export function useConfirmedAction() {
  const { t } = useI18n()
  const dialog = useDialog()
  const message = useMessage()
  const showError = useApiError()

  return function confirmThenRun(action: ConfirmedAction): void {
    dialog.warning({
      title: action.title,
      content: action.content,
      positiveText: action.confirmText,
      negativeText: t('common.cancel'),
      onPositiveClick: async () => {
        try {
          await action.run()
          message.success(action.doneText)
          await action.reload()
        } catch (error) {
          showError(error)
        }
      },
    })
  }
}
