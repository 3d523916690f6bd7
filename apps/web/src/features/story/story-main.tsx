import type { Story } from '@ordo/domain';
import { TypeOptions } from './story-chips';
import { EditableText } from '../../shared/ui/editable-text';
import { RoleHint } from '../../shared/ui/feedback';
import { useCan } from '../projects/access';
import { AcceptanceChecklist } from './acceptance-checklist';
import { MarkdownField } from '../../shared/markdown/markdown-field';
import type { StoryEdit } from './use-story-actions';

/** The words of the story: title, type, the user-story form, the description and its acceptance criteria. */
export function StoryMain({ story, onEdit }: { story: Story; onEdit: (fields: StoryEdit) => void }) {
  const editing = useCan('story.edit');
  const text = (label: string, field: 'persona' | 'goal' | 'benefit', placeholder: string) => (
    <EditableText
      label={label}
      value={story[field]}
      placeholder={placeholder}
      disabled={!editing.allowed}
      reason={editing.reason}
      onCommit={(value) => onEdit({ [field]: value })}
    />
  );
  return (
    <div className="stack story-main">
      {!editing.allowed && <RoleHint reason={editing.reason}>You can still comment.</RoleHint>}
      <div className="row">
        <select
          aria-label="Type"
          value={story.type}
          disabled={!editing.allowed}
          title={editing.reason}
          onChange={(e) => onEdit({ type: e.target.value as Story['type'] })}
        >
          <TypeOptions />
        </select>
        <span className="story-key muted">{story.key}</span>
        {story.deleted && <span className="chip chip-warn">Deleted</span>}
      </div>
      <EditableText
        className="title-input"
        label="Title"
        value={story.title}
        maxLength={255}
        disabled={!editing.allowed}
        reason={editing.reason}
        onCommit={(title) => title && onEdit({ title })}
      />
      <fieldset className="user-story">
        <legend>User story</legend>
        <span>As a</span>
        {text('As a', 'persona', 'kind of user')}
        <span>I want</span>
        {text('I want', 'goal', 'to do something')}
        <span>so that</span>
        {text('so that', 'benefit', 'I get some value')}
      </fieldset>
      <section aria-label="Description" className="stack">
        <strong>Description</strong>
        <MarkdownField
          label="Description"
          value={story.description}
          placeholder="Details, links, notes"
          disabled={!editing.allowed}
          reason={editing.reason}
          onCommit={(description) => onEdit({ description })}
        />
      </section>
      <AcceptanceChecklist
        criteria={story.acceptanceCriteria}
        editing={editing}
        onChange={(acceptanceCriteria) => onEdit({ acceptanceCriteria })}
      />
    </div>
  );
}
