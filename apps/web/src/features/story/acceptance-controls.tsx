import { useState } from 'react';
import type { Story } from '@ordo/domain';
import { ActionButton } from '../../shared/ui/action-button';
import { useCan } from '../projects/access';
import { RejectDialog } from './reject-dialog';
import { useStoryCommand } from './use-story-actions';

/** The PO's call on a done story: accept it, or reject it with a reason (which sends it back). */
export function AcceptanceControls({
  projectKey,
  story,
  isDone,
}: {
  projectKey: string;
  story: Story;
  isDone: boolean;
}) {
  const accepting = useCan('story.accept');
  const command = useStoryCommand(projectKey, story.key);
  const [rejecting, setRejecting] = useState(false);
  if (!isDone) return null;
  if (story.accepted) return <span className="chip chip-ready">✓ Accepted by the Product Owner</span>;
  return (
    <div className="row">
      <ActionButton
        variant="primary"
        allowed={accepting.allowed}
        reason={accepting.reason}
        onClick={() => command.mutate({ command: 'accept' })}
      >
        Accept
      </ActionButton>
      <ActionButton
        variant="danger"
        allowed={accepting.allowed}
        reason={accepting.reason}
        onClick={() => setRejecting(true)}
      >
        Reject
      </ActionButton>
      {rejecting && (
        <RejectDialog
          storyKey={story.key}
          onClose={() => setRejecting(false)}
          onReject={(reason) => command.mutate({ command: 'reject', body: { reason } })}
        />
      )}
    </div>
  );
}
