export { type ServeOptions, serveAcademy } from './server.ts';
