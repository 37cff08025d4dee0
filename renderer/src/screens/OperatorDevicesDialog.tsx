import { useEffect, useState } from 'react';
import type { DeviceView, OperatorRow } from '../../../shared/mfa-views';
import { Alert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { call } from '../state/api';

const date = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An admin's view of one operator's remembered devices, with a way to forget each. */
export function OperatorDevicesDialog({ operator, onClose }: { operator: OperatorRow; onClose: () => void }) {
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call((a) => a.operators.devices({ operatorId: operator.id })).then((r) => (r.ok ? setDevices(r.value) : setError(r.error.message)));
  }, [operator.id]);

  async function forget(deviceId: number) {
    const r = await call((a) => a.operators.revokeDevice({ operatorId: operator.id, deviceId }));
    if (r.ok) setDevices(r.value);
    else setError(r.error.message);
  }

  return (
    <Modal title={`Remembered devices — ${operator.displayName}`} onClose={onClose} wide>
      {error ? <Alert>{error}</Alert> : null}
      {devices && devices.length === 0 ? <p className="muted">No device is remembered for this operator.</p> : null}
      {devices && devices.length > 0 ? (
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
                    <button type="button" className="button button--small" aria-label={`Forget ${d.label}`} onClick={() => forget(d.id)}>
                      Forget
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Modal>
  );
}
