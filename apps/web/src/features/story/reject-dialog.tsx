import { useState, type FormEvent } from 'react';
import { Dialog } from '../../shared/ui/dialog';

/** A rejection always says why, so the team knows what to fix. */
export function RejectDialog({ storyKey, onReject, onClose }: { storyKey: string; onReject: (reason: string) => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onReject(reason.trim());
    onClose();
  };
  return (
    <Dialog title={`Reject ${storyKey}`} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <label>
          What is missing?
          <textarea required maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="row">
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={!reason.trim()}>
            Reject
          </button>
        </div>
      </form>
    </Dialog>
  );
}
