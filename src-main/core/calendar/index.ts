export * from './iso-date';
export * from './hours';
export * from './non-working-days';
export * from './service-calendar';
export * from './ics';
export * from './csv';
export * from './store';
