// The benchmark's HTTP target, in its own process so its CPU is not counted as the engine's.
// Answers every request with a small JSON body and sends its port to the parent.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('Content-Type', 'application/json');
    res.end('{"ok":true,"ts":"1712345678.000100"}');
  });
});
server.listen(0, '127.0.0.1', () => process.send?.(server.address().port));
process.on('disconnect', () => process.exit(0));
