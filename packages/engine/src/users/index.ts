export * from './role';
export * from './permissions';
export * from './user';
export * from './api-key';
