declare namespace App {
  interface Locals {
    /** The signed-in account, or `null`; set by src/middleware.ts on every on-demand request. */
    user: import('./store/types.ts').User | null;
    /** The live session behind the cookie, or `null`. */
    session: import('./store/types.ts').Session | null;
  }
}
