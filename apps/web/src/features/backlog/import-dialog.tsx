import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { storyListResponse, type CreateStory } from '@ordo/domain';
import { describeError, request } from '../../shared/api/client';
import { projectPath } from '../../shared/api/paths';
import { useProjectCommand } from '../../shared/api/use-project-command';
import { FormDialog } from '../../shared/ui/dialog';
import { storyCount } from '../../shared/ui/format';
import { useCan } from '../projects/access';
import { planImport, type ImportSource } from './import-parse';
import { ImportPreview } from './import-preview';

/**
 * Bringing a backlog over: paste titles or choose a CSV (Jira's export works), check the preview, then one
 * request imports every valid story at the bottom of the backlog, or none if the server refuses.
 */
export function ImportDialog({ projectKey, onClose }: { projectKey: string; onClose: () => void }) {
  const [source, setSource] = useState<ImportSource>({ kind: 'lines', text: '' });
  const file = useRef<HTMLInputElement>(null);
  const estimating = useCan('story.estimate');
  const plan = useMemo(() => planImport(source, estimating.allowed), [source, estimating.allowed]);
  const importing = useProjectCommand(
    projectKey,
    (stories: CreateStory[]) =>
      request(`${projectPath(projectKey)}/stories/import`, storyListResponse, {
        method: 'POST',
        body: { stories },
      }),
    ({ items }) => `Imported ${storyCount(items.length)}`,
  );
  const onPaste = (text: string) => {
    if (file.current) file.current.value = '';
    setSource({ kind: 'lines', text });
  };
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (chosen) setSource({ kind: 'csv', fileName: chosen.name, text: await chosen.text() });
  };
  const hasInput = source.text.trim() !== '';
  return (
    <FormDialog
      title="Import stories"
      wide
      submitLabel={
        importing.isPending
          ? 'Importing…'
          : plan.stories.length === 0
            ? 'Import'
            : `Import ${storyCount(plan.stories.length)}`
      }
      canSubmit={plan.stories.length > 0 && !plan.blocker && !importing.isPending}
      closeOnSubmit={false}
      onSubmit={() => importing.mutate(plan.stories, { onSuccess: onClose })}
      onClose={onClose}
    >
      <label>
        Story titles, one per line
        <textarea
          rows={6}
          value={source.kind === 'lines' ? source.text : ''}
          placeholder={
            source.kind === 'csv'
              ? `Importing from ${source.fileName}`
              : 'Search by name\nPay with a card\nTrack my parcel'
          }
          onChange={(e) => onPaste(e.target.value)}
        />
      </label>
      <label>
        Or a CSV file, such as Jira’s export (Summary, Issue Type, Description, Labels, Story Points)
        <input ref={file} type="file" accept=".csv,text/csv" onChange={onFile} />
      </label>
      {hasInput && <ImportPreview plan={plan} />}
      {importing.isError && (
        <p className="error-text" role="alert">
          Nothing was imported: {describeError(importing.error)}
        </p>
      )}
    </FormDialog>
  );
}
