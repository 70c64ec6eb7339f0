// Stands in for the `electron` module under vitest (see vitest.config.ts): importing it must
// never try to download the Electron runtime.
throw new Error('electron is not available under plain Node; test the core or the browser host instead');
