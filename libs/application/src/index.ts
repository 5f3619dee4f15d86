export * from './clas-command.js';
export * from './command-bus.port.js';
