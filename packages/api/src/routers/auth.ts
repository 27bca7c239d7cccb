import { ChangePasswordInput, LoginInput } from '@anchang/shared'
import { authedProcedure, publicProcedure, router } from '../trpc'
import { login } from '../services/auth/login'
import { changePassword, currentSession, logout, me } from '../services/auth/session'

export const authRouter = router({
  // The verb opens the session; the cookie that carries it is the boundary's business.
  login: publicProcedure.input(LoginInput).mutation(async (opts) => {
    const { user, token } = await login(opts)
    opts.ctx.session.issue(token)
    return { user }
  }),
  me: authedProcedure.query(me),
  session: publicProcedure.query(currentSession),
  logout: authedProcedure.mutation((opts) => {
    const answer = logout(opts)
    opts.ctx.session.clear()
    return answer
  }),
  changePassword: authedProcedure.input(ChangePasswordInput).mutation(changePassword),
})
