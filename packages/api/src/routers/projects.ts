import {
  ProjectCreateInput,
  ProjectScoped,
  ProjectSettingsUpdateInput,
  ProjectUpdateInput,
} from '@anchang/shared'
import { authedProcedure, directorOnlyProcedure, managerProcedure, router, staffProcedure } from '../trpc'
import { getProject, listMyProjects } from '../services/projects/read'
import { createProject, updateProject, updateSettings } from '../services/projects/write'

export const projectsRouter = router({
  list: authedProcedure.query(listMyProjects),
  get: staffProcedure.input(ProjectScoped).query(getProject),
  create: directorOnlyProcedure.input(ProjectCreateInput).mutation(createProject),
  update: managerProcedure.input(ProjectUpdateInput).mutation(updateProject),
  updateSettings: managerProcedure.input(ProjectSettingsUpdateInput).mutation(updateSettings),
})
