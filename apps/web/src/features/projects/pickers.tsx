import type { SelectHTMLAttributes } from 'react';
import { useEpicsById, useMembersById } from './lookups';

interface PickerProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  projectKey: string;
  /** The first option, standing for "none" or "any" (value ''). */
  noneLabel: string;
  onPick: (id: string) => void;
  /** Extra options after "none", such as "Unassigned" in a filter. */
  extra?: { value: string; label: string }[];
}

/** A select over the project's members or epics; both pickers share one shape. */
function Picker({
  options,
  noneLabel,
  onPick,
  extra = [],
  projectKey: _,
  ...rest
}: PickerProps & { options: { value: string; label: string }[] }) {
  return (
    <select {...rest} onChange={(e) => onPick(e.target.value)}>
      <option value="">{noneLabel}</option>
      {[...extra, ...options].map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function MemberPicker(props: PickerProps) {
  const members = useMembersById(props.projectKey);
  return (
    <Picker
      {...props}
      options={[...members.values()].map((m) => ({ value: m.user.id, label: m.user.name }))}
    />
  );
}

export function EpicPicker(props: PickerProps) {
  const epics = useEpicsById(props.projectKey);
  return <Picker {...props} options={[...epics.values()].map((e) => ({ value: e.id, label: e.title }))} />;
}
