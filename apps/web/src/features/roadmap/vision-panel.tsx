import { EditableText } from '../../shared/ui/editable-text';
import { useCan } from '../projects/access';
import { usePmCommand, type PmScope } from './use-roadmap-actions';

/** The product vision, owned by the PM, above the roadmap it steers. */
export function VisionPanel({ vision, scope }: { vision: string; scope: PmScope }) {
  const editing = useCan('vision.edit');
  const command = usePmCommand(scope);
  return (
    <section className="card stack" style={{ padding: 16 }} aria-label="Product vision">
      <h2>Product vision</h2>
      <EditableText
        multiline
        label="Product vision"
        value={vision}
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
