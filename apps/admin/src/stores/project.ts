import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { isStaff } from '@anchang/shared'
import { trpc, type RouterOutputs } from '../trpc'
import { useSessionStore } from './session'

export type ProjectDetail = RouterOutputs['projects']['get']

export const PROJECT_STORAGE_KEY = 'anchang.admin.project'

/** The remembered project if the person still belongs to it, else their first one. */
export function pickProjectId(projectIds: readonly string[], remembered: string | null): string | null {
  if (remembered && projectIds.includes(remembered)) return remembered
  return projectIds[0] ?? null
}

function readRemembered(): string | null {
  try {
    return localStorage.getItem(PROJECT_STORAGE_KEY)
  } catch {
    return null
  }
}

function remember(id: string): void {
  try {
    localStorage.setItem(PROJECT_STORAGE_KEY, id)
  } catch {
    // Storage refused: the choice holds until the page reloads.
  }
}

/** The project the person is working in, chosen in the top bar, and its details. */
export const useProjectStore = defineStore('project', () => {
  const session = useSessionStore()
  const chosenId = ref<string | null>(readRemembered())
  const detail = ref<ProjectDetail | null>(null)
  /** A channel partner may not read the project's details, only its zone from the list of its projects. */
  const listedZone = ref<{ id: string; timeZone: string } | null>(null)

  const projects = computed(() => session.user?.projects ?? [])
  const currentId = computed(() =>
    pickProjectId(
      projects.value.map((p) => p.id),
      chosenId.value,
    ),
  )
  const current = computed(() => projects.value.find((p) => p.id === currentId.value) ?? null)
  /** Times on every page are shown in the project's zone, not the browser's. */
  const timeZone = computed(
    () =>
      (detail.value?.id === currentId.value ? detail.value?.timeZone : null) ??
      (listedZone.value?.id === currentId.value ? listedZone.value?.timeZone : null) ??
      'Asia/Shanghai',
  )

  function choose(id: string): void {
    chosenId.value = id
    remember(id)
  }

  async function loadDetail(): Promise<void> {
    const id = currentId.value
    if (!id) {
      detail.value = null
      return
    }
    const role = session.user?.role
    if (role && !isStaff(role)) {
      const listed = (await trpc.projects.list.query()).find((p) => p.id === id)
      if (listed && currentId.value === id) listedZone.value = { id, timeZone: listed.timeZone }
      return
    }
    const loaded = await trpc.projects.get.query({ projectId: id })
    if (currentId.value === id) detail.value = loaded
  }

  function setDetail(value: ProjectDetail): void {
    if (value.id === currentId.value) detail.value = value
  }

  watch(currentId, () => {
    detail.value = null
  })

  return { projects, currentId, current, detail, timeZone, choose, loadDetail, setDetail }
})
