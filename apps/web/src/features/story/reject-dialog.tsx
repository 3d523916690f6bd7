import { useState } from 'react';
import { FormDialog } from '../../shared/ui/dialog';

/** A rejection always says why, so the team knows what to fix. */
export function RejectDialog({
  storyKey,
  onReject,
  onClose,
}: {
  storyKey: string;
  onReject: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={`Reject ${storyKey}`}
      submitLabel="Reject"
      danger
      canSubmit={!!reason.trim()}
      onSubmit={() => onReject(reason.trim())}
      onClose={onClose}
    >
      <label>
        What is missing?
        <textarea required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </FormDialog>
  );
}
