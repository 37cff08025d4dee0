import type { DeviceView } from '../../../shared/mfa-views';
import { useFormat, useT } from '../i18n';

/** Remembered devices with a "Forget" button on each live one; used in My security and by admins. */
export function DevicesTable({ devices, onForget }: { devices: DeviceView[]; onForget: (id: number) => void }) {
  const t = useT();
  const f = useFormat();
  const date = (ms: number) => f.date(ms, 'dateTime');
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('signIn.devices.device')}</th>
          <th scope="col">{t('signIn.devices.remembered')}</th>
          <th scope="col">{t('signIn.devices.lastUsed')}</th>
          <th scope="col">{t('signIn.devices.until')}</th>
          <th scope="col">{t('signIn.devices.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('signIn.devices.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => (
          <tr key={d.id}>
            <td translate="no">{d.label}</td>
            <td>{date(d.createdAt)}</td>
            <td>{d.lastUsedAt ? date(d.lastUsedAt) : '—'}</td>
            <td>{date(d.expiresAt)}</td>
            <td>{t('signIn.devices.stateValue', { state: d.state })}</td>
            <td>
              {d.state === 'active' ? (
                <button type="button" className="button button--small" aria-label={t('signIn.devices.forgetNamed', { label: d.label })} onClick={() => onForget(d.id)}>
                  {t('signIn.devices.forget')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
