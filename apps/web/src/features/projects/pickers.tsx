import type { SelectHTMLAttributes } from 'react';
import { useEpicsById, useMembersById } from './lookups';

interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  /** The first option, standing for "none" or "any" (value ''). */
  noneLabel: string;
  onPick: (id: string) => void;
  /** Extra options after "none", such as "Unassigned" in a filter. */
  extra?: { value: string; label: string }[];
}
interface PickerProps extends SelectProps {
  projectKey: string;
}

/** A select over members or epics; every picker shares one shape. */
function Picker({
  options,
  noneLabel,
  onPick,
  extra = [],
  ...rest
}: SelectProps & { options: { value: string; label: string }[] }) {
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

export function MemberPicker({ projectKey, ...props }: PickerProps) {
  const members = useMembersById(projectKey);
  return (
    <Picker
      {...props}
      options={[...members.values()].map((m) => ({ value: m.user.id, label: m.user.name }))}
    />
  );
}

export function EpicPicker({ projectKey, ...props }: PickerProps) {
  const epics = useEpicsById(projectKey);
  return <EpicSelect {...props} epics={[...epics.values()]} />;
}

/** A select over epics the caller has at hand (a product's, outside any project). */
export function EpicSelect({
  epics,
  ...props
}: SelectProps & { epics: readonly { id: string; title: string }[] }) {
  return <Picker {...props} options={epics.map((e) => ({ value: e.id, label: e.title }))} />;
}
