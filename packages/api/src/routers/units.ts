import {
  ProjectScoped,
  UnitIdInput,
  UnitSetStatusInput,
  UnitsGridInput,
  UnitsImportInput,
} from '@anchang/shared'
import {
  assistantProcedure,
  boardReaderProcedure,
  managingProcedure,
  router,
  staffMemberProcedure,
} from '../trpc'
import { importUnits } from '../services/units/import'
import { getUnit, gridSettings, readGrid, watchGrid } from '../services/units/grid'
import { setUnitStatus } from '../services/units/status'

export const unitsRouter = router({
  import: assistantProcedure.input(UnitsImportInput).mutation(importUnits),
  grid: boardReaderProcedure.input(UnitsGridInput).query(readGrid),
  onChange: boardReaderProcedure.input(UnitsGridInput).subscription(watchGrid),
  display: boardReaderProcedure.input(ProjectScoped).query(gridSettings),
  get: staffMemberProcedure.input(UnitIdInput).query(getUnit),
  setStatus: managingProcedure.input(UnitSetStatusInput).mutation(setUnitStatus),
})
