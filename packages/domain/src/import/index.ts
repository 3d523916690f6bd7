export * from './jira-issue';
export * from './jira-csv';
export * from './jira-json';
export * from './plan';
export * from './points';
export * from './wiki-markup';
