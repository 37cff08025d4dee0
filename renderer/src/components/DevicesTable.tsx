import type { DeviceView } from '../../../shared/mfa-views';

const date = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Remembered devices with a "Forget" button on each live one; used in My security and by admins. */
export function DevicesTable({ devices, onForget }: { devices: DeviceView[]; onForget: (id: number) => void }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Remembered</th>
          <th scope="col">Last used</th>
          <th scope="col">Until</th>
          <th scope="col">State</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {devices.map((d) => (
          <tr key={d.id}>
            <td>{d.label}</td>
            <td>{date(d.createdAt)}</td>
            <td>{d.lastUsedAt ? date(d.lastUsedAt) : '—'}</td>
            <td>{date(d.expiresAt)}</td>
            <td>{d.state}</td>
            <td>
              {d.state === 'active' ? (
                <button type="button" className="button button--small" aria-label={`Forget ${d.label}`} onClick={() => onForget(d.id)}>
                  Forget
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
