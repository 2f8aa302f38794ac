import { redirect } from 'next/navigation';
import { serverApi } from '@/lib/server-api';

/** Super admins start at the sign-ups; support and partners at their authorizations. */
export default async function StaffHome() {
  const role = await (
    await serverApi()
  )
    .staffMe()
    .then((me) => me.staff.role)
    .catch(() => null);
  redirect(role === 'support' || role === 'partner' ? '/staff/autorizacoes' : '/staff/cadastros');
}
