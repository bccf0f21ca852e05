// Tests in src/domain may not do I/O (lint), so they take text fixtures as `?raw` imports, which
// Vite/Vitest inline at transform time. The client tsconfig knows `*?raw` from vite/client; the
// server tsconfig (Node types only) learns it here.
declare module '*.txt?raw' {
  const text: string;
  export default text;
}
