declare namespace App {
  interface Locals {
    /** The signed-in account, or `null`; set by src/middleware.ts on every on-demand request. */
    user: import('./store/types.ts').User | null;
    /** The live session behind the cookie, or `null`. */
    session: import('./store/types.ts').Session | null;
    /** A form posted without JavaScript, as its API answered it (src/server/http/form-post.ts); absent otherwise. */
    formResult?: import('../present/form-result.ts').FormResult;
  }
}
