import type { Project } from '@ordo/domain';
import { EditableText } from '../../shared/ui/editable-text';
import { useCan } from '../projects/access';
import { usePmCommand } from './use-roadmap-actions';

/** The product vision, owned by the PM, above the roadmap it steers. */
export function VisionPanel({ project }: { project: Project }) {
  const editing = useCan('vision.edit');
  const command = usePmCommand(project.key);
  return (
    <section className="card stack" style={{ padding: 16 }} aria-label="Product vision">
      <h2>Product vision</h2>
      <EditableText
        multiline
        label="Product vision"
        value={project.vision}
        placeholder={
          editing.allowed ? 'Where is this product going, and for whom?' : 'No vision written yet.'
        }
        disabled={!editing.allowed}
        reason={editing.reason}
        onCommit={(vision) => command.mutate({ command: 'vision', vision })}
      />
    </section>
  );
}
