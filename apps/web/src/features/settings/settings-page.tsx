import { RoleHint } from '../../shared/ui/feedback';
import { Section } from '../../shared/ui/section';
import { useCan } from '../projects/access';
import { useProjectKey } from '../projects/use-project-key';
import { ImportWizard } from './import-wizard';
import { exportUrl } from './queries';
import './settings.css';

/** Moving in and out: the project as a file (JSON, or a Jira-headed CSV), and the Jira import wizard. */
export function SettingsPage() {
  const projectKey = useProjectKey();
  const exporting = useCan('project.export');
  const importing = useCan('project.import');
  return (
    <main className="page settings">
      <h1>Settings</h1>
      <Section title="Export">
        {exporting.allowed ? (
          <div className="row">
            <a className="btn" href={exportUrl(projectKey, 'json')} download>
              Export as JSON
            </a>
            <a className="btn" href={exportUrl(projectKey, 'csv')} download>
              Export as CSV
            </a>
            <span className="muted">
              JSON: the whole project, restorable; CSV: the stories with Jira’s headers.
            </span>
          </div>
        ) : (
          <RoleHint reason={exporting.reason} />
        )}
      </Section>
      <Section title="Import from Jira">
        {importing.allowed ? (
          <ImportWizard projectKey={projectKey} />
        ) : (
          <RoleHint reason={importing.reason} />
        )}
      </Section>
    </main>
  );
}
