export * from './users';
export * from './workflows';
export * from './endpoints';
export * from './flows';
export * from './runs';
export * from './custom-steps';
export * from './scripting';
export * from './script-refs';
