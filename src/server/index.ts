// What pages, endpoints and the middleware use from the server root; subfolders (accounts/, auth/, http/, store/)
// have their own index.ts.
export { allowedOrigins, dataDir, isHttps, isListedHost, linkOrigin, listeningOrigin, publicOrigin } from './config.ts';
export { getStore } from './runtime.ts';
