import { CustomerSearchInput } from '@anchang/shared'
import { router, staffProcedure } from '../trpc'
import { searchCustomers } from '../services/customers/search'

export const customersRouter = router({
  search: staffProcedure.input(CustomerSearchInput).query(searchCustomers),
})
