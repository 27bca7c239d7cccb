import { ChangePasswordInput, LoginInput } from '@anchang/shared'
import { authedProcedure, publicProcedure, router } from '../trpc'
import { login } from '../services/auth/login'
import { changePassword, currentSession, logout, me } from '../services/auth/session'

export const authRouter = router({
  login: publicProcedure.input(LoginInput).mutation(login),
  me: authedProcedure.query(me),
  session: publicProcedure.query(currentSession),
  logout: authedProcedure.mutation(logout),
  changePassword: authedProcedure.input(ChangePasswordInput).mutation(changePassword),
})
