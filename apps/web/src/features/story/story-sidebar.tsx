import type { ReactNode } from 'react';
import type { Status, Story } from '@ordo/domain';
import { ActionButton } from '../../shared/ui/action-button';
import { EditableText } from '../../shared/ui/editable-text';
import { useCan } from '../projects/access';
import { EpicPicker, MemberPicker } from '../projects/pickers';
import { AcceptanceControls } from './acceptance-controls';
import { PointsPicker } from './points-picker';
import { WatchButton } from './watch-button';
import { useStoryCommand, type StoryEdit } from './use-story-actions';

interface Props {
  projectKey: string;
  story: Story;
  statuses: readonly Status[];
  onEdit: (fields: StoryEdit) => void;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      {children}
    </div>
  );
}

const splitLabels = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];

/** The story's properties, each control enabled only for the roles the policy table names. */
export function StorySidebar({ projectKey, story, statuses, onEdit }: Props) {
  const can = {
    transition: useCan('story.transition'),
    assign: useCan('story.assign'),
    estimate: useCan('story.estimate'),
    epic: useCan('story.link_epic'),
    edit: useCan('story.edit'),
    remove: useCan('story.delete'),
  };
  const command = useStoryCommand(projectKey, story.key);
  const isDone = statuses.find((s) => s.id === story.statusId)?.category === 'done';
  return (
    <aside className="story-sidebar card stack" aria-label="Story details">
      <WatchButton projectKey={projectKey} story={story} />
      <Field label="Status">
        <select
          aria-label="Status"
          value={story.statusId}
          disabled={!can.transition.allowed}
          title={can.transition.reason}
          onChange={(e) => onEdit({ statusId: e.target.value })}
        >
          {statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <AcceptanceControls projectKey={projectKey} story={story} isDone={isDone} />
      <Field label="Assignee">
        <MemberPicker
          projectKey={projectKey}
          aria-label="Assignee"
          noneLabel="Unassigned"
          value={story.assigneeId ?? ''}
          disabled={!can.assign.allowed}
          title={can.assign.reason}
          onPick={(id) => onEdit({ assigneeId: id || null })}
        />
      </Field>
      <Field label="Story points">
        <PointsPicker
          points={story.points}
          estimating={can.estimate}
          onPick={(points) => onEdit({ points })}
        />
      </Field>
      <Field label="Epic">
        <EpicPicker
          projectKey={projectKey}
          aria-label="Epic"
          noneLabel="No epic"
          value={story.epicId ?? ''}
          disabled={!can.epic.allowed}
          title={can.epic.reason}
          onPick={(id) => onEdit({ epicId: id || null })}
        />
      </Field>
      <Field label="Labels (comma separated)">
        <EditableText
          label="Labels"
          value={story.labels.join(', ')}
          disabled={!can.edit.allowed}
          reason={can.edit.reason}
          onCommit={(text) => onEdit({ labels: splitLabels(text) })}
        />
      </Field>
      <Field label="Due date">
        <input
          type="date"
          aria-label="Due date"
          value={story.dueDate ?? ''}
          disabled={!can.edit.allowed}
          title={can.edit.reason}
          onChange={(e) => onEdit({ dueDate: e.target.value || null })}
        />
      </Field>
      <ActionButton
        variant="danger"
        allowed={can.remove.allowed}
        reason={can.remove.reason}
        onClick={() => command.mutate({ command: story.deleted ? 'restore' : 'delete' })}
      >
        {story.deleted ? 'Restore story' : 'Delete story'}
      </ActionButton>
    </aside>
  );
}
