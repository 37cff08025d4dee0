import { useEffect, useState } from 'react';
import type { DeviceView, OperatorRow } from '../../../shared/mfa-views';
import { Alert } from '../components/Alert';
import { DevicesTable } from '../components/DevicesTable';
import { Modal } from '../components/Modal';
import { errorText, useT } from '../i18n';
import { call } from '../state/api';

/** An admin's view of one operator's remembered devices, with a way to forget each. */
export function OperatorDevicesDialog({ operator, onClose }: { operator: OperatorRow; onClose: () => void }) {
  const t = useT();
  const [devices, setDevices] = useState<DeviceView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call((a) => a.operators.devices({ operatorId: operator.id })).then((r) => (r.ok ? setDevices(r.value) : setError(errorText(r.error))));
  }, [operator.id]);

  async function forget(deviceId: number) {
    const r = await call((a) => a.operators.revokeDevice({ operatorId: operator.id, deviceId }));
    if (r.ok) setDevices(r.value);
    else setError(errorText(r.error));
  }

  return (
    <Modal title={t('signIn.devices.dialogTitle', { name: operator.displayName })} onClose={onClose} wide>
      {error ? <Alert>{error}</Alert> : null}
      {devices && devices.length === 0 ? <p className="muted">{t('signIn.devices.noneForOperator')}</p> : null}
      {devices && devices.length > 0 ? (
        <DevicesTable devices={devices} onForget={forget} />
      ) : null}
    </Modal>
  );
}
