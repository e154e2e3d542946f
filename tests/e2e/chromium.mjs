// The flags every headless Chromium run of this project uses (tests and benchmarks): this
// machine's closed network refuses Chromium's background connections without them.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
