import { useId, useMemo } from 'react';
import {
  deviceLabel,
  devicesOfKind,
  resolveDeviceChoice,
  ROLE_KIND,
  type AudioDevice,
  type DeviceRole,
} from '../../domain/audio-devices';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectPreferences } from '../../store/selectors';

const LABELS: Record<DeviceRole, string> = { microphone: 'Microphone', speaker: 'Speaker', ringer: 'Ringer' };
const DEFAULT_VALUE = '';

/**
 * Choose the device for a role. A saved device that is not connected stays
 * selected, marked "(not connected)", while the system default stands in.
 */
export function DeviceSelect({ role }: { role: DeviceRole }) {
  const id = useId();
  const list = useRingdesk((s) => s.devices.list);
  const choice = useRingdesk((s) => selectPreferences(s).audio[role]);
  const chooseDevice = useRingdesk((s) => s.chooseDevice);
  const kind = ROLE_KIND[role];
  const devices = useMemo(() => devicesOfKind(list ?? [], kind), [list, kind]);
  const resolution = useMemo(() => resolveDeviceChoice(choice, list, kind), [choice, list, kind]);
  const value = resolution.status === 'found' ? resolution.device.id : choice && resolution.status !== 'default' ? choice.id : DEFAULT_VALUE;
  const absent = choice && resolution.status !== 'found' && resolution.status !== 'default' ? choice : null;

  const onChange = (chosen: string) => {
    if (chosen === value) return;
    if (chosen === DEFAULT_VALUE) return void chooseDevice(role, null);
    const device: AudioDevice | undefined = devices.find((d) => d.id === chosen);
    if (device) void chooseDevice(role, device);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{LABELS[role]}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value={DEFAULT_VALUE}>System default</option>
        {devices.map((device, index) => (
          <option key={device.id} value={device.id}>
            {deviceLabel(device, index)}
          </option>
        ))}
        {absent && (
          <option value={absent.id}>
            {absent.label || LABELS[role]} ({resolution.status === 'missing' ? 'not connected' : 'not checked yet'})
          </option>
        )}
      </select>
    </div>
  );
}
