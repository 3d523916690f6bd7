export * from './live-sync';
export * from './rules';
export * from './socket';
export * from './inbox';
