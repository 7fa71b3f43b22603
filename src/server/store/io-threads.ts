// Every autosave ends in an fdatasync, and Node runs file-system calls on libuv's thread pool: 4 threads by default,
// shared with password hashing. Four slow syncs would then queue every other file call (including the stat that the
// static-file handler makes for each request) behind them. libuv reads this variable once, when the pool first
// starts, so it is set here, in the first module the server and the store load; an explicit setting wins.
// See https://docs.libuv.org/en/v1.x/threadpool.html
process.env['UV_THREADPOOL_SIZE'] ??= '16';
